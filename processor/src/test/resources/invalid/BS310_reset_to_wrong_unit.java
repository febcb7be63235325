package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Adaptive {
  @Param(unit = "mV") double V_reset = -65, V_th = -50, b = 0.1;
  @Param(unit = "ms") double tau = 10, tau_w = 100;
  @State(unit = "mV") double V;
  @State(unit = "nA") double w;

  @Ode("V")
  double dV(double V) {
    return -V / tau;
  }

  @Ode("w")
  double dw(double w) {
    return -w / tau_w;
  }

  @Threshold
  boolean fire() {
    return V >= V_th;
  }

  @Reset
  void reset() {
    V = V_reset;
    w += b; // error: BS310 at `b` says `adds 'b' in mV (voltage) to 'w', declared in nA (current)`
  }
}
