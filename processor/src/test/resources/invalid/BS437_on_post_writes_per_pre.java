package corpus;

import io.brainstem.annotations.*;

@Synapse
public class PostWritesPre {
  @Param double tau = 5, E = 0;
  @State @PerSynapse double w = 1;
  @State @PerPre double apre;
  @State double g;
  @Post double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void onSpike() {
    g += w;
    apre += 1;
  }

  @OnPost // error: BS437 at `@OnPost` says `once per synapse`
  void onPostSpike() {
    w += apre;
    apre = 0;
  }

  @Output("input")
  double current() {
    return g * (E - V);
  }
}
