package io.brainstem.runners;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.export.NpyAppender;
import io.brainstem.math.Rng;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.monitors.Monitor;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.monitors.SpikeEvents;
import io.brainstem.network.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Monitors streamed to .npy files give the same results as in memory, bit for bit. */
class StreamToDiskTest {
  @TempDir Path dir;

  /** The seed's EINet shape, small: Lif E/I with ExpCoba synapses, driven by a constant input. */
  static Network einet() {
    Network net = new Network();
    LifGroup e = net.add(new LifGroup("E", 80).V_rest(-60).V_th(-50).V_reset(-60).tau(20).tau_ref(5));
    LifGroup i = net.add(new LifGroup("I", 20).V_rest(-60).V_th(-50).V_reset(-60).tau(20).tau_ref(5));
    Rng rng = new Rng(3);
    rng.fillNormal(e.V, -55, 2);
    rng.fillNormal(i.V, -55, 2);
    net.add(new ExpCobaProjection(e, e, new FixedProb(0.1, 4)).E(0).g_max(0.6).tau(5));
    net.add(new ExpCobaProjection(e, i, new FixedProb(0.1, 5)).E(0).g_max(0.6).tau(5));
    net.add(new ExpCobaProjection(i, e, new FixedProb(0.1, 6)).E(-80).g_max(6.7).tau(10));
    net.add(new ExpCobaProjection(i, i, new FixedProb(0.1, 7)).E(-80).g_max(6.7).tau(10));
    return net;
  }

