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
 * Triplet STDP (Pfister &amp; Gerstner 2006) with nearest-spike interaction: as {@link StdpTriplet},
 * but a spike sets its side's traces to 1 instead of adding 1, so each spike interacts only with
 * the nearest earlier spike of the other side (pair terms) and the nearest earlier spike of its own
 * side (triplet terms).
 *
 * <pre>
 *   dr1/dt = −r1/tau_plus   dr2/dt = −r2/tau_x      (per presynaptic neuron, event-driven)
 *   do1/dt = −o1/tau_minus  do2/dt = −o2/tau_y      (per postsynaptic neuron, event-driven)
 *   on a presynaptic spike:  g += w;  w = max(w − o1·(A2m + A3m·r2(t−ε)), 0);  r1 = 1;  r2 = 1
 *   on a postsynaptic spike: w = min(w + r1·(A2p + A3p·o2(t−ε)), wmax);  o1 = 1;  o2 = 1
 *   I_syn = g · (E − V_post),  dg/dt = −g / tau
 * </pre>
 *
 * The once-per-spike resets run before the per-synapse weight update (docs/plasticity.md), so the
 * values just before the reset, {@code r2(t−ε)} and {@code o2(t−ε)}, are kept in {@code r2_prev}
 * and {@code o2_prev} by the same once-per-spike block. Defaults: the visual-cortex nearest-spike
 * full parameter set of Pfister &amp; Gerstner 2006 (τx 714 ms, τy 40 ms, A2+ 8.8e-11,
 * A3+ 5.3e-2, A2− 6.6e-3, A3− 3.1e-3; τ₊ 16.8 ms, τ₋ 33.7 ms), the set that lands within the
 * error bars of Sjöström et al. 2001 at all ten points (docs/plasticity.md). Use the generated
 * {@link StdpTripletNearestProjection}.
 */
@Synapse
public class StdpTripletNearest {
  @Param(unit = "uS") double wmax = 1;
  @Param(unit = "uS") double A2p = 8.8e-11, A3p = 5.3e-2, A2m = 6.6e-3, A3m = 3.1e-3;
  @Param(unit = "ms") @PerPre double tau_plus = 16.8, tau_x = 714;
  @Param(unit = "ms") double tau_minus = 33.7, tau_y = 40;
  @Param(unit = "ms") double tau = 5;
  @Param(unit = "mV") double E = 0;
  @State(unit = "uS") @PerSynapse double w = 0.5;
  @State @PerPre double r1, r2, r2_prev;
  @State double o1, o2, o2_prev;
  @State(unit = "uS") double g;
  @Post(unit = "mV") double V;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @Ode(value = "r1", eventDriven = true)
  double dr1(double r1) {
    return -r1 / tau_plus;
  }

  @Ode(value = "r2", eventDriven = true)
  double dr2(double r2) {
    return -r2 / tau_x;
  }

  @Ode(value = "o1", eventDriven = true)
  double do1(double o1) {
    return -o1 / tau_minus;
  }

  @Ode(value = "o2", eventDriven = true)
  double do2(double o2) {
    return -o2 / tau_y;
  }

  @OnPre
  void onPre() {
    g += w;
    r2_prev = r2;
    r1 = 1;
    r2 = 1;
    w = Math.max(w - o1 * (A2m + A3m * r2_prev), 0);
  }

  @OnPost
  void onPost() {
    o2_prev = o2;
    o1 = 1;
    o2 = 1;
    w = Math.min(w + r1 * (A2p + A3p * o2_prev), wmax);
  }

  @Output(value = "input", unit = "nA")
  double current() {
    return g * (E - V);
  }
}
