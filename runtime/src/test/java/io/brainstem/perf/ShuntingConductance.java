package io.brainstem.perf;

import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.Post;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Synapse;

/** A conductance of the fused shape, output {@code (E - V) * g} (FusedInputsTest). */
@Synapse
public class ShuntingConductance {
  @Param double w = 0.05, tau = 8, E = -75;
  @State double g;
  @Post double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void on() {
    g += w;
  }

  @Output("I_inh")
  double current() {
    return (E - V) * g;
  }
}
