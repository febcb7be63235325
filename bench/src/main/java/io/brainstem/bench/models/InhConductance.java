package io.brainstem.bench.models;

import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Synapse;

/**
 * Brian2's {@code dgi/dt = −gi/taui} with {@code on_pre='gi += wi'}, kept per postsynaptic neuron
 * and handed to the neuron's {@code gi} input every step.
 */
@Synapse
public class InhConductance {
  @Param double w = 6.7, tau = 10;
  @State double g;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void onSpike() {
    g += w;
  }

  @Output("gi")
  double conductance() {
    return g;
  }
}
