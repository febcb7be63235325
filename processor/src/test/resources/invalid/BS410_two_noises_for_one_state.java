package corpus;

import io.brainstem.annotations.*;

@Neuron
public class NoisyLif {
  @Param double V_rest = -60, tau = 10, sigma = 1;
  @State double V;
  @Input double input;

  @Ode("V")
  double dV(double V, double input) {
    return (V_rest - V + input) / tau;
  }

  @Noise("V")
  double noise() {
    return sigma;
  }

  @Noise("V") // error: BS410 at `"V"` says `already has a @Noise`
  double moreNoise() {
    return sigma;
  }
}
