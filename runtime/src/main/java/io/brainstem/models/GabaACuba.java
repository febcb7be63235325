package io.brainstem.models;

import io.brainstem.annotations.Ode;
import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Synapse;

/**
 * GABA<sub>A</sub> receptor synapse, current-based: the two-state kinetic model of Destexhe, Mainen &amp;
 * Sejnowski (1994, J. Comput. Neurosci. 1:195) with BrainPy's {@code GABAa} defaults. A spike releases
 * transmitter of concentration T for T_duration ms; the open fraction s follows first-order
 * binding kinetics.
 *
 * <pre>
 *   ds/dt = alpha · T · [release > 0] · (1 − s) − beta · s
 *   d(release)/dt = −[release > 0]            (ms of transmitter left; a spike sets it to T_duration)
 *   I_syn = g_max · s
 * </pre>
 *
 * Defaults: g_max 0.04, alpha 0.53 ms⁻¹mM⁻¹, beta 0.179 ms⁻¹, T 1 mM, T_duration 1 ms. The state is
 * kept per postsynaptic neuron, so all synapses onto one neuron share s and the release window: the
 * (1 − s) saturation then acts on their sum, which equals the per-synapse model exactly when a
 * neuron has one active presynaptic partner at a time. {@code release} counts down linearly, which
 * every integrator does exactly; it is compared with 1e−9 so that rounding cannot add a step. Use
 * the generated {@link GabaACubaProjection}.
 */
@Synapse(backward = true)
public class GabaACuba {
  @Param(unit = "nA") double g_max = 0.04;
  @Param(unit = "1/(ms mM)") double alpha = 0.53;
  @Param(unit = "1/ms") double beta = 0.179;
  @Param(unit = "mM") double T = 1;
  @Param(unit = "ms") double T_duration = 1;
  @State(unit = "1") double s;
  @State(unit = "ms") double release;

  @Ode("s")
  double ds(double s, double release) {
    return alpha * (release > 1e-9 ? T : 0) * (1 - s) - beta * s;
  }

  @Ode("release")
  double dRelease(double release) {
    return release > 1e-9 ? -1 : 0;
  }

  @OnPre
  void onSpike() {
    release = T_duration;
  }

  @Output(value = "input", unit = "nA")
  double current() {
    return g_max * s;
  }
}
