package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Adapt {
  @Param double tau = 10, tau_w = 100, V_reset = -5, V_th = 20;
  @State double V;
  @Param @State double w; // error: BS204 at `@State`

  @Ode("V")
  double dV(double V, double w) {
    return (0 - V - w) / tau;
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
    w += 1;
  }
}
