package corpus;

import io.brainstem.annotations.*;

@Synapse
public class TwoFlows {
  @Param @PerSynapse double w = 1;
  @Pre double r;

  @Graded("input")
  double flow() {
    return w * r;
  }

  @Graded("input") // error: BS402 at `@Graded` says `only one @Graded`
  double again() {
    return r;
  }
}
