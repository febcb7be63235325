package corpus;

import io.brainstem.annotations.*;

@Neuron(backward = true)
public class NoisyLeak {
  @Param double tau = 10, sigma = 1;
  @State double V;
  @Input double input;

  @Ode("V")
  double dV(double V, double input) {
    return (-V + input) / tau;
  }

  @Noise("V")
  double noise() { // error: BS451 at `noise` says `not replayed`
    return sigma;
  }
}
