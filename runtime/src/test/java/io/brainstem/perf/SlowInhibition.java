package io.brainstem.perf;

import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Synapse;

/** An inhibitory current of the fused shape written as {@code -g / tau} (FusedInputsTest). */
@Synapse
public class SlowInhibition {
  @Param double w = 1.5, tau = 12;
  @State double g;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void on() {
    g -= w;
  }

  @Output("I_inh")
  double current() {
    return g;
  }
}
