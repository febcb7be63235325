package corpus;

import io.brainstem.annotations.*;

@Neuron(method = Integrator.EXP_EULER)
public class Quadratic {
  @Param double V_c = -50, tau = 10;
  @State double V;
  @Input double input;

  @Ode("V") // error: BS412 at `@Ode("V")` says `is not linear in V`
  double dV(double V, double input) {
    return ((V - V_c) * (V - V_c) + input) / tau;
  }
}
