package io.brainstem.runners;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.monitors.MonitorResults;
import io.brainstem.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What each progress setting prints, captured from an injected stream (and, for the bar's timing
 * rule, an injected clock) rather than by timing real runs.
 */
class ProgressTest {
  private static final Pattern LINE = Pattern.compile("Run (\\d+\\.\\d)% used (\\d+\\.\\d{3}) s");

  /** A stream that keeps what is printed. */
  private static final class Captured {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    List<String> lines() {
      return text().lines().toList();
    }
  }

  /** A clock that advances only when told to, in ns. */
  private static final class FakeClock implements LongSupplier {
    long now = 1_000;

    @Override
    public long getAsLong() {
      return now;
    }
  }

  private static DSRunner.Builder ds() {
    return DSRunner.builder(Fixtures.ei()).input("E.input", 20.).monitors("E.spike", "I.spike", "E.V");
  }

  /** The percentages of the progress lines, each checked against the line format. */
  private static List<String> percentages(List<String> lines) {
    List<String> p = new ArrayList<>();
    for (String line : lines) {
      Matcher m = LINE.matcher(line);
      assertThat(m.matches()).isTrue();
      p.add(m.group(1));
    }
    return p;
  }

  private static final List<String> TENTHS =
      List.of("10.0", "20.0", "30.0", "40.0", "50.0", "60.0", "70.0", "80.0", "90.0", "100.0");

  @Test
  void progressBarTrueReportsEveryTenthAsPlainLinesWhenNotOnATerminal() {
    Captured c = new Captured();
    DSRunner runner = ds().progressBar(true).progressTo(c.out).build();
    assertThat(runner.progressBar()).isTrue();
    runner.run(10.0); // 100 steps, far below a second
    assertThat(percentages(c.lines())).isEqualTo(TENTHS);
    runner.run(0.3); // 3 steps: still every tenth, several at once
    assertThat(percentages(c.lines())).hasSize(20);
  }

  @Test
  void reportingProgressDoesNotChangeTheResults() {
    Captured c = new Captured();
    DSRunner quiet = ds().progressBar(false).build();
    DSRunner reporting = ds().progressBar(true).progressTo(c.out).build();
    quiet.run(13.7);
    reporting.run(13.7);
    MonitorResults a = quiet.mon();
    MonitorResults b = reporting.mon();
    assertThat(b.ts()).isEqualTo(a.ts());
    assertThat(b.events("E.spike").indices()).isEqualTo(a.events("E.spike").indices());
    assertThat(b.events("E.spike").rows()).isEqualTo(a.events("E.spike").rows());
    assertThat(b.values("E.V")).isEqualTo(a.values("E.V"));
    assertThat(c.lines()).hasSize(10);
  }

  @Test
  void progressBarFalseNeverReports() {
    Captured c = new Captured();
    DSRunner ds = ds().progressBar(false).progressTo(c.out).build();
    ds.run(10.0);
    ReportRunner report = ReportRunner.builder(Fixtures.ei()).monitors("E.spike").progressTo(c.out)
        .progressBar(false).build();
    report.run(10.0);
    assertThat(ds.progressBar()).isFalse();
    assertThat(report.progressBar()).isFalse();
    assertThat(c.text()).isEmpty();
  }

  @Test
  void byDefaultDSRunnerIsSilentOffATerminalAndReportRunnerPrintsLines() {
    // Tests run with piped output, so there is no interactive terminal here.
    assertThat(RunnerBuilder.interactiveTerminal()).isFalse();
    Captured c = new Captured();
    DSRunner ds = ds().progressTo(c.out).build();
    ds.run(10.0);
    assertThat(ds.progressBar()).isFalse();
    assertThat(c.text()).isEmpty();
    assertThat(DSRunner.builder(Fixtures.ei()).build().progressBar()).isFalse();

    ReportRunner report = ReportRunner.builder(Fixtures.ei()).monitors("E.spike").progressTo(c.out).build();
    report.run(10.0);
    assertThat(report.progressBar()).isTrue();
    assertThat(percentages(c.lines())).isEqualTo(TENTHS);
  }

  @Test
  void reportRunnerProgressNullIsProgressBarFalse() {
    Captured c = new Captured();
    ReportRunner report = ReportRunner.builder(Fixtures.ei()).progressTo(c.out).progress(null).build();
    report.run(1.0);
    assertThat(report.progressBar()).isFalse();
    assertThat(c.text()).isEmpty();
  }

