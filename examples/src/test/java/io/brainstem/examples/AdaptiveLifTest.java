package io.brainstem.examples;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model written in the examples project goes through the processor like any user model. */
class AdaptiveLifTest {

  @Test
  void interSpikeIntervalsLengthenAsAdaptationBuildsUp() {
    Network net = new Network();
    AdaptiveLifGroup n = net.add(new AdaptiveLifGroup("N", 1));
    DSRunner runner = DSRunner.builder(net).monitors("N.spike").input("N.input", 30.).build();
    runner.run(500.);

    List<Double> times = new ArrayList<>();
    boolean[][] spikes = runner.mon().spikes("N.spike");
    for (int k = 0; k < spikes.length; k++) {
      if (spikes[k][0]) {
        times.add(runner.mon().ts()[k]);
      }
    }
    assertThat(times.size()).isAtLeast(4);
    double firstIsi = times.get(1) - times.get(0);
    double lastIsi = times.get(times.size() - 1) - times.get(times.size() - 2);
    assertThat(lastIsi).isGreaterThan(1.5 * firstIsi);
    assertThat(n.w[0]).isGreaterThan(0.);
  }

  @Test
  void firstSpikeMatchesTheClosedFormBeforeAnyAdaptation() {
    Network net = new Network();
    net.add(new AdaptiveLifGroup("N", 1));
    DSRunner runner = DSRunner.builder(net).monitors("N.spike").input("N.input", 30.).build();
    runner.run(100.);
    int first = -1;
    boolean[][] spikes = runner.mon().spikes("N.spike");
    for (int k = 0; k < spikes.length && first < 0; k++) {
      if (spikes[k][0]) {
        first = k;
      }
    }
    // w = 0 until the first spike, so V(t) = V_inf + (V0 - V_inf)·e^{-t/tau} with V_inf = -40 and
    // V0 = -70: V reaches -50 at t = tau·ln(30/10) = 21.97 ms, i.e. during step 219 (t = 21.9).
    assertThat(first).isEqualTo(219);
  }
}
