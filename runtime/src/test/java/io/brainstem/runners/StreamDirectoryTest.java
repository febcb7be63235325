package io.brainstem.runners;

import static com.google.common.truth.Truth.assertThat;
import static io.brainstem.runners.StreamToDiskTest.assertSameRecords;
import static io.brainstem.runners.StreamToDiskTest.einet;
import static io.brainstem.runners.StreamToDiskTest.header;
import static io.brainstem.runners.StreamToDiskTest.monitored;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.export.NpyDirectory;
import io.brainstem.monitors.MonitorResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per stream directory, files committed together at step boundaries, read back on their own. */
class StreamDirectoryTest {
  private static final Pattern ROWS = Pattern.compile("'shape': \\((\\d+),");
  @TempDir Path dir;

  @Test
  void aSecondRunnerStreamingToTheSameDirectoryIsRefusedNamingTheOwner() {
    try (DSRunner first = DSRunner.builder(einet()).monitors("E.V").streamTo(dir).build()) {
      first.run(1.);
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> ReportRunner.builder(einet()).monitors("E.spike").streamTo(dir).build());
      assertThat(e).hasMessageThat().contains("cannot stream monitors to " + dir.toAbsolutePath()
          + ": another runner is writing there (pid " + ProcessHandle.current().pid() + " on ");
      assertThat(e).hasMessageThat().contains("close that runner first, or give streamTo(...) a directory of its own");
      first.run(1.); // the refused runner touched nothing
      assertThat(first.mon().values("E.V")).hasLength(10);
    }
    try (DSRunner second = DSRunner.builder(einet()).monitors("E.V").streamTo(dir).build()) { // released
      second.run(1.);
    }
  }

  /**
   * Closing any descriptor of a file drops the process's POSIX locks on it: refusing a second runner
   * and reading the directory must not, so another process still finds it locked.
   */
  @Test
  void theLockHoldsAgainstOtherProcessesAfterRefusalsAndReadsInThisJvm() throws Exception {
    Path python = Path.of("/usr/bin/python3");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(python), "no " + python);
    try (DSRunner first = DSRunner.builder(einet()).monitors("E.V").streamTo(dir).build()) {
      first.run(1.);
      assertThrows(IllegalStateException.class, () -> DSRunner.builder(einet()).monitors("E.V").streamTo(dir).build());
      assertThat(NpyDirectory.read(dir).steps()).isEqualTo(10);
      assertThat(tryLockFromAnotherProcess(python)).isEqualTo("locked");
    }
    assertThat(tryLockFromAnotherProcess(python)).isEqualTo("free");
  }

  private String tryLockFromAnotherProcess(Path python) throws Exception {
    Process p = new ProcessBuilder(python.toString(), "-c", String.join("\n",
        "import fcntl, sys",
        "f = open(sys.argv[1], 'r+')",
        "try:",
        "    fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)",
        "    print('free')",
        "except OSError:",
        "    print('locked')"), dir.resolve("brainstem.lock").toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    return out;
  }

  @Test
  void aClosedRunnersResultsRefuseToReadFilesALaterRunReplaced() {
    DSRunner first = DSRunner.builder(einet()).monitors("E.V", "E.spike").input("E.input", 20.).streamTo(dir).build();
    first.run(20.);
    MonitorResults early = first.mon();
    double[][] kept = early.values("E.V"); // read while its own: stays valid
    first.run(5.);
    MonitorResults late = first.mon(); // not read before the next runner takes the directory
    first.close();
    DSRunner second = DSRunner.builder(einet()).monitors("E.V", "E.spike").input("E.input", 30.).streamTo(dir).build();
    second.run(25.);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> late.values("E.V"));
    assertThat(e).hasMessageThat().contains(".npy cannot be read: the files in " + dir.toAbsolutePath()
        + " were replaced by a later run (pid " + ProcessHandle.current().pid());
    assertThat(e).hasMessageThat().contains("give each run a directory of its own");
    assertThrows(IllegalStateException.class, () -> late.events("E.spike"));
    assertThrows(IllegalStateException.class, late::ts);
    assertThat(early.values("E.V")).isSameInstanceAs(kept);
    // after the second closes, the first still refuses, and the directory reads as the second's
    second.close();
    assertThrows(IllegalStateException.class, () -> late.values("E.V"));
    DSRunner memory = DSRunner.builder(einet()).monitors("E.V", "E.spike").input("E.input", 30.).build();
    memory.run(25.);
    assertSameRecords(memory.mon(), NpyDirectory.read(dir));
  }

  @Test
  void theDirectoryReadsBackAsTheRunnersAppendedRecords() {
    DSRunner memory = monitored(DSRunner.builder(einet())).monitorMode(MonitorMode.APPEND).build();
    try (DSRunner streamed = monitored(DSRunner.builder(einet())).streamTo(dir).streamBuffer(512).build()) {
      memory.run(12.5);
      streamed.run(12.5);
      assertSameRecords(memory.mon(), NpyDirectory.read(dir)); // while the writer is open
      memory.run(7.3);
      streamed.run(7.3);
    }
    MonitorResults read = NpyDirectory.read(dir);
    assertSameRecords(memory.mon(), read);
    assertThat(read.steps()).isEqualTo(198);
    assertThat(read.dt()).isEqualTo(0.1);
    assertThat(read.isProbe("meanV")).isTrue();
    assertThat(read.indices("Isub")).isEqualTo(new int[] {0, 3, 7});
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> NpyDirectory.read(dir.resolve("nothing-here")));
    assertThat(none).hasMessageThat().contains("has no brainstem.manifest");
  }

  /**
   * A listener after every step reads the headers from disk: all files count the rows of the same
   * step, the last boundary that was a multiple of streamFlushEvery (5 ms = 50 steps).
   */
  @Test
  void everyFileCommitsAtTheSameStepBoundaryEveryFlushInterval() throws Exception {
    List<long[]> seen = new ArrayList<>();
    try (ReportRunner runner = ReportRunner.builder(einet()).progress(null).input("E.input", 20.).input("I.input", 20.)
        .monitors("E.V", "E.spike", "I.spike").streamTo(dir).streamFlushEvery(5.).build()) {
      runner.addListener((step, t) -> seen.add(new long[] {step, rows("ts"), rows("E.V"), rows("E.spike_times"),
          rows("E.spike_indices"), rows("I.spike_times"), rows("I.spike_indices")}));
      runner.run(30.);
      assertThat(runner.mon().events("E.spike").count()).isGreaterThan(50);
    }
    assertThat(seen).hasSize(300);
    for (long[] s : seen) {
      long boundary = s[0] / 50 * 50; // step s[0] started at it
      assertThat(s[1]).isEqualTo(boundary);
      assertThat(s[2]).isEqualTo(boundary);
      assertThat(s[3]).isEqualTo(s[4]);
      assertThat(s[5]).isEqualTo(s[6]);
    }
    assertThat(seen.get(299)[3]).isGreaterThan(0L);
    assertThat(rows("ts")).isEqualTo(300); // the end of the run commits, and close finalises
  }

  /** 16 buffers written out commit at the next boundary, so data on disk is never far ahead of the headers. */
  @Test
  void aFullBufferCommitsAtTheNextBoundary() throws Exception {
    List<long[]> seen = new ArrayList<>();
    try (ReportRunner runner = ReportRunner.builder(einet()).progress(null).monitors("E.V")
        .streamTo(dir).streamBuffer(4 * 80 * 8).streamFlushEvery(Double.POSITIVE_INFINITY).build()) {
      runner.addListener((step, t) -> seen.add(new long[] {step, rows("ts"), rows("E.V")}));
      runner.run(10.);
    }
    for (long[] s : seen) { // E.V fills its 4-row buffer for the 16th time at steps 63, 127, ...: committed at the next step
      long expected = s[0] / 64 * 64;
      assertThat(s[1]).isEqualTo(expected);
      assertThat(s[2]).isEqualTo(expected);
    }
  }

  @Test
  void flushIntervalMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(einet()).streamFlushEvery(0));
    assertThat(e).hasMessageThat().contains("streamFlushEvery needs a positive time in ms");
    assertThrows(IllegalArgumentException.class, () -> DSRunner.builder(einet()).streamFlushEvery(Double.NaN));
  }

  private long rows(String stem) {
    try {
      Matcher m = ROWS.matcher(header(dir.resolve(stem + ".npy")));
      assertThat(m.find()).isTrue();
      return Long.parseLong(m.group(1));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
