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
 * Tsodyks–Markram short-term plasticity onto an exponential conductance, as in Brian2's
 * {@code frompapers/Stimberg_et_al_2018/example_1_COBA.py}: each synapse has its own release
 * variable {@code u} (resting at {@code U}), its own available resources {@code x} (resting at 1),
 * its own weight, and its own {@code U}, {@code tau_f}, {@code tau_d}. At a presynaptic spike,
 * {@code u} jumps first, then the synapse releases {@code r = u·x} of its resources and adds
 * {@code w·r} to the postsynaptic conductance (u⁺x⁻ efficacy).
 *
 * <pre>
 *   du/dt = (U − u) / tau_f          dx/dt = (1 − x) / tau_d          dg/dt = −g / tau
 *   at a spike:  u += U·(1 − u);  g += w·u·x;  x −= u·x
 *   I_syn = g · (E − V_post)
 * </pre>
 *
 * {@code u} and {@code x} are integrated clock-driven, every step over every synapse (Brian2's
 * {@code (clock-driven)}); at a spike they hold their values at the end of the step, as every
 * clock-driven variable does. {@code u} starts at its default 0.5; set it to {@code U} with
 * {@code u(...)} for a synapse at rest. Use the generated {@link TsodyksMarkramCobaProjection}.
 */
@Synapse(backward = true)
public class TsodyksMarkramCoba {
  @Param(unit = "uS") @PerSynapse double w = 1;
  @Param @PerSynapse double U = 0.5;
  @Param(unit = "ms") @PerSynapse double tau_f = 500;
  @Param(unit = "ms") @PerSynapse double tau_d = 200;
  @Param(unit = "ms") double tau = 5;
  @Param(unit = "mV") double E = 0;
  @State @PerSynapse double u = 0.5;
  @State @PerSynapse double x = 1;
  @State(unit = "uS") double g;
  @Post(unit = "mV") double V;

  @Ode("u")
  double du(double u) {
    return (U - u) / tau_f;
  }

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
    u += U * (1 - u);
    g += w * u * x;
    x -= u * x;
  }

  @Output(value = "input", unit = "nA")
  double current() {
    return g * (E - V);
  }
}
