package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Lif {
  @Param(unit = "V") double V_rest = -0.065;
  @Param(unit = "ms") double tau = 10;
  @State(unit = "mV") double V;

  @Ode("V")
  double dV(double V) {
    return (V_rest - V) / tau; // error: BS310 at `-` says `'V_rest' in V (voltage) and 'V' in mV (voltage)`
  }
}
