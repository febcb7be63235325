package io.brainstem.synapses;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.connectivity.All2All;
import io.brainstem.models.LifGroup;
import io.brainstem.models.StdpTripletProjection;
import io.brainstem.network.Network;
import io.brainstem.runners.ReportRunner;
import io.brainstem.sources.SpikeTimeGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Triplet STDP (Pfister &amp; Gerstner 2006, visual cortex, all-to-all) under the pairing protocol
 * of Sjöström et al. 2001 (their Fig. 4): 60 pre/post pairs at Δt = +10 ms or −10 ms, repeated at
 * 1 to 50 Hz (1 Hz stands for the paper's 0.1 Hz: the traces forget a pair within 1 s). The
 * weight change equals an independent event-by-event evaluation of the rule to rounding, and has
 * the figure's shape: pre-before-post potentiates more the higher the frequency, post-before-pre
 * depresses at low frequencies and potentiates at 40 and 50 Hz, which pair STDP cannot do.
 */
class StdpTripletTest {
  private static final double TAU_PLUS = 16.8;
  private static final double TAU_MINUS = 33.7;
  private static final double TAU_X = 101;
  private static final double TAU_Y = 125;
  private static final double A2P = 5e-10;
  private static final double A3P = 6.2e-3;
  private static final double A2M = 7e-3;
  private static final double A3M = 2.3e-4;
  private static final int PAIRS = 60;

  /** Step indices (dt 0.1 ms) of the pre and post spikes of the protocol. */
  private static long[][] protocol(double hz, int dtMs) {
    long[] pre = new long[PAIRS];
    long[] post = new long[PAIRS];
    for (int k = 0; k < PAIRS; k++) {
      long start = Math.round((100 + k * 1000.0 / hz) * 10);
      pre[k] = dtMs > 0 ? start : start + 10L * -dtMs;
      post[k] = dtMs > 0 ? start + 10L * dtMs : start;
    }
    return new long[][] {pre, post};
  }

  /** Brainstem: a spike-time source onto a passive neuron whose spikes a listener sets. */
  private static double brainstem(double hz, int dtMs) {
    long[][] steps = protocol(hz, dtMs);
    double[] times = new double[PAIRS];
    for (int k = 0; k < PAIRS; k++) {
      times[k] = steps[0][k] * 0.1;
    }
    Network net = new Network();
    SpikeTimeGroup pre = net.add(new SpikeTimeGroup("pre", 1, times, new int[PAIRS]));
    LifGroup post = net.add(new LifGroup("post", 1).V_th(1e9));
    StdpTripletProjection s = net.add(new StdpTripletProjection("S", pre, post, new All2All())
        .w(1.0).wmax(100));
    Set<Long> postSteps = new TreeSet<>();
    for (long step : steps[1]) {
      postSteps.add(step);
    }
    try (ReportRunner runner = ReportRunner.builder(net).dt(0.1).progress(null)
        .listeners((step, t) -> {
          if (postSteps.contains(step)) {
            post.setSpikes(0); // the projection sees it next step, as a spike of this step
          }
        }).build()) {
      long last = Math.max(steps[0][PAIRS - 1], steps[1][PAIRS - 1]);
      runner.run((last + 3) * 0.1);
    }
    return s.w[0] - 1.0;
  }

  /** The rule evaluated spike by spike, with exact decays between events. */
  private static double reference(double hz, int dtMs) {
    long[][] steps = protocol(hz, dtMs);
    List<double[]> events = new ArrayList<>(); // {time, 0 pre / 1 post}
    for (int k = 0; k < PAIRS; k++) {
      events.add(new double[] {steps[0][k] * 0.1, 0});
      events.add(new double[] {steps[1][k] * 0.1, 1});
    }
    events.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
    double r1 = 0;
    double r2 = 0;
    double o1 = 0;
    double o2 = 0;
    double last = 0;
    double w = 1.0;
    for (double[] e : events) {
      double d = e[0] - last;
      last = e[0];
      r1 *= Math.exp(-d / TAU_PLUS);
      r2 *= Math.exp(-d / TAU_X);
      o1 *= Math.exp(-d / TAU_MINUS);
      o2 *= Math.exp(-d / TAU_Y);
      if (e[1] == 0) {
        w = Math.max(w - o1 * (A2M + A3M * r2), 0);
        r1 += 1;
        r2 += 1;
      } else {
        w = Math.min(w + r1 * (A2P + A3P * o2), 100);
        o1 += 1;
        o2 += 1;
      }
    }
    return w - 1.0;
  }

  @Test
  void pairingFrequencyDependenceAsPfisterGerstnerFig4() {
    double[] hz = {1, 10, 20, 40, 50};
    double[] ltp = new double[hz.length];
    double[] ltd = new double[hz.length];
    StringBuilder table = new StringBuilder("StdpTriplet, 60 pairs: Hz, dw(+10 ms), dw(-10 ms):");
    for (int f = 0; f < hz.length; f++) {
      ltp[f] = brainstem(hz[f], 10);
      ltd[f] = brainstem(hz[f], -10);
      assertThat(ltp[f]).isWithin(1e-12).of(reference(hz[f], 10));
      assertThat(ltd[f]).isWithin(1e-12).of(reference(hz[f], -10));
      table.append(String.format(java.util.Locale.ROOT, " | %.0f %.4f %.4f", hz[f], ltp[f],
          ltd[f]));
    }
    System.out.println(table);
    for (int f = 1; f < hz.length; f++) {
      assertThat(ltp[f]).isGreaterThan(ltp[f - 1]); // potentiation grows with frequency
    }
    assertThat(Math.abs(ltp[0])).isLessThan(0.01); // no change at low frequency
    assertThat(ltd[0]).isLessThan(-0.2); // post-before-pre depresses at low frequency
    assertThat(ltd[1]).isLessThan(0.0);
    assertThat(ltd[3]).isGreaterThan(0.0); // and potentiates at 40 and 50 Hz
    assertThat(ltd[4]).isGreaterThan(ltd[3]);
  }
}
