package corpus;

import io.brainstem.annotations.*;

@Synapse
public class TwoOutputs {
  @Param @PerSynapse double w = 1;
  @Param double g = 1;
  @Pre double r;
  @Post double V;

  @Output("input") // error: BS440 at `@Output` says `@Graded method 'flow'`
  double current() {
    return g * V;
  }

  @Graded("input")
  double flow() {
    return w * r;
  }
}
