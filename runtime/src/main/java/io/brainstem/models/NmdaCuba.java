package io.brainstem.models;

import io.brainstem.annotations.Ode;
import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.Post;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Synapse;

/**
 * NMDA receptor synapse with magnesium block, current-based (Jahr &amp; Stevens 1990, J.
 * Neurosci. 10:3178 for the block; the saturating second-order kinetics of Wang 2002, Neuron
 * 36:955; BrainPy's {@code NMDA} with its {@code MgBlock} output and defaults).
 *
 * <pre>
 *   dg/dt = −g / tau_decay + a · x · (1 − g)
 *   dx/dt = −x / tau_rise + Σ δ(t − t_spike)
 *   I_syn = g_max · g · B(V_post),   B(V) = 1 / (1 + exp(−alpha_mg·V) · c_mg / beta_mg)
 * </pre>
 *
 * Defaults: g_max 0.15, tau_decay 100 ms, tau_rise 2 ms, a 0.5 ms⁻¹, c_mg 1.2 mM, alpha_mg 0.062
 * mV⁻¹, beta_mg 3.57 mM. The current-based form keeps the voltage-dependent block B(V) (without
 * it NMDA would be a slow exponential synapse) but drops the driving force. The state is kept
 * per postsynaptic neuron, so the (1 − g) saturation
 * acts on the sum over the neuron's synapses (exact for one active partner). Use the generated
 * {@link NmdaCubaProjection}.
 */
@Synapse(backward = true)
public class NmdaCuba {
  @Param(unit = "nA") double g_max = 0.15;
  @Param(unit = "ms") double tau_decay = 100, tau_rise = 2;
  @Param(unit = "1/ms") double a = 0.5;
  @Param(unit = "mM") double c_mg = 1.2;
  @Param(unit = "1/mV") double alpha_mg = 0.062;
  @Param(unit = "mM") double beta_mg = 3.57;
  @State(unit = "1") double g, x;
  @Post(unit = "mV") double V;

  @Ode("g")
  double dg(double g, double x) {
    return -g / tau_decay + a * x * (1 - g);
  }

  @Ode("x")
  double dx(double x) {
    return -x / tau_rise;
  }

  @OnPre
  void onSpike() {
    x += 1;
  }

  @Output(value = "input", unit = "nA")
  double current() {
    return g_max * g / (1 + Math.exp(-alpha_mg * V) * c_mg / beta_mg);
  }
}
