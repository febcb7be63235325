package corpus;

import io.brainstem.annotations.*;

@Synapse
public class PostWriteReadsWeight {
  @Param double tau = 5, E = 0;
  @State @PerSynapse double w = 1;
  @State double g, apost;
  @Post double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void onSpike() {
    g += w;
  }

  @OnPost // error: BS437 at `@OnPost` says `once per postsynaptic spike`
  void onPostSpike() {
    apost += w;
  }

  @Output("input")
  double current() {
    return g * (E - V);
  }
}
