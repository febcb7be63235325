package corpus;

import io.brainstem.annotations.*;

@Synapse
public class Scaled {
  @Param double c = 1.5, tau = 8, E = 0;
  @State double g;
  @Post double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre // error: BS432 says `updates 'g *= ...'`
  void onSpike() {
    g *= c;
  }

  @Output("input")
  double current() {
    return g * (E - V);
  }
}
