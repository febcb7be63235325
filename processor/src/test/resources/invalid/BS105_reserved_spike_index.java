package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Lif {
  @Param double V_rest = 0, V_reset = -5, V_th = 20, tau = 10;
  @State double spikeIndex; // error: BS105 at `spikeIndex` says `NeuronGroup.spikeIndex`
  @State double V;
  @State double V_float;
  @Input double input;

  @Ode("V")
  double dV(double V, double input) {
    return (V_rest - V + input) / tau;
  }

  @Threshold
  boolean fire() {
    return V >= V_th;
  }

  @Reset
  void reset() {
    V = V_reset;
  }
}
