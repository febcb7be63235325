package corpus;

import io.brainstem.annotations.*;

@Synapse
public class Trace {
  @Param double tau = 8, E = 0, tau_pre = 20;
  @State double g;
  @State @PerPre double apre = 1;
  @Post double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @Ode("apre") // error: BS434 at `@Ode` says `integrating per-presynaptic states every step is not supported`
  double dapre(double apre) {
    return -apre / tau_pre;
  }

  @OnPre
  void onSpike() {
    g += apre;
  }

  @Output("input")
  double current() {
    return g * (E - V);
  }
}
