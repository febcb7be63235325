package corpus;

import io.brainstem.annotations.*;

/** The unannotated field is read in the ODE: one error at the field, no echoed BS104 there. */
@Neuron
public class Leaky {
  @Param double tau = 10;
  @Trainable double bias = 0; // error: BS209 at `@Trainable` says `a plain field`
  @State double x;
  @Input double input;

  @Ode("x")
  double dx(double x, double input) {
    return (-x + input + bias) / tau;
  }
}
