package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Lif {
  @Param double tau = 10;
  @State double V;

  @Ode("V")
  double dV(double V) {
    return (1.0 * -(V > 0 ? 0 : 1) - V) / tau; // error: BS307 at `-(` says `chosen at run time`
  }
}
