package corpus;

import io.brainstem.annotations.*;

@Synapse
public class LowPassRate {
  @Param double tau = 5;
  @Param @PerSynapse double w = 1;
  @State @PerSynapse double s; // error: BS440 at `@State` says `keeps no state of its own`
  @Pre double r;

  @Graded("input")
  double flow() {
    return w * r;
  }
}