  @Test
  void eachSettingPicksItsStyle() {
    PrintStream out = new Captured().out;
    FakeClock clock = new FakeClock();
    assertThat(Progress.of(false, true, 100, out, clock)).isNull();
    assertThat(Progress.of(false, false, 100, out, clock)).isNull();
    assertThat(Progress.of(null, false, 100, out, clock)).isNull();
    assertThat(Progress.of(null, true, 100, out, clock).style()).isEqualTo(Progress.Style.BAR_IF_LONG);
    assertThat(Progress.of(true, false, 100, out, clock).style()).isEqualTo(Progress.Style.LINES);
    Progress bar = Progress.of(true, true, 100, out, clock);
    assertThat(bar.style()).isEqualTo(Progress.Style.BAR);
    assertThat(bar.shown()).isTrue(); // from the first step, however short the run
    bar.close();
  }

  @Test
  void linesEndChunksWhereTheyAreDueAndReportTheElapsedTime() {
    Captured c = new Captured();
    FakeClock clock = new FakeClock();
    Progress p = new Progress(1000, Progress.Style.LINES, c.out, clock);
    int done = 0;
    List<Integer> chunks = new ArrayList<>();
    while (done < 1000) {
      int n = p.chunk(done);
      chunks.add(n);
      done += n;
      clock.now += n * 250_000L; // 0.25 ms per step
      p.update(done);
    }
    p.close();
    assertThat(chunks).containsExactly(100, 100, 100, 100, 100, 100, 100, 100, 100, 100);
    assertThat(c.lines()).containsExactly(
        "Run 10.0% used 0.025 s", "Run 20.0% used 0.050 s", "Run 30.0% used 0.075 s",
        "Run 40.0% used 0.100 s", "Run 50.0% used 0.125 s", "Run 60.0% used 0.150 s",
        "Run 70.0% used 0.175 s", "Run 80.0% used 0.200 s", "Run 90.0% used 0.225 s",
        "Run 100.0% used 0.250 s").inOrder();
  }

  @Test
  void theBarIsDrawnOnTheGivenStreamAndEndsFull() {
    Captured c = new Captured();
    FakeClock clock = new FakeClock();
    Progress p = new Progress(1000, Progress.Style.BAR, c.out, clock);
    int done = 0;
    while (done < 1000) {
      int n = Math.min(1000 - done, p.chunk(done));
      done += n;
      clock.now += n * 1_000L;
      p.update(done);
    }
    p.close();
    String text = c.text();
    assertThat(text).contains("Run");
    assertThat(text).contains("100%");
    assertThat(text).contains("1000/1000");
  }

  @Test
  void byDefaultTheBarAppearsOnlyForRunsExpectedToLastOverASecond() {
    // 10 ms per step: 1000 steps are expected to take 10 s, so the bar appears after the first chunk.
    Captured slowOut = new Captured();
    FakeClock clock = new FakeClock();
    Progress slow = new Progress(1000, Progress.Style.BAR_IF_LONG, slowOut.out, clock);
    assertThat(slow.shown()).isFalse();
    int first = slow.chunk(0);
    assertThat(first).isEqualTo(64);
    clock.now += first * 10_000_000L;
    slow.update(first);
    assertThat(slow.shown()).isTrue();
    assertThat(slow.chunk(first)).isEqualTo(4); // ~50 ms of steps, a power of two
    slow.close();
    assertThat(slowOut.text()).contains("Run");

    // 1 µs per step: 1000 steps take 1 ms, no bar.
    Captured fastOut = new Captured();
    FakeClock fastClock = new FakeClock();
    Progress fast = new Progress(1000, Progress.Style.BAR_IF_LONG, fastOut.out, fastClock);
    int done = 0;
    while (done < 1000) {
      int n = Math.min(1000 - done, fast.chunk(done));
      done += n;
      fastClock.now += n * 1_000L;
      fast.update(done);
    }
    fast.close();
    assertThat(fast.shown()).isFalse();
    assertThat(fastOut.text()).isEmpty();
  }

  @Test
  void barChunksArePowersOfTwoAimedAtTheTarget() {
    FakeClock clock = new FakeClock();
    Progress p = new Progress(1_000_000, Progress.Style.BAR_IF_LONG, new Captured().out, clock);
    assertThat(p.chunk(0)).isEqualTo(64);
    clock.now += 64 * 3_000L; // 3 µs per step: 50 ms is 16 666 steps, the power of two below is 16 384
    p.update(64);
    assertThat(p.chunk(64)).isEqualTo(16_384);
    p.close();
  }
}
