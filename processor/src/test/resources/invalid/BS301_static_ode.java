package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Lif {
  @Param double V_reset = -5, V_th = 20;
  @State double V;
  @Input double input;

  @Ode("V")
  static double dV(double V, double input) { // error: BS301 at `dV`
    return (0 - V + input) / 10;
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
