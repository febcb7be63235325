package corpus;

import io.brainstem.annotations.*;

@Synapse
public class Trace {
  @Param double tau = 8, E = 0, tau_pre = 20;
  @State double g;
  @State @PerSynapse double apre;
  @Post double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @Ode("apre") // error: BS434 at `@Ode` says `reads [g]`
  double dapre(double apre, double g) {
    return -apre / tau_pre + g;
  }

  @OnPre
  void onSpike() {
    apre += 1;
    g += apre;
  }

  @Output("input")
  double current() {
    return g * (E - V);
  }
}
