package io.brainstem.perf;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.ParallelStep;
import io.brainstem.network.Precision;
import io.brainstem.network.Projection;
import io.brainstem.network.Variable;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.ReportRunner;
import io.brainstem.runners.Runner;
import io.brainstem.runners.RunnerBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** threads(n) gives bit-identical results for every n, on DSRunner and on ReportRunner alike. */
class ThreadDeterminismTest {

  /** Every double array of the network after 60 ms, plus the spike records. */
  private static List<Object> run(int threads, boolean jit) {
    return run(threads, jit, Precision.DOUBLE);
  }

  private static List<Object> run(int threads, boolean jit, Precision precision) {
    return run(threads, jit, precision, false);
  }

  /** {@code report}: on a ReportRunner (with a listener reading V every step), else a DSRunner. */
  private static List<Object> run(int threads, boolean jit, Precision precision, boolean report) {
    Network net = PerfNetworks.einet(600, 150, 0.05, precision);
    List<Object> state = new ArrayList<>();
    double[] seen = {0};
    Variable v = net.group("E").variable("V");
    RunnerBuilder<?> builder = report
        ? ReportRunner.builder(net).progressBar(false).listeners((step, t) -> seen[0] += v.get(7))
        : DSRunner.builder(net);
    try (Runner runner = builder.threads(threads).jit(jit)
        .input("E.input", 20.).input("I.input", 20.).monitors("E.spike", "I.spike").build()) {
      assertThat(runner.threads()).isEqualTo(threads);
      runner.run(60.);
      state.add(runner.mon().spikes("E.spike"));
      state.add(runner.mon().spikes("I.spike"));
    }
    if (report) {
      assertThat(seen[0]).isNotEqualTo(0.0); // the listener ran, between the phases
    }
    for (NeuronGroup g : net.groups()) {
      state.add(g.variable("V").toDoubles());
      state.add(g.totalSpikes());
    }
    for (Projection p : net.projections()) {
      state.add(p.variable("g").toDoubles());
    }
    return state;
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4})
  void anyThreadCountGivesTheOneThreadResultsBitForBit(int threads) {
    List<Object> one = run(1, true);
    List<Object> many = run(threads, true);
    assertThat(Arrays.deepEquals(one.toArray(), many.toArray())).isTrue();
    assertThat((long) one.get(3)).isGreaterThan(20L); // E spiked: delivery was exercised
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void floatNetworksToo(int threads) {
    List<Object> one = run(1, true, Precision.FLOAT);
    List<Object> many = run(threads, true, Precision.FLOAT);
    assertThat(Arrays.deepEquals(one.toArray(), many.toArray())).isTrue();
    assertThat((long) one.get(3)).isGreaterThan(20L);
  }

  /** ReportRunner runs the same loop: on any thread count it gives DSRunner's one-thread bits. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void reportRunnerOnAnyThreadCountGivesDsRunnersResults(int threads) {
    List<Object> one = run(1, true);
    List<Object> report = run(threads, true, Precision.DOUBLE, true);
    assertThat(Arrays.deepEquals(one.toArray(), report.toArray())).isTrue();
    assertThat((long) one.get(3)).isGreaterThan(20L);
  }

  @Test
  void reportRunnerOnThreadsWithFloatStateAndTheDebugLoopsToo() {
    assertThat(Arrays.deepEquals(run(1, true, Precision.FLOAT).toArray(),
        run(2, true, Precision.FLOAT, true).toArray())).isTrue();
    assertThat(Arrays.deepEquals(run(1, false).toArray(),
        run(2, false, Precision.DOUBLE, true).toArray())).isTrue();
  }

  @Test
  void debugLoopsSplitToo() {
    assertThat(Arrays.deepEquals(run(1, false).toArray(), run(2, false).toArray())).isTrue();
  }

  @Test
  void rangesCoverTheGroupInOrderWithCacheLineAlignedCuts() {
    Network net = PerfNetworks.einet(1000, 250, 0.04);
    try (ParallelStep step = new ParallelStep(net, 3)) {
      assertThat(step.threads()).isEqualTo(3);
    }
    for (int n : new int[] {1, 7, 100, 1001}) {
      for (int threads = 1; threads <= 4; threads++) {
        int[] from = ParallelStep.ranges(n, threads);
        assertThat(from[0]).isEqualTo(0);
        assertThat(from[threads]).isEqualTo(n);
        for (int p = 1; p < threads; p++) {
          assertThat(from[p]).isAtLeast(from[p - 1]);
          assertThat(from[p] % 8 == 0 || from[p] == n).isTrue();
        }
      }
    }
  }

  @Test
  void aClosedRunnerRefusesToRunAndBadThreadCountsAreRejected() {
    DSRunner runner = DSRunner.builder(PerfNetworks.einet(100, 25, 0.1)).threads(2).build();
    runner.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.run(1.));
    assertThat(e).hasMessageThat().contains("closed");
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(PerfNetworks.einet(100, 25, 0.1)).threads(0));
    assertThat(bad).hasMessageThat().contains("threads must be at least 1, got 0");
  }
}
