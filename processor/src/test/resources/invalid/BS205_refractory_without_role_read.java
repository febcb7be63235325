package corpus;

import io.brainstem.annotations.*;

/** The unannotated period is read in the ODE: one error at the field, no echoed BS104 there. */
@Neuron
public class Lif {
  @Param double V_rest = 0, V_reset = -5, V_th = 20, tau = 10;
  @Refractory double tau_ref = 2; // error: BS205 at `@Refractory`
  @State double V;
  @Input double input;

  @Ode("V")
  double dV(double V, double input) {
    return (V_rest - V + input) / tau + 0 * tau_ref;
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
