package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Lif {
  @Param double V_reset = -5, V_th = 20;
  @State double V;
  @Input double input;

  @Ode("V")
  double dV(double V, double input) {
    return (0 - V + input) / 10;
  }

  @Threshold
  boolean fire() {
    return V >= V_th;
  }

  @Reset
  void reset() {
    double target = V_reset; // error: BS302 at `target`
    V = target;
  }
}
