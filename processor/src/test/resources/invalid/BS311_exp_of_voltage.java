package corpus;

import io.brainstem.annotations.*;

@Neuron
public class ExpIf {
  @Param(unit = "mV") double V_rest = -65, V_T = -59.9, delta_T = 3.48;
  @Param(unit = "ms") double tau = 10;
  @State(unit = "mV") double V;

  @Ode("V")
  double dV(double V) {
    return (V_rest - V + delta_T * Math.exp(V - V_T)) / tau; // error: BS311 at `- V_T` says `the argument of exp must be dimensionless`
  }
}
