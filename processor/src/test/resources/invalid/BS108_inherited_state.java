package corpus;

import io.brainstem.annotations.*;

@Neuron
public class Leaky extends Membrane { // error: BS108 at `Membrane` says `Membrane.V`
  @Param double V_th = 20;

  @Threshold
  boolean fire() {
    return V >= V_th;
  }

  @Reset
  void reset() {
    V = 0;
  }
}

class Membrane {
  @Param double tau = 10;
  @State double V;

  @Ode("V")
  double dV(double V) {
    return -V / tau;
  }
}
