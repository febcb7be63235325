package corpus;

import io.brainstem.annotations.*;

public class Models {
  @Neuron // error: BS101 at `@Neuron`
  static class Inner {
    @State double V;
  }
}
