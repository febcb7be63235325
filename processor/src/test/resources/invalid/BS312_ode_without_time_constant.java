package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Lif {
  @Param(unit = "mV") double V_rest = -65;
  @State(unit = "mV") double V;

  @Ode("V")
  double dV(double V) {
    return V_rest - V; // error: BS312 at `- V;` says `returns mV (voltage), but dV/dt must be in mV per ms (mV/ms`
  }
}
