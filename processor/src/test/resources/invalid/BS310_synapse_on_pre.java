package corpus;

import io.brainstem.annotations.*;

@Synapse
public class Exp {
  @Param(unit = "nS") double g_max = 1;
  @Param(unit = "ms") double tau = 8;
  @Param(unit = "mV") double E = 0;
  @State(unit = "uS") double g;
  @Post(unit = "mV") double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void onSpike() {
    g += g_max; // error: BS310 at `g_max` says `times 0.001 is in uS`
  }

  @Output(value = "input", unit = "nA")
  double current() {
    return g * (E - V);
  }
}