  /** Every kind of monitor: spikes, values, subsets, every k, windows, probes. */
  static <B extends RunnerBuilder<B>> B monitored(B builder) {
    return builder.input("E.input", 20.).input("I.input", 20.)
        .monitors("E.spike", "I.spike", "E.V", "E2E.g")
        .monitors(Monitor.of("I.V", 0, 3, 7).every(3).named("Isub"),
            Monitor.of("E.spike", 1, 5, 9, 40).window(5, 15).named("Ewin"),
            Monitor.of("I.spike").every(2).named("Ievery2"),
            Monitor.probe("meanV", net -> mean(net.group("E").doubles("V"))),
            Monitor.probeArray("firstV", net -> new double[] {net.group("E").doubles("V")[0], net.group("I").doubles("V")[0]}));
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  static void assertSameRecords(MonitorResults expected, MonitorResults actual) {
    assertThat(actual.names()).isEqualTo(expected.names());
    assertThat(actual.ts()).isEqualTo(expected.ts());
    assertThat(actual.steps()).isEqualTo(expected.steps());
    for (String name : expected.names()) {
      assertThat(actual.isSpike(name)).isEqualTo(expected.isSpike(name));
      assertThat(actual.times(name)).isEqualTo(expected.times(name));
      if (expected.isSpike(name)) {
        SpikeEvents a = actual.events(name);
        SpikeEvents e = expected.events(name);
        assertThat(a.rows()).isEqualTo(e.rows());
        assertThat(a.indices()).isEqualTo(e.indices());
        assertThat(a.times()).isEqualTo(e.times());
        assertThat(a.rowTimes()).isEqualTo(e.rowTimes());
        assertThat(a.width()).isEqualTo(e.width());
        boolean[][] dense = actual.get(name);
        assertThat(dense).isEqualTo(expected.spikes(name));
      } else {
        assertThat(actual.values(name)).isEqualTo(expected.values(name));
      }
    }
  }

  @Test
  void streamedResultsEqualInMemoryResultsBitForBit() throws Exception {
    DSRunner memory = monitored(DSRunner.builder(einet())).build();
    try (DSRunner streamed = monitored(DSRunner.builder(einet())).streamTo(dir).streamBuffer(256).build()) {
      memory.run(30.);
      streamed.run(30.);
      assertThat(memory.mon().events("E.spike").count()).isGreaterThan(100);
      assertSameRecords(memory.mon(), streamed.mon());
      MonitorResults firstRun = streamed.mon();
      // REPLACE (the default): mon() shows the latest run; the files keep both runs.
      memory.run(20.);
      streamed.run(20.);
      assertSameRecords(memory.mon(), streamed.mon());
      assertThat(streamed.mon().ts()).hasLength(200);
      assertThat(header(dir.resolve("ts.npy"))).contains("'shape': (500,)");
      assertThat(header(dir.resolve("E.V.npy"))).contains("'shape': (500, 80)");
      assertThat(streamed.mon().times("E.V")).isSameInstanceAs(streamed.mon().ts()); // read once
      assertThat(firstRun.ts()).hasLength(300); // results handed out keep their rows
      assertThat(firstRun.values("E.V")).hasLength(300);
    }
  }

  @Test
  void twoThreadsStreamTheSameRecords() {
    DSRunner memory = monitored(DSRunner.builder(einet())).build();
    try (DSRunner threaded = monitored(DSRunner.builder(einet())).threads(2).streamTo(dir).build()) {
      memory.run(15.);
      threaded.run(15.);
      assertSameRecords(memory.mon(), threaded.mon());
    }
  }

  @Test
  void reportRunnerStreamsTheSameFiles() {
    DSRunner ds = monitored(DSRunner.builder(einet())).streamTo(dir.resolve("ds")).build();
    try (ReportRunner report = monitored(ReportRunner.builder(einet())).progress(null)
        .streamTo(dir.resolve("report")).streamBuffer(100).build()) {
      ds.run(15.);
      report.run(15.);
      assertSameRecords(ds.mon(), report.mon());
    }
    ds.close();
  }

  @Test
  void appendModeAppendsAcrossRunsLikeMemory() throws Exception {
    DSRunner memory = monitored(DSRunner.builder(einet())).monitorMode(MonitorMode.APPEND).build();
    DSRunner streamed = monitored(DSRunner.builder(einet())).monitorMode(MonitorMode.APPEND)
        .streamTo(dir).streamBuffer(512).build();
    for (double duration : new double[] {12.5, 7.3, 20.}) {
      memory.run(duration);
      streamed.run(duration);
      assertSameRecords(memory.mon(), streamed.mon());
    }
    assertThat(streamed.mon().steps()).isEqualTo(125 + 73 + 200);
    streamed.close();
    assertThat(header(dir.resolve("E.V.npy"))).contains("'shape': (398, 80)");
    assertThat(header(dir.resolve("Isub_times.npy"))).contains("'shape': (133,)");
    int spikes = memory.mon().events("E.spike").count();
    assertThat(header(dir.resolve("E.spike_indices.npy"))).contains("'shape': (" + spikes + ",)");
    assertThat(Files.size(dir.resolve("E.spike_indices.npy"))).isEqualTo(128L + 4L * spikes);
    assertThat(Files.size(dir.resolve("E.V.npy"))).isEqualTo(128L + 8L * 398 * 80);
    // the files outlive the runner, and so do its results
    assertSameRecords(memory.mon(), streamed.mon());
  }

  @Test
  void aLongRunExceedsTheBufferManyTimes() throws Exception {
    int bufferBytes = 4096;
    DSRunner memory = DSRunner.builder(einet()).input("E.input", 20.).input("I.input", 20.)
        .monitors("E.V", "E.spike").build();
    DSRunner streamed = DSRunner.builder(einet()).input("E.input", 20.).input("I.input", 20.)
        .monitors("E.V", "E.spike").streamTo(dir).streamBuffer(bufferBytes).build();
    memory.run(500.);
    streamed.run(500.);
    long bytes = Files.size(dir.resolve("E.V.npy")) - NpyAppender.HEADER_BYTES;
    assertThat(bytes).isEqualTo(5000L * 80 * 8);
    assertThat(bytes / bufferBytes).isAtLeast(700L); // the buffer was written out ~780 times
    assertSameRecords(memory.mon(), streamed.mon());
    streamed.close();
  }

  @Test
  void headerIsPatchedWithTheRowsWrittenAndTheDataFollowsAt128() throws Exception {
    try (DSRunner runner = DSRunner.builder(einet()).monitors(Monitor.of("E.V", 2, 7)).streamTo(dir).build()) {
      runner.run(0.3);
      byte[] raw = Files.readAllBytes(dir.resolve("E.V.npy"));
      assertThat(raw.length).isEqualTo(128 + 3 * 2 * 8);
      String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }";
      assertThat(new String(raw, 0, 128, StandardCharsets.ISO_8859_1)).isEqualTo(
          "\u0093NUMPY\u0001\u0000v\u0000" + dict + " ".repeat(128 - 10 - dict.length() - 1) + "\n");
      ByteBuffer data = ByteBuffer.wrap(raw, 128, 48).order(ByteOrder.LITTLE_ENDIAN);
      double[][] v = runner.mon().values("E.V");
      for (double[] row : v) {
        for (double x : row) {
          assertThat(data.getDouble()).isEqualTo(x);
        }
      }
      runner.run(100.);
      assertThat(header(dir.resolve("E.V.npy"))).contains("'shape': (1003, 2)");
    }
  }

