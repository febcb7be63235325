package corpus;

import io.brainstem.annotations.*;

@Synapse
public class WritesPre {
  @Param @PerSynapse double w = 1;
  @Pre double r;

  @Graded("input")
  double flow() {
    r = 0; // error: BS302
    return w * r;
  }
}
