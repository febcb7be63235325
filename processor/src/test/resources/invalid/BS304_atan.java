package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Lif {
  @Param double V_rest = 0, V_reset = -5, V_th = 20, tau = 10;
  @State double V;
  @Input double input;

  @Ode("V")
  double dV(double V, double input) {
    return (V_rest - V + input * Math.atan(V)) / tau; // error: BS304 at `.atan` says `not among the functions Brainstem can differentiate`
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
