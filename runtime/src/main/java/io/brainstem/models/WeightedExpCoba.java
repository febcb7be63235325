package io.brainstem.models;

import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.PerSynapse;
import io.brainstem.annotations.Post;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Synapse;

/**
 * Exponential conductance-based synapse with one weight per synapse (Brian2's
 * {@code on_pre='g_post += w'}): as {@link ExpCoba}, but each presynaptic spike adds its own
 * synapse's {@code w} instead of one {@code g_max}. The conductance stays per postsynaptic neuron:
 * the sum of exponentially decaying kicks is linear, so one {@code g} per neuron is exact.
 *
 * <pre>
 *   dg/dt = −g / tau + Σ_k w_k · δ(t − t_spike(k))
 *   I_syn = g · (E − V_post)
 * </pre>
 *
 * Use the generated {@link WeightedExpCobaProjection}; set the weights with {@code w(...)}: a
 * constant, an array in CSR order, or a {@code SynapseInit}.
 */
@Synapse(backward = true)
public class WeightedExpCoba {
  @Param(unit = "uS") @PerSynapse double w = 1;
  @Param(unit = "ms") double tau = 8;
  @Param(unit = "mV") double E = 0;
  @State(unit = "uS") double g;
  @Post(unit = "mV") double V;

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
    return g * (E - V);
  }
}
