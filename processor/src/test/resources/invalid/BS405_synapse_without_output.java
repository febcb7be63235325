package corpus;

import io.brainstem.annotations.*;

@Synapse
public class Exp { // error: BS405 at `class`
  @Param double g_max = 1, tau = 8, E = 0;
  @State double g;
  @Post double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void onSpike() {
    g += g_max;
  }
}
