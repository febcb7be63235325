package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Lif {
  @Param double tau = 10;
  @State double V;

  @Ode("V")
  double dV(double V) {
    return (Math.abs(-2147483648) - V) / tau; // error: BS307 at `.abs` says `overflows Java's int`
  }
}
