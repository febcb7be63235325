package io.brainstem.models;

import io.brainstem.annotations.Ode;
import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.Post;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Synapse;

/**
 * Alpha-function conductance-based synapse (Rall 1967, J. Neurophysiol. 30:1138; BrainPy's {@code Alpha}
 * with {@code COBA} output): the dual exponential with equal time constants.
 *
 * <pre>
 *   dg/dt = −g / tau + h
 *   dh/dt = −h / tau + g_max · Σ δ(t − t_spike)
 *   I_syn = g · (E − V_post)
 * </pre>
 *
 * After one spike at 0: g(t) = g_max · t · e^(−t/tau), peaking at t = tau with g_max·tau/e.
 * Defaults: g_max 1, tau 10 ms, E 0 mV. Linear kinetics: one state per postsynaptic neuron is exact. Use
 * the generated {@link AlphaCobaProjection}.
 */
@Synapse(backward = true)
public class AlphaCoba {
  @Param(unit = "uS/ms") double g_max = 1;
  @Param(unit = "ms") double tau = 10;
  @Param(unit = "mV") double E = 0;
  @State(unit = "uS") double g;
  @State(unit = "uS/ms") double h;
  @Post(unit = "mV") double V;

  @Ode("g")
  double dg(double g, double h) {
    return -g / tau + h;
  }

  @Ode("h")
  double dh(double h) {
    return -h / tau;
  }

  @OnPre
  void onSpike() {
    h += g_max;
  }

  @Output(value = "input", unit = "nA")
  double current() {
    return g * (E - V);
  }
}
