package corpus;

import io.brainstem.annotations.*;

@Synapse
public class Exp {
  @Param @PerSynapse @PerPre double w = 1; // error: BS436 at `@PerPre`
  @Param double tau = 8, E = 0;
  @State double g;
  @Post double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void onSpike() {
    g += w;
  }

  @Output("input")
  double current() {
    return g * (E - V);
  }
}
