package corpus;

import io.brainstem.annotations.*;

@Synapse
public class Exp {
  @Param @PerSynapse double w = 1;
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

  @Output("input") // error: BS433 at `@Output` says `reads [w]`
  double current() {
    return w * g * (E - V);
  }
}
