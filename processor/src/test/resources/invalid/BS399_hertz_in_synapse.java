package corpus;

import io.brainstem.annotations.*;

@Synapse
public class Exp {
  @Param double g_max = 1, tau = 8, E = 0;
  @State double g;
  @Post double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau + 5 * Hz; // error: BS399 at `Hz` says `'5 * Hz' becomes '0.005' (per ms)`
  }

  @OnPre
  void onSpike() {
    g += g_max;
  }

  @Output("input")
  double current() {
    return g * (E - V);
  }
}
