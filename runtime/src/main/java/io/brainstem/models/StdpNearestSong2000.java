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
 * {@link StdpSong2000} with nearest-spike interaction: a spike resets its trace to the full
 * increment instead of adding to it, so each spike pairs only with the nearest earlier spike of the
 * other side (Brian2's {@code Apre = dApre} form; Morrison et al. 2008, "symmetric nearest").
 *
 * <pre>
 *   dApre/dt = −Apre / tau_pre   dApost/dt = −Apost / tau_post   (event-driven)
 *   on a presynaptic spike:  g += w;  Apre = dApre;  w = clip(w + Apost, 0, gmax)
 *   on a postsynaptic spike: Apost = dApost;  w = clip(w + Apre, 0, gmax)
 * </pre>
 *
 * Use the generated {@link StdpNearestSong2000Projection}.
 */
@Synapse
public class StdpNearestSong2000 {
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
    Apre = dApre;
    w = Math.min(Math.max(w + Apost, 0), gmax);
  }

  @OnPost
  void onPost() {
    Apost = dApost;
    w = Math.min(Math.max(w + Apre, 0), gmax);
  }

  @Output(value = "input", unit = "nA")
  double current() {
    return g * (E - V);
  }
}
