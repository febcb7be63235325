package corpus;

import io.brainstem.annotations.*;

@Synapse(backward = true)
public class Depressing {
  @Param double w = 1, tau = 5, tau_d = 200;
  @State @PerSynapse double x = 1; // error: BS453 at `x` says `kept per synapse`
  @State double g;

  @Ode("x")
  double dx(double x) {
    return (1 - x) / tau_d;
  }

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void onSpike() {
    g += w * x;
    x -= 0.5 * x;
  }

  @Output("input")
  double current() {
    return g;
  }
}
