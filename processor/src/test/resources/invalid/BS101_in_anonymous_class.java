package corpus;

import io.brainstem.annotations.*;

public class Experiment {
  Runnable setup = new Runnable() {
    @Neuron // error: BS101 at `@Neuron`
    class Leaky {
      @State double V;
    }

    public void run() {}
  };
}
