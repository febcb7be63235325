package corpus;

import io.brainstem.annotations.*;

@Synapse(backward = true)
public class Saturating {
  @Param double g_max = 1, tau = 5;
  @State double g;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void onSpike() { // error: BS452 at `onSpike` says `not one 'state += parameter'`
    g += 2 * g_max;
  }

  @Output("input")
  double current() {
    return g;
  }
}
