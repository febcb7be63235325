package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Lif {
  @Param double V_reset = -5, V_th = 20, tau = 10;
  @State double V;
  @Input double input;

  @Ode("V")
  double dV(double V, double input) {
    return (-65 * mV - V + input) / tau; // error: BS399 at `mV` says `one consistent set of units`
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
