package corpus;

import io.brainstem.annotations.*;

public class Experiment {
  void run() {
    @Neuron // error: BS101 at `@Neuron` says `Leaky is declared inside a method`
    class Leaky {
      @Param double tau = 10;
      @State double V;

      @Ode("V")
      double dV(double V) {
        return -V / tau;
      }
    }
  }
}
