package corpus;

import io.brainstem.annotations.*;

@Neuron
public class RateUnit {
  @Param double tau = 10;
  @State double r;
  @Input double input;

  @Ode("r")
  double dr(double r, double input) {
    return (-r + input) / tau;
  }

  @Graded("input") // error: BS107 at `@Graded`
  double flow() {
    return r;
  }
}
