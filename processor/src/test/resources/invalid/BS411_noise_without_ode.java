package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Drifting {
  @Param double V_rest = -60, tau = 10, sigma = 1;
  @State double V;
  @State double w;
  @Input double input;

  @Ode("V")
  double dV(double V, double w, double input) {
    return (V_rest - V + w + input) / tau;
  }

  @Noise("w") // error: BS411 at `"w"` says `has a @Noise but no @Ode`
  double noise() {
    return sigma;
  }
}
