package corpus;

import io.brainstem.annotations.*;

@Synapse
public class Exp { // error: BS404 at `class`
  @Param double g_max = 1, tau = 8, E = 0;
  @State double g;
  @Post double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @Output("input")
  double current() {
    return g * (E - V);
  }
}
