package io.brainstem.models;

import io.brainstem.annotations.Ode;
import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Synapse;

/**
 * Exponential current-based synapse (BrainPy's {@code Exponential} with {@code CUBA} output): one
 * current per postsynaptic neuron, incremented by {@code g_max} per presynaptic spike, decaying
 * with {@code tau}; adds {@code g} to the postsynaptic input.
 *
 * <pre>
 *   dg/dt = −g / tau + g_max · Σ δ(t − t_spike)
 *   I_syn = g
 * </pre>
 *
 * Defaults: g_max 1, tau 8 ms. The kinetics are linear, so one state per postsynaptic neuron is
 * exactly the sum of the per-synapse traces. Use the generated {@link ExpCubaProjection}.
 */
@Synapse(backward = true)
public class ExpCuba {
  @Param(unit = "nA") double g_max = 1;
  @Param(unit = "ms") double tau = 8;
  @State(unit = "nA") double g;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void onSpike() {
    g += g_max;
  }

  @Output(value = "input", unit = "nA")
  double current() {
    return g;
  }
}
