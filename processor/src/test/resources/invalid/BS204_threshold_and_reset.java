package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Lif {
  @Param double V_rest = 0, V_th = 20, tau = 10;
  @State double V;
  @Input double input;

  @Ode("V")
  double dV(double V, double input) {
    return (V_rest - V + input) / tau;
  }

  @Threshold
  @Reset // error: BS204 at `@Reset`
  boolean fire() {
    return V >= V_th;
  }
}
