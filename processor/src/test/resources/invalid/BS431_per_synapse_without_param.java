package corpus;

import io.brainstem.annotations.*;

@Synapse
public class Exp {
  @PerSynapse double w = 1; // error: BS431 at `@PerSynapse` says `Add @Param or @State`
  @Param double tau = 8, E = 0;
  @State double g;
  @Post double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void onSpike() {
    g += 1;
  }

  @Output("input")
  double current() {
    return g * (E - V);
  }
}