  @Test
  void aRunThatThrowsLeavesValidFilesUpToTheFailingStep() throws Exception {
    int[] calls = {0};
    DSRunner runner = DSRunner.builder(einet()).monitors("E.V")
        .monitors(Monitor.probe("boom", net -> {
          if (++calls[0] == 37) {
            throw new IllegalStateException("probe failed");
          }
          return calls[0];
        }))
        .streamTo(dir).streamBuffer(1024).build();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.run(10.));
    assertThat(e).hasMessageThat().isEqualTo("probe failed");
    // step 36 recorded E.V (and ts), then the probe threw before storing its row
    assertThat(header(dir.resolve("ts.npy"))).contains("'shape': (37,)");
    assertThat(header(dir.resolve("E.V.npy"))).contains("'shape': (37, 80)");
    assertThat(header(dir.resolve("boom.npy"))).contains("'shape': (36, 1)");
    assertThat(Files.size(dir.resolve("boom.npy"))).isEqualTo(128L + 36 * 8);
    runner.close();
  }

  @Test
  void unwritableDirectoryIsReportedAtBuildNamingIt() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Path bad = file.resolve("runs");
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> DSRunner.builder(einet()).monitors("E.V").streamTo(bad).build());
    assertThat(e).hasMessageThat().contains(bad.toAbsolutePath().toString());
    assertThat(e).hasMessageThat().contains("give streamTo(...) a directory you can write to");
  }

  /** /dev/full fails every write with "No space left on device", as a full disk would. */
  @Test
  void aFailedWriteNamesTheFile() throws Exception {
    Path full = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "no /dev/full");
    Path v = Files.createSymbolicLink(dir.resolve("E.V.npy"), full);
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> DSRunner.builder(einet()).monitors("E.V").streamTo(dir).build());
    assertThat(e).hasMessageThat().contains("could not write the header of " + v);
    assertThat(e).hasMessageThat().contains("No space left on device");
    Files.delete(v); // the link, not /dev/full
    DSRunner.builder(einet()).monitors("E.V").streamTo(dir).build().close(); // the failed build let go of the lock
  }

  @Test
  void fileNameClashesAndUnknownNamesAreReportedAtBuild() {
    IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(einet()).monitors(Monitor.of("E.V").named("ts")).streamTo(dir).build());
    assertThat(clash).hasMessageThat().contains("monitor 'ts' would write its records as 'ts'");
    assertThat(clash).hasMessageThat().contains(".named(");
    IllegalArgumentException slash = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(einet()).monitors(Monitor.of("E.V").named("a/b")).streamTo(dir).build());
    assertThat(slash).hasMessageThat().contains("monitor 'a/b' cannot be exported: it contains '/'");
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(einet()).monitors("E.V", "E.spike").streamTo(dir, "E.v").build());
    assertThat(unknown).hasMessageThat().contains("did you mean 'E.V'");
  }

  @Test
  void onlyTheNamedMonitorsStream() throws Exception {
    DSRunner memory = monitored(DSRunner.builder(einet())).build();
    try (DSRunner some = monitored(DSRunner.builder(einet())).streamTo(dir, "E.V", "Ewin").build()) {
      memory.run(20.);
      some.run(20.);
      assertSameRecords(memory.mon(), some.mon());
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(
          "ts.npy", "E.V.npy", "E.V.indices.npy", "Ewin_rowtimes.npy", "Ewin_times.npy", "Ewin_indices.npy",
          "Ewin.indices.npy", "brainstem.lock", "brainstem.manifest");
    }
  }

  @Test
  void resetEmptiesTheFilesAsItDropsRecords() throws Exception {
    DSRunner runner = monitored(DSRunner.builder(einet())).streamTo(dir).streamBuffer(300).build();
    runner.run(20.);
    MonitorResults first = runner.mon();
    double[][] v = first.values("E.V"); // read before the reset: stays valid
    runner.reset();
    assertThat(header(dir.resolve("E.V.npy"))).contains("'shape': (0, 80)");
    assertThat(Files.size(dir.resolve("E.V.npy"))).isEqualTo(128L);
    // the column indices describe the recording, not its rows: a reset keeps them
    assertThat(header(dir.resolve("Isub.indices.npy"))).contains("'descr': '<i4', 'fortran_order': False, 'shape': (3,)");
    assertThat(header(dir.resolve("E.V.indices.npy"))).contains("'shape': (80,)");
    assertThrows(IllegalStateException.class, runner::mon);
    IllegalStateException dropped = assertThrows(IllegalStateException.class, () -> first.events("E.spike"));
    assertThat(dropped).hasMessageThat().contains("dropped by reset()");
    runner.run(20.);
    assertThat(runner.mon().values("E.V")).isEqualTo(v);
    DSRunner fresh = monitored(DSRunner.builder(einet())).build();
    fresh.run(20.);
    assertSameRecords(fresh.mon(), runner.mon());
    runner.close();
  }

  @Test
  void closingFinalisesTheFilesAndLaterRunsThrow() throws Exception {
    DSRunner runner = DSRunner.builder(einet()).monitors("E.V", "E.spike").streamTo(dir).build();
    runner.run(5.);
    runner.close();
    runner.close(); // idempotent
    assertThat(header(dir.resolve("E.V.npy"))).contains("'shape': (50, 80)");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.run(1.));
    assertThat(e).hasMessageThat().contains("closed");
    assertThrows(IllegalStateException.class, runner::reset);
    assertThat(runner.mon().values("E.V")).hasLength(50); // still readable
    assertThat(runner.streamDirectory()).isEqualTo(dir);
  }

  /** The header dictionary of an .npy file. */
  static String header(Path file) throws IOException {
    byte[] raw = Files.readAllBytes(file);
    int length = (raw[8] & 0xff) | (raw[9] & 0xff) << 8;
    return new String(raw, 10, length, StandardCharsets.US_ASCII);
  }
}
