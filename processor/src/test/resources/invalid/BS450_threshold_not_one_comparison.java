package corpus;

import io.brainstem.annotations.*;

@Neuron(backward = true)
public class TwoConditions {
  @Param double V_th = 20, w_max = 1;
  @State double V, w;
  @Input double input;

  @Ode("V")
  double dV(double V, double input) {
    return -V / 10 + input;
  }

  @Ode("w")
  double dw(double w) {
    return -w / 100;
  }

  @Threshold
  boolean fire() { // error: BS450 at `fire` says `is not one comparison`
    return V >= V_th && w < w_max;
  }

  @Reset
  void reset() {
    V = 0;
    w += 0.1;
  }
}
