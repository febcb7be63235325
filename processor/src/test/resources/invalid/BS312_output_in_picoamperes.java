package corpus;

import io.brainstem.annotations.*;

@Synapse
public class Exp {
  @Param(unit = "nS") double g_max = 1;
  @Param(unit = "ms") double tau = 8;
  @Param(unit = "mV") double E = 0;
  @State(unit = "nS") double g;
  @Post(unit = "mV") double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void onSpike() {
    g += g_max;
  }

  @Output(value = "input", unit = "nA")
  double current() {
    return g * (E - V); // error: BS312 at `* (E` says `returns pA (current), but the @Output declares unit = "nA"`
  }
}
