package io.brainstem.runners;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.math.Rng;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.Network;
import io.brainstem.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportRunnerTest {
  private static final PrintStream SILENT = null;

  private static double[] seeded(int n) {
    double[] a = new double[n];
    new Rng(3).fillUniform(a, 0, 2);
    return a;
  }

  @Test
  void givesTheSameResultsAsDSRunner() {
    String[] monitors = {"E.spike", "I.spike", "E.V", "I.seen", "I.input", "E2E.received", "I2E.received"};
    DSRunner fast = DSRunner.builder(Fixtures.ei())
        .input("E.input", 20.).input("I.input", seeded(10)).monitors(monitors).build();
    ReportRunner report = ReportRunner.builder(Fixtures.ei())
        .input("E.input", 20.).input("I.input", seeded(10)).monitors(monitors).progress(SILENT).build();
    for (double duration : new double[] {3.0, 1.7}) {
      fast.run(duration);
      report.run(duration);
      MonitorResults a = fast.mon();
      MonitorResults b = report.mon();
      assertThat(b.ts()).isEqualTo(a.ts());
      assertThat(b.spikes("E.spike")).isEqualTo(a.spikes("E.spike"));
      assertThat(b.spikes("I.spike")).isEqualTo(a.spikes("I.spike"));
      for (String name : new String[] {"E.V", "I.seen", "I.input", "E2E.received", "I2E.received"}) {
        assertThat(b.values(name)).isEqualTo(a.values(name));
      }
    }
    assertThat(report.step()).isEqualTo(fast.step());
  }

  @Test
  void listenersAreCalledOncePerStepAfterTheStep() {
    Network net = Fixtures.ei();
    List<Long> steps = new ArrayList<>();
    List<Double> times = new ArrayList<>();
    List<String> events = new ArrayList<>();
    double[] eT = net.group("E").doubles("t");
    StepListener listener = new StepListener() {
      @Override
      public void runStarted(long firstStep, int count) {
        events.add("start " + firstStep + " " + count);
      }

      @Override
      public void afterStep(long step, double t) {
        steps.add(step);
        times.add(t);
        assertThat(eT[0]).isEqualTo(t); // the network has already stepped at t
      }

      @Override
      public void runFinished() {
        events.add("finish");
      }
    };
    ReportRunner runner = ReportRunner.builder(net).monitors("E.spike").listeners(listener).progress(SILENT).build();
    runner.run(1.0);
    double[] firstTs = runner.mon().ts();
    runner.run(0.3);
    assertThat(steps).hasSize(13);
    for (int k = 0; k < 13; k++) {
      assertThat(steps.get(k)).isEqualTo((long) k);
    }
    for (int k = 0; k < 10; k++) {
      assertThat(times.get(k)).isEqualTo(firstTs[k]);
    }
    assertThat(events).containsExactly("start 0 10", "finish", "start 10 3", "finish").inOrder();
  }

  @Test
  void addListenerAfterBuild() {
    ReportRunner runner = ReportRunner.builder(Fixtures.ei()).progress(SILENT).build();
    int[] calls = {0};
    runner.addListener((step, t) -> calls[0]++);
    runner.run(2.5);
    assertThat(calls[0]).isEqualTo(25);
  }

  @Test
  void reportsProgressTenTimesPerRun() {
    for (double duration : new double[] {10.0, 2.3, 0.3}) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
      ReportRunner.builder(Fixtures.ei()).progress(out).build().run(duration);
      String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
      assertThat(lines).hasLength(10);
      for (int j = 1; j <= 10; j++) {
        assertThat(lines[j - 1]).matches("Run " + (j * 10) + "\\.0% used \\d+\\.\\d{3} s");
      }
    }
  }

  @Test
  void progressCanBeTurnedOff() {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      ReportRunner.builder(Fixtures.ei()).progress(null).build().run(1.0);
    } finally {
      System.setOut(original);
    }
    assertThat(bytes.size()).isEqualTo(0);
  }
}
