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
 * Pair-based additive STDP with hard bounds (Song, Miller &amp; Abbott 2000), in the form of
 * Brian2's {@code examples/synapses/STDP.py}: each presynaptic spike adds its synapse's weight to
 * the postsynaptic conductance, all-to-all spike pairs are counted by two traces, and the weight is
 * clipped to {@code [0, gmax]} at every event.
 *
 * <pre>
 *   dg/dt = −g / tau                       (per postsynaptic neuron, clock-driven)
 *   dApre/dt = −Apre / tau_pre             (per presynaptic neuron, event-driven)
 *   dApost/dt = −Apost / tau_post          (per postsynaptic neuron, event-driven)
 *   on a presynaptic spike:  g += w;  Apre += dApre;  w = clip(w + Apost, 0, gmax)
 *   on a postsynaptic spike: Apost += dApost;  w = clip(w + Apre, 0, gmax)
 *   I_syn = g · (E − V_post)
 * </pre>
 *
 * In Brian2's script {@code Apre} and {@code Apost} are per synapse; with one trace per neuron
 * (every synapse of a neuron sees the same spikes) they are the same numbers, and a plastic synapse
 * stores only its weight. Brian2's defaults: {@code gmax = 0.01}, {@code dApre = 0.01·gmax},
 * {@code dApost = −1.05·dApre}, 20 ms traces, {@code tau = 5 ms}. For Brian2's joint integration of
 * {@code g} with the membrane use {@code coupling(Coupling.STAGED)}; spikes reach the weights one
 * step later than in Brian2, with Brian2's event times (docs/plasticity.md). Use the generated
 * {@link StdpSong2000Projection}.
 */
@Synapse
public class StdpSong2000 {
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
    w = Math.min(Math.max(w + Apost, 0), gmax);
  }

  @OnPost
  void onPost() {
    Apost += dApost;
    w = Math.min(Math.max(w + Apre, 0), gmax);
  }

  @Output(value = "input", unit = "nA")
  double current() {
    return g * (E - V);
  }
}
