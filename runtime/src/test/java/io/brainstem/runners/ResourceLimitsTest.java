package io.brainstem.runners;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.All2All;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.monitors.Monitor;
import io.brainstem.monitors.Recorder;
import io.brainstem.network.Memory;
import io.brainstem.network.Network;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs that could never fit are refused up front with a message saying what to change. */
class ResourceLimitsTest {
  @TempDir Path dir;

  private static Network lif(int size) {
    Network net = new Network();
    net.add(new LifGroup("E", size));
    return net;
  }

  @Test
  void aMonitorLargerThanTheHeapIsRefusedBeforeTheRun() {
    // 4000 neurons x 10^7 steps x 8 bytes = 320 GB: more than any test JVM's heap
    Network net = lif(4000);
    DSRunner runner = DSRunner.builder(net).monitors("E.V").build();
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> runner.run(1e6));
    assertThat(x).hasMessageThat().contains("run(1000000.0 ms) would keep 320.");
    assertThat(x).hasMessageThat().contains("monitor 'E.V' 10000000 rows, 320.");
    assertThat(x).hasMessageThat().contains(".every(k)");
    assertThat(x).hasMessageThat().contains("streamTo(dir)");
    assertThat(runner.step()).isEqualTo(0); // nothing ran
    runner.run(1); // and the runner still works
    assertThat(runner.mon().values("E.V")).hasLength(10);
  }

  @Test
  void budgetCountsRowsWidthAndTimesAgainstTheHeap() {
    Network net = lif(100);
    List<Recorder> recorders = List.of(Monitor.of("E.V").bind(net),
        Monitor.of("E.V", 0, 1).every(10).named("few").bind(net), Monitor.of("E.spike").bind(net));
    long[] all = recorders.get(0).plannedMemory(0, 1000, 0, 0.1, false);
    assertThat(all[0]).isEqualTo(1000);
    assertThat(all[1]).isEqualTo(1000 * (8 + 100 * 8 + 24)); // time + row + array header + reference
    long[] few = recorders.get(1).plannedMemory(0, 1000, 0, 0.1, false);
    assertThat(few).isEqualTo(new long[] {100, 100 * (8 + 2 * 8 + 24)});
    long[] spikes = recorders.get(2).plannedMemory(0, 1000, 0, 0.1, false);
    assertThat(spikes).isEqualTo(new long[] {1000, 1000 * 8}); // events grow with the spikes
    long total = all[1] + few[1] + spikes[1] + 8 * 1000; // + the runner's ts
    RecordBudget.check(recorders, 0, 1000, 0, 0.1, false, 0, 100, total);
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
        () -> RecordBudget.check(recorders, 0, 1000, 0, 0.1, false, 0, 100, total - 1));
    assertThat(x).hasMessageThat().contains("more than this JVM's heap of " + Memory.format(total - 1));
  }

  @Test
  void streamedMonitorsAreNotCounted() {
    Network net = lif(4000);
    try (DSRunner runner = DSRunner.builder(net).monitors(Monitor.of("E.V").window(0, 0.5))
        .streamTo(dir).build()) {
      // 10^7 steps would be refused in memory; streamed, only the window's 5 rows are written
      long[] plan = runner.recorders.get(0).plannedMemory(0, 10_000_000, 0, 0.1, false);
      assertThat(plan[1]).isEqualTo(0);
    }
  }

  @Test
  void streamBufferMustBeInASaneRange() {
    DSRunner.Builder b = DSRunner.builder(lif(2));
    for (int bad : new int[] {63, RunnerBuilder.MAX_STREAM_BUFFER + 1, Integer.MAX_VALUE}) {
      IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> b.streamBuffer(bad));
      assertThat(x).hasMessageThat().contains("streamBuffer must be from 64 bytes to 268435456 (256 MiB), got " + bad);
    }
    b.streamBuffer(64).streamBuffer(RunnerBuilder.MAX_STREAM_BUFFER);
  }

  @Test
  void aDelayTooLongForTheRingSaysSoInsteadOfSuggestingItself() {
    Network net = new Network();
    LifGroup e = net.add(new LifGroup("E", 10));
    net.add(new ExpCobaProjection(e, e, new All2All()).delay(1e9));
    DSRunner runner = DSRunner.builder(net).build();
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> runner.run(0.1));
    assertThat(x).hasMessageThat().contains("the delay of 1.0E9 ms is 1.00e+10 steps of dt = 0.1 ms");
    assertThat(x).hasMessageThat().contains("at most 1073741823 steps");
    assertThat(x).hasMessageThat().doesNotContain("use 1.0E9");
  }

  @Test
  void aDelayBetweenStepsSuggestsTheTwoNearestAsTyped() {
    Network net = new Network();
    LifGroup e = net.add(new LifGroup("E", 10));
    net.add(new ExpCobaProjection(e, e, new All2All()).delay(0.25));
    DSRunner runner = DSRunner.builder(net).build();
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> runner.run(0.1));
    assertThat(x).hasMessageThat().endsWith("use 0.2 or 0.3 ms");
  }

  @Test
  void aDelayWhoseRingExceedsTheHeapIsRefused() {
    Network net = new Network();
    LifGroup e = net.add(new LifGroup("E", 1000));
    // 10^9 slots: even empty spike lists of 16 entries are 84 GB
    net.add(new ExpCobaProjection(e, e, new All2All()).delaySteps(1_000_000_000));
    DSRunner runner = DSRunner.builder(net).build();
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> runner.run(0.1));
    assertThat(x).hasMessageThat().contains(
        "projection E2E: a delay of 1000000000 steps needs a buffer of 84.0 GB");
    assertThat(x).hasMessageThat().contains("use a shorter delay or a larger dt");
  }

  @Test
  void memoryFormatsBytesForMessages() {
    assertThat(Memory.format(512)).isEqualTo("512 bytes");
    assertThat(Memory.format(1_500_000)).isEqualTo("1.5 MB");
    assertThat(Memory.format(32_000_000_000L)).isEqualTo("32.0 GB");
  }
}
