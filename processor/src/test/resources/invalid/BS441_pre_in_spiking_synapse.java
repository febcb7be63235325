package corpus;

import io.brainstem.annotations.*;

@Synapse
public class ReadsPreVoltage {
  @Param double tau = 5, g_max = 1;
  @State double g;
  @Pre double V; // error: BS441 at `@Pre` says `has no @Graded method`

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void onSpike() {
    g += g_max;
  }

  @Output("input")
  double current() {
    return g;
  }
}
