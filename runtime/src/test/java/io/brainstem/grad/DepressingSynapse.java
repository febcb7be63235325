package io.brainstem.grad;

import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.PerSynapse;
import io.brainstem.annotations.Post;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Synapse;

/**
 * A test model for the per-synapse backward step: depression only, with its recovery time
 * {@code tau_d} shared by all synapses (a lumped parameter read by the per-synapse ODE), so its
 * gradient is gathered per postsynaptic neuron.
 */
@Synapse(backward = true)
public class DepressingSynapse {
  @Param @PerSynapse double w = 1;
  @Param double tau = 4;
  @Param double tau_d = 5;
  @Param double E = 50;
  @State @PerSynapse double x = 1;
  @State double g;
  @Post double V;

  @Ode("x")
  double dx(double x) {
    return (1 - x) / tau_d;
  }

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void onSpike() {
    g += w * x;
    x -= 0.4 * x;
  }

  @Output("input")
  double current() {
    return g * (E - V);
  }
}
