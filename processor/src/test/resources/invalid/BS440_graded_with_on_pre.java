package corpus;

import io.brainstem.annotations.*;

@Synapse
public class RateAndSpikes {
  @Param @PerSynapse double w = 1;
  @Pre double r;
  @Post double V;

  @OnPre // error: BS440 at `@OnPre` says `carries no spikes`
  void onSpike() {
    V += w;
  }

  @Graded("input")
  double flow() {
    return w * r;
  }
}
