package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Leaky {
  @Param @PerSynapse double tau = 10; // error: BS430 at `@PerSynapse` says `only a synapse`
  @State double V;

  @Ode("V")
  double dV(double V) {
    return -V / tau;
  }
}
