package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Lif {
  @Param(unit = "mv") double V_rest = -65; // error: BS208 at `"mv"` says `'mv' is not a unit (did you mean 'mV'?)`
  @Param(unit = "ms") double tau = 10;
  @State(unit = "mV") double V;

  @Ode("V")
  double dV(double V) {
    return (V_rest - V) / tau;
  }
}
