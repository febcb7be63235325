package corpus;

import io.brainstem.annotations.*;

@Synapse(backward = true)
public class VoltageRecovery {
  @Param double w = 1, tau = 5, tau_d = 200;
  @State @PerSynapse double x = 1;
  @State double g;
  @Post double V;

  @Ode("x")
  double dx(double x) { // error: BS453 at `dx` says `reads @Post V`
    return (1 - x) / tau_d * (1 + V / 100);
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
