package corpus;

import io.brainstem.annotations.*;

@Synapse
public class DottedPre {
  @Param @PerSynapse double w = 1;
  @Pre("pre.V") double V_pre; // error: BS207 at `"pre.V"` says `@Pre("pre.V") does not name a variable`

  @Graded("input")
  double flow() {
    return w * V_pre;
  }
}
