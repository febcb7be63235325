package corpus;

import io.brainstem.annotations.*;

@Synapse
public class Stp {
  @Param double U = 0.5, w = 1, tau = 8, E = 0;
  @State double g;
  @State double u;
  @State double x = 1;
  @Post double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre // error: BS432 at `@OnPre` says `shared by all its presynaptic partners`
  void onSpike() {
    u += U * (1 - u);
    g += w * u * x;
    x -= u * x;
  }

  @Output("input")
  double current() {
    return g * (E - V);
  }
}
