package io.brainstem.models;

import io.brainstem.annotations.Ode;
import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.Post;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Synapse;

/**
 * Dual-exponential (difference of exponentials) conductance-based synapse (BrainPy's {@code
 * DualExponential} with {@code COBA} output; Roth &amp; van Rossum 2009, Computational Modeling
 * Methods for Neuroscientists).
 *
 * <pre>
 *   dg/dt = −g / tau_decay + h
 *   dh/dt = −h / tau_rise + g_max · Σ δ(t − t_spike)
 *   I_syn = g · (E − V_post)
 * </pre>
 *
 * After one spike at 0: g(t) = g_max·tau_decay·tau_rise/(tau_decay − tau_rise)·(e^(−t/tau_decay)
 * − e^(−t/tau_rise)), peaking at t* = tau_decay·tau_rise/(tau_decay − tau_rise)·ln(tau_decay /
 * tau_rise). Defaults: g_max 1, tau_decay 10 ms, tau_rise 1 ms, E 0 mV. Linear kinetics: one state per
 * postsynaptic neuron is exact. Use the generated {@link DualExpCobaProjection}.
 */
@Synapse(backward = true)
public class DualExpCoba {
  @Param(unit = "uS/ms") double g_max = 1;
  @Param(unit = "ms") double tau_decay = 10, tau_rise = 1;
  @Param(unit = "mV") double E = 0;
  @State(unit = "uS") double g;
  @State(unit = "uS/ms") double h;
  @Post(unit = "mV") double V;

  @Ode("g")
  double dg(double g, double h) {
    return -g / tau_decay + h;
  }

  @Ode("h")
  double dh(double h) {
    return -h / tau_rise;
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
