package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Lif {
  @Param(unit = "mV") double V_rest = -65;
  @Param(unit = "ms") double tau = 10;
  @State(unit = "mV") double V;
  @Input(unit = "nA") double input;

  @Ode("V")
  double dV(double V, double input) {
    return (V_rest - V + input) / tau; // error: BS310 at `+` says `in mV (voltage) and 'input' in nA (current)`
  }
}
