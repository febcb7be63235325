package io.brainstem.models;

import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.Post;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Synapse;

/**
 * Exponential conductance-based synapse (BrainPy's {@code ExpCOBA}): one conductance per
 * postsynaptic neuron, incremented by {@code g_max} per presynaptic spike, decaying with {@code tau};
 * adds {@code g·(E − V)} to the postsynaptic input.
 *
 * <pre>
 *   dg/dt = −g / tau + g_max · Σ δ(t − t_spike)
 *   I_syn = g · (E − V_post)
 * </pre>
 *
 * Use the generated {@link ExpCobaProjection}.
 */
@Synapse(backward = true)
public class ExpCoba {
  @Param(unit = "uS") double g_max = 1;
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
    g += g_max;
  }

  @Output(value = "input", unit = "nA")
  double current() {
    return g * (E - V);
  }
}
