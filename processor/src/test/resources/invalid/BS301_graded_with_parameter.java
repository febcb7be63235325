package corpus;

import io.brainstem.annotations.*;

@Synapse
public class GradedTakesArgument {
  @Param @PerSynapse double w = 1;
  @Pre double r;

  @Graded("input")
  double flow(double r) { // error: BS301 at `flow` says `@Graded methods are`
    return w * r;
  }
}
