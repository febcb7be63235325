package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Lif {
  @Param double V_rest = 0, V_reset = -5, V_th = 20;
  @Param double tau = 2 * V_th; // error: BS203 at `V_th;`
  @State double V;
  @Input double input;

  @Ode("V")
  double dV(double V, double input) {
    return (V_rest - V + input) / tau;
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
