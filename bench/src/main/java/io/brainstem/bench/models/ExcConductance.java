package io.brainstem.bench.models;

import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Synapse;

/**
 * Brian2's {@code dge/dt = −ge/taue} with {@code on_pre='ge += we'}, kept per postsynaptic neuron
 * and handed to the neuron's {@code ge} input every step.
 */
@Synapse
public class ExcConductance {
  @Param double w = 0.6, tau = 5;
  @State double g;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void onSpike() {
    g += w;
  }

  @Output("ge")
  double conductance() {
    return g;
  }
}
