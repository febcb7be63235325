package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Lif {
  @Param(unit = "mV") double V_reset = -65;
  @Param(unit = "ms") double V_th = -50, tau = 10;
  @State(unit = "mV") double V;

  @Ode("V")
  double dV(double V) {
    return (V_reset - V) / tau;
  }

  @Threshold
  boolean fire() {
    return V >= V_th; // error: BS310 at `>=` says `compares 'V' in mV (voltage) and 'V_th' in ms (time)`
  }

  @Reset
  void reset() {
    V = V_reset;
  }
}
