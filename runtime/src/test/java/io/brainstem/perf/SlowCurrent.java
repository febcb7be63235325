package io.brainstem.perf;

import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Synapse;

/** A current of the fused shape written as {@code -(g / tau)} (FusedInputsTest). */
@Synapse
public class SlowCurrent {
  @Param double w = 2, tau = 20;
  @State double g;

  @Ode("g")
  double dg(double g) {
    return -(g / tau);
  }

  @OnPre
  void on() {
    g += w;
  }

  @Output("I_exc")
  double current() {
    return g;
  }
}
