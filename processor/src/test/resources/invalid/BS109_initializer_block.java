package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Lif {
  @Param double tau = 10, V_th = 20;
  @State double V;

  {
    tau = 20; // error: BS109 at `tau` says `instance initializer block`
  }

  @Ode("V")
  double dV(double V) {
    return -V / tau;
  }
}
