package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Osc {
  @Param double tau = 10;
  @State double V;

  @Ode("V")
  double dV(double V) {
    return (Math.atan(V) + Math.atan(2 * V)) / tau; // error: BS304 at `.atan` says `'Math.atan'`
  }
}
