package corpus;

import io.brainstem.annotations.*;

@Synapse
public class Depressing {
  @Param double tau = 8, E = 0;
  @State @PerPre double x = 1;
  @State double g;
  @Post double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre // error: BS435 at `@OnPre` says `once per presynaptic spike`
  void onSpike() {
    x = x * (1 - g);
    g += x;
  }

  @Output("input")
  double current() {
    return g * (E - V);
  }
}
