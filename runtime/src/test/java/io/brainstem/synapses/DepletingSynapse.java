package io.brainstem.synapses;

import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.PerPre;
import io.brainstem.annotations.PerSynapse;
import io.brainstem.annotations.Post;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Synapse;

/**
 * A test model with all three homes: a release fraction per presynaptic neuron, a weight and a
 * resource per synapse (depleted by each spike, never recovering), one conductance per
 * postsynaptic neuron.
 */
@Synapse
public class DepletingSynapse {
  @Param @PerPre double U = 0.5;
  @Param @PerSynapse double w = 1;
  @State @PerSynapse double x = 1;
  @Param double tau = 5;
  @Param double E = 0;
  @State double g;
  @Post double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void onSpike() {
    g += w * U * x;
    x -= U * x;
  }

  @Output("input")
  double current() {
    return g * (E - V);
  }
}
