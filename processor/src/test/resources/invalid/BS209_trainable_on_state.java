package corpus;

import io.brainstem.annotations.*;

/** Training changes parameters: a state is computed by the model. */
@Neuron
public class Leaky {
  @Param @Trainable double tau = 10;
  @State @Trainable double x; // error: BS209 at `@Trainable` says `needs a @Param`
  @Input double input;

  @Ode("x")
  double dx(double x, double input) {
    return (-x + input) / tau;
  }
}
