package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Lif {
  @Param double tau = 10, V_th = 20;
  @State double V;

  Lif() {
    V = -65; // error: BS109 at `V` says `constructor of Lif`
  }

  @Ode("V")
  double dV(double V) {
    return -V / tau;
  }

  @Threshold
  boolean fire() {
    return V >= V_th;
  }

  @Reset
  void reset() {
    V = 0;
  }
}
