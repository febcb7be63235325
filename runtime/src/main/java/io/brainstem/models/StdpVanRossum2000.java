package io.brainstem.models;

import io.brainstem.annotations.OnPost;
import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.PerPre;
import io.brainstem.annotations.PerSynapse;
import io.brainstem.annotations.Post;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Synapse;

/**
 * Pair-based STDP with soft bounds (van Rossum, Bi &amp; Turrigiano 2000): potentiation is
 * additive, depression multiplicative (proportional to the weight), so weights settle in a unimodal
 * distribution instead of {@link StdpSong2000}'s bimodal one. Traces as in {@link StdpSong2000}
 * (all-to-all); {@code dApost} (negative) is the relative depression of a weight at {@code gmax}.
 *
 * <pre>
 *   dApre/dt = −Apre / tau_pre   dApost/dt = −Apost / tau_post   (event-driven)
 *   on a presynaptic spike:  g += w;  Apre += dApre;  w = max(w + Apost · w / gmax, 0)
 *   on a postsynaptic spike: Apost += dApost;  w = min(w + Apre, gmax)
 * </pre>
 *
 * The bounds only guard the rare large step: depression never crosses 0 while
 * {@code |Apost| < gmax}. Use the generated {@link StdpVanRossum2000Projection}.
 */
@Synapse
public class StdpVanRossum2000 {
  @Param(unit = "uS") double gmax = 0.01;
  @Param(unit = "uS") @PerPre double dApre = 0.0001;
  @Param(unit = "uS") double dApost = -0.000105;
  @Param(unit = "ms") @PerPre double tau_pre = 20;
  @Param(unit = "ms") double tau_post = 20;
  @Param(unit = "ms") double tau = 5;
  @Param(unit = "mV") double E = 0;
  @State(unit = "uS") @PerSynapse double w = 0.005;
  @State(unit = "uS") @PerPre double Apre;
  @State(unit = "uS") double Apost;
  @State(unit = "uS") double g;
  @Post(unit = "mV") double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @Ode(value = "Apre", eventDriven = true)
  double preTrace(double Apre) {
    return -Apre / tau_pre;
  }

  @Ode(value = "Apost", eventDriven = true)
  double postTrace(double Apost) {
    return -Apost / tau_post;
  }

  @OnPre
  void onPre() {
    g += w;
    Apre += dApre;
    w = Math.max(w + Apost * w / gmax, 0);
  }

  @OnPost
  void onPost() {
    Apost += dApost;
    w = Math.min(w + Apre, gmax);
  }

  @Output(value = "input", unit = "nA")
  double current() {
    return g * (E - V);
  }
}
