package corpus;

import io.brainstem.annotations.*;

@Synapse
public class Exp {
  @Param double g_max = 1, tau = 8, E = 0;
  @State double g;
  @Post("post.V") double V; // error: BS207 at `"post.V"`

  @Ode("g")
  double dg(double g) {
    return -g / tau;
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
