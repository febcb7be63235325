package io.brainstem.bench;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.examples.EINet;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A smoke test: small and short, no timing. */
class BenchNetworksTest {

  @Test
  void benchEinetAtTheSeedsSizeIsTheSeedsEinet() {
    BenchNetworks.Bench bench = BenchNetworks.build("einet", 4000, 80, 42);
    boolean[][] ours = spikes(bench.network());
    boolean[][] seed = spikes(new EINet());
    assertThat(Arrays.deepEquals(ours, seed)).isTrue();
    assertThat(Arrays.stream(ours).mapToLong(r -> count(r)).sum()).isGreaterThan(0L);
  }

  /** Weights equal to g_max: the per-synapse delivery gives the einet's spikes exactly. */
  @Test
  void weightedEinetWithEqualWeightsIsTheEinet() {
    boolean[][] lumped = spikes(BenchNetworks.build("einet", 1000, 40, 7).network());
    boolean[][] weighted = spikes(BenchNetworks.build("einet-weighted", 1000, 40, 7).network());
    assertThat(Arrays.deepEquals(weighted, lumped)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"coba", "cuba", "cobahh", "einet", "einet-weighted"})
  void everyModelBuildsAndSpikes(String model) {
    BenchNetworks.Bench bench = BenchNetworks.build(model, 400, 40, 1);
    DSRunner.Builder runner = DSRunner.builder(bench.network()).dt(BenchNetworks.DT);
    if (bench.inputE() != 0) {
      runner.input("E.input", bench.inputE()).input("I.input", bench.inputI());
    }
    runner.build().run(50);
    assertThat(bench.e().totalSpikes() + bench.i().totalSpikes()).isGreaterThan(0L);
    assertThat(bench.network().projections()).hasSize(4);
  }

  private static boolean[][] spikes(Network net) {
    DSRunner runner = DSRunner.builder(net).monitors("E.spike")
        .input("E.input", 20.).input("I.input", 20.).build();
    runner.run(10.);
    MonitorResults mon = runner.mon();
    return mon.spikes("E.spike");
  }

  private static long count(boolean[] row) {
    long c = 0;
    for (boolean b : row) {
      c += b ? 1 : 0;
    }
    return c;
  }
}
