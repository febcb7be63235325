package io.brainstem.runners;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.inputs.Input;
import io.brainstem.inputs.Inputs;
import io.brainstem.math.Rng;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.Network;
import io.brainstem.sources.PoissonGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ResetAndTimingTest {

  /** A small E network driven by Poisson input and OU noise: every kind of state a reset must restore. */
  private static Network lifNet() {
    Network net = new Network();
    LifGroup e = net.add(new LifGroup("E", 50).V_rest(-60).V_th(-50).V_reset(-60).tau(20).tau_ref(5));
    new Rng(1).fillNormal(e.V, -55, 2);
    PoissonGroup p = net.add(new PoissonGroup("P", 100, 50.0, 4));
    net.add(new ExpCobaProjection(p, e, new FixedProb(0.2, 5)).E(0).g_max(0.6).tau(5));
    net.add(new ExpCobaProjection(e, e, new FixedProb(0.1, 6)).E(-80).g_max(2).tau(10));
    return net;
  }

  private static DSRunner.Builder builder(Network net) {
    return DSRunner.builder(net)
        .inputs(Input.func("E.input", Inputs.ou(12, 3, 5, 11)))
        .monitors("E.spike", "E.V", "E2E.g", "P.spike");
  }

  private static void assertSameRecords(MonitorResults a, MonitorResults b) {
    assertThat(b.ts()).isEqualTo(a.ts());
    assertThat(b.events("E.spike").indices()).isEqualTo(a.events("E.spike").indices());
    assertThat(b.events("E.spike").rows()).isEqualTo(a.events("E.spike").rows());
    assertThat(b.events("P.spike").indices()).isEqualTo(a.events("P.spike").indices());
    assertThat(b.values("E.V")).isEqualTo(a.values("E.V"));
    assertThat(b.values("E2E.g")).isEqualTo(a.values("E2E.g"));
  }

  @Test
  void resetRestoresStateClockAndNoise() {
    Network net = lifNet();
    DSRunner runner = builder(net).build();
    runner.run(30);
    MonitorResults first = runner.mon();
    assertThat(first.events("E.spike").count()).isGreaterThan(0);
    runner.run(10);
    runner.reset();
    assertThat(runner.step()).isEqualTo(0);
    assertThat(runner.t()).isEqualTo(0.0);
    assertThat(runner.lastRun()).isNull();
    runner.run(30);
    assertSameRecords(first, runner.mon());

    // ... and equals a fresh network run from the same seeds.
    DSRunner fresh = builder(lifNet()).build();
    fresh.run(30);
    assertSameRecords(first, fresh.mon());
  }

  @Test
  void resetDropsAppendedRecords() {
    DSRunner runner = builder(lifNet()).monitorMode(MonitorMode.APPEND).build();
    runner.run(5);
    runner.run(5);
    assertThat(runner.mon().ts()).hasLength(100);
    runner.reset();
    runner.run(5);
    assertThat(runner.mon().ts()).hasLength(50);
    assertThat(runner.mon().ts()[0]).isEqualTo(0.0);
  }

  @Test
  void captureInitialStateMovesTheResetPoint() {
    Network net = lifNet();
    DSRunner runner = builder(net).build();
    LifGroup e = (LifGroup) net.group("E");
    java.util.Arrays.fill(e.V, -58);
    runner.captureInitialState();
    runner.run(10);
    runner.reset();
    assertThat(e.V[0]).isEqualTo(-58.0);
    assertThat(e.V[49]).isEqualTo(-58.0);
  }

  @Test
  void reportRunnerResetsToo() {
    ReportRunner runner = ReportRunner.builder(lifNet()).progress(null)
        .inputs(Input.func("E.input", Inputs.ou(12, 3, 5, 11))).monitors("E.spike", "E.V", "E2E.g", "P.spike").build();
    runner.run(20);
    MonitorResults first = runner.mon();
    runner.reset();
    runner.run(20);
    assertSameRecords(first, runner.mon());
  }

  @Test
  void runStatsSeparateSetUpFromTheLoop() {
    DSRunner runner = builder(lifNet()).build();
    assertThat(runner.buildSeconds()).isAtLeast(0.0);
    double loop = runner.run(2.0);
    RunStats stats = runner.lastRun();
    assertThat(stats.loopSeconds()).isEqualTo(loop);
    assertThat(stats.setupSeconds()).isAtLeast(0.0);
    assertThat(stats.steps()).isEqualTo(20);
    assertThat(stats.firstStep()).isEqualTo(0);
    assertThat(stats.simulatedMs()).isWithin(1e-12).of(2.0);
    assertThat(stats.buildSeconds()).isEqualTo(runner.buildSeconds());
    assertThat(stats.toString()).contains("20 steps");
    runner.run(1.0);
    assertThat(runner.lastRun().firstStep()).isEqualTo(20);
  }

  @Test
  void aDurationThatIsNotAMultipleOfDtIsTruncatedWithAWarning() {
    Logger logger = Logger.getLogger(Runner.class.getName());
    List<LogRecord> records = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(handler);
    try {
      DSRunner runner = builder(lifNet()).build();
      runner.run(1.05);
      assertThat(runner.lastRun().steps()).isEqualTo(10);
      assertThat(runner.lastRun().requestedMs()).isEqualTo(1.05);
      assertThat(runner.lastRun().simulatedMs()).isWithin(1e-12).of(1.0);
      assertThat(records).hasSize(1);
      assertThat(records.get(0).getLevel()).isEqualTo(java.util.logging.Level.WARNING);
      runner.run(0.3); // 0.3 / 0.1 = 2.9999999999999996 counts as 3: no warning
      assertThat(runner.lastRun().steps()).isEqualTo(3);
      assertThat(records).hasSize(1);
    } finally {
      logger.removeHandler(handler);
    }
  }
}
