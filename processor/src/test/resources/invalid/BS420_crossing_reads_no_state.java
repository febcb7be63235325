package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Pulse {
  @Param double tau = 10, level = 5;
  @State double V;
  @Input double input;

  @Ode("V")
  double dV(double V, double input) {
    return (-V + input) / tau;
  }

  @Threshold(crossing = true) // error: BS420 at `true`
  boolean fire() {
    return input > level;
  }
}
