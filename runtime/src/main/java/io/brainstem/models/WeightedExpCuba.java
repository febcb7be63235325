package io.brainstem.models;

import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.PerSynapse;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Synapse;
import io.brainstem.annotations.Trainable;

/**
 * Exponential current-based synapse with one trainable weight per synapse: as {@link ExpCuba}, but
 * each presynaptic spike adds its own synapse's {@code w} (Brian2's {@code on_pre='I_post += w'}
 * with an exponentially decaying current). The current stays per postsynaptic neuron: the sum of
 * exponentially decaying kicks is linear, so one {@code g} per neuron is exact.
 *
 * <pre>
 *   dg/dt = −g / tau + Σ_k w_k · δ(t − t_spike(k))
 *   I_syn = g
 * </pre>
 *
 * Defaults: w 1, tau 5 ms. The weights and {@code tau} are {@code @Trainable}: {@code BptTrainer}'s
 * recurrent layer is one of these. Use the generated {@link WeightedExpCubaProjection}.
 */
@Synapse(backward = true)
public class WeightedExpCuba {
  @Param(unit = "nA") @PerSynapse @Trainable double w = 1;
  @Param(unit = "ms") @Trainable double tau = 5;
  @State(unit = "nA") double g;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void onSpike() {
    g += w;
  }

  @Output(value = "input", unit = "nA")
  double current() {
    return g;
  }
}
