package io.brainstem.runners;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.inputs.Input;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.Network;
import io.brainstem.testing.Fixtures;
import io.brainstem.testing.Pacemaker;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Cancellation, a network frozen while a runner drives it, close(), and dt/duration validation. */
class RunnerLifecycleTest {

  /** A func input that interrupts its own thread at absolute step {@code at}. */
  private static Input interruptAt(long at) {
    return Input.func("E.input", (t, step) -> {
      if (step == at) {
        Thread.currentThread().interrupt();
      }
      return 0.0;
    });
  }

  private static void interruptedRunKeepsRecordsAndContinues(Runner runner) {
    RunInterruptedException e = assertThrows(RunInterruptedException.class, () -> runner.run(20_000.));
    assertThat(Thread.currentThread().isInterrupted()).isFalse(); // consumed, as InterruptedException
    // step 1000 completes (the input only sets the flag); the check before step 1001 stops the run
    assertThat(e.step()).isEqualTo(1001);
    assertThat(e.stepsTaken()).isEqualTo(1001);
    assertThat(e.t()).isWithin(1e-9).of(100.1);
    assertThat(e).hasMessageThat().contains("interrupted before step 1001");
    assertThat(runner.step()).isEqualTo(1001);
    assertThat(runner.lastRun().steps()).isEqualTo(1001);
    assertThat(runner.mon().ts()).hasLength(1001);
    assertThat(runner.mon().values("E.V")).hasLength(1001);
    runner.run(0.9);
    assertThat(runner.step()).isEqualTo(1010);
  }

  private static MonitorResults uninterrupted() {
    DSRunner runner = DSRunner.builder(Fixtures.ei()).monitors("E.spike", "E.V")
        .monitorMode(MonitorMode.APPEND).build();
    runner.run(101.);
    return runner.mon();
  }

  private static void assertSame(MonitorResults expected, MonitorResults actual) {
    assertThat(actual.ts()).isEqualTo(expected.ts());
    assertThat(actual.values("E.V")).isEqualTo(expected.values("E.V"));
    assertThat(actual.events("E.spike").rows()).isEqualTo(expected.events("E.spike").rows());
    assertThat(actual.events("E.spike").indices()).isEqualTo(expected.events("E.spike").indices());
  }

  @Test
  void dsRunnerStopsOnInterruptAndContinues() {
    DSRunner runner = DSRunner.builder(Fixtures.ei()).inputs(interruptAt(1000))
        .monitors("E.spike", "E.V").monitorMode(MonitorMode.APPEND).build();
    interruptedRunKeepsRecordsAndContinues(runner);
    assertSame(uninterrupted(), runner.mon());
  }

  @Test
  void threadedAndChunkedRunnersStopOnInterrupt() {
    try (DSRunner runner = DSRunner.builder(Fixtures.ei()).inputs(interruptAt(1000)).threads(2)
        .progressBar(true).progressTo(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
        .monitors("E.spike", "E.V").monitorMode(MonitorMode.APPEND).build()) {
      interruptedRunKeepsRecordsAndContinues(runner);
      assertSame(uninterrupted(), runner.mon());
    }
  }

  @Test
  void reportRunnerStopsOnInterruptAndFinishesItsListeners() {
    List<String> calls = new ArrayList<>();
    ReportRunner runner = ReportRunner.builder(Fixtures.ei()).inputs(interruptAt(1000)).progressBar(false)
        .monitors("E.spike", "E.V").monitorMode(MonitorMode.APPEND)
        .listeners(new StepListener() {
          @Override
          public void afterStep(long step, double t) {}

          @Override
          public void runFinished() {
            calls.add("finished");
          }
        })
        .build();
    interruptedRunKeepsRecordsAndContinues(runner);
    assertThat(calls).containsExactly("finished", "finished");
    assertSame(uninterrupted(), runner.mon());
  }

  /** Another thread cancels a 200 000-step run; the input holds step 10 until the interrupt arrives. */
  @Test
  void anotherThreadCancelsALongRun() throws Exception {
    java.util.concurrent.CountDownLatch atStep10 = new java.util.concurrent.CountDownLatch(1);
    DSRunner runner = DSRunner.builder(Fixtures.ei()).monitors("E.V")
        .input("E.input", (t, step) -> {
          if (step == 10) {
            atStep10.countDown();
            while (!Thread.currentThread().isInterrupted()) {
              Thread.onSpinWait();
            }
          }
          return 0.0;
        })
        .build();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread worker = new Thread(() -> {
      try {
        runner.run(20_000.);
      } catch (Throwable e) {
        thrown.set(e);
      }
    });
    worker.start();
    atStep10.await();
    worker.interrupt();
    worker.join();
    assertThat(thrown.get()).isInstanceOf(RunInterruptedException.class);
    assertThat(runner.step()).isEqualTo(11);
    assertThat(runner.mon().values("E.V")).hasLength(11);
  }

  @Test
  void addingToANetworkWhileARunnerIsOpenThrows() {
    Network net = Fixtures.ei();
    DSRunner runner = DSRunner.builder(net).threads(2).build();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.add(new Pacemaker("X", 100, 1)));
    assertThat(e).hasMessageThat().contains("cannot add group 'X'");
    assertThat(e).hasMessageThat().contains("add every group and projection before building the runner");
    assertThat(net.attached()).isTrue();
    runner.close();
    assertThat(net.attached()).isFalse();
    net.add(new Pacemaker("X", 100, 1)); // released: the network can change, and a new runner sees X
    try (DSRunner threaded = DSRunner.builder(net).threads(2).monitors("X.spike").build()) {
      threaded.run(0.1);
      assertThat(threaded.mon().events("X.spike").count()).isEqualTo(100);
    }
  }

  @Test
  void twoOpenRunnersOnOneNetworkAreRefused() {
    Network net = Fixtures.ei();
    ReportRunner first = ReportRunner.builder(net).progressBar(false).build();
    first.run(10.);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> DSRunner.builder(net).build());
    assertThat(e).hasMessageThat().contains("already driven by ReportRunner@");
    assertThat(e).hasMessageThat().contains("close() that runner first");
    first.close();
    DSRunner second = DSRunner.builder(net).build(); // its clock starts at 0 from the current state
    assertThat(second.step()).isEqualTo(0);
    second.run(1.);
  }

  @Test
  void aRefusedBuildCreatesNoFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    Network net = Fixtures.ei();
    DSRunner first = DSRunner.builder(net).build();
    assertThrows(IllegalStateException.class,
        () -> DSRunner.builder(net).monitors("E.V").streamTo(dir.resolve("out")).build());
    assertThat(java.nio.file.Files.exists(dir.resolve("out"))).isFalse();
    first.close();
  }

  @Test
  void runAndResetAfterCloseThrow() {
    DSRunner ds = DSRunner.builder(Fixtures.ei()).monitors("E.V").build();
    ds.run(1.);
    ds.close();
    ds.close(); // idempotent
    assertThat(ds.closed()).isTrue();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ds.run(1.));
    assertThat(e).hasMessageThat().contains("this runner was closed; build a new runner");
    assertThrows(IllegalStateException.class, ds::reset);
    assertThat(ds.mon().values("E.V")).hasLength(10); // records stay readable
    ReportRunner report = ReportRunner.builder(Fixtures.ei()).progressBar(false).build();
    report.close();
    assertThrows(IllegalStateException.class, () -> report.run(1.));
  }

  @Test
  void tinyOrHugeStepCountsAreExplained() {
    IllegalArgumentException tiny = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(Fixtures.ei()).dt(Double.MIN_VALUE).build());
    assertThat(tiny).hasMessageThat().contains("below the smallest accepted step");
    IllegalArgumentException vanishing = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(Fixtures.ei()).t0(1e9).dt(1e-9).build());
    assertThat(vanishing).hasMessageThat().contains("t0 + dt rounds to t0");
    IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
        () -> Runner.stepCount(10, Double.MIN_VALUE));
    assertThat(huge).hasMessageThat().contains("Infinity steps, more than one run takes (2147483647)");
    assertThat(huge).hasMessageThat().doesNotContain("9223372036854775807");
    DSRunner runner = DSRunner.builder(Fixtures.ei()).dt(1e-3).build();
    IllegalArgumentException longRun = assertThrows(IllegalArgumentException.class, () -> runner.run(1e7));
    assertThat(longRun).hasMessageThat().contains("1.000e+10 steps");
    assertThat(longRun).hasMessageThat().contains("split it into runs of at most");
    assertThat(runner.step()).isEqualTo(0);
    assertThrows(IllegalArgumentException.class, () -> Runner.stepCount(1, Double.NaN));
  }

  @Test
  void aRunWithoutMonitorsAllocatesNothingPerStep() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Network net = new Network();
    net.add(new Pacemaker("E", 1, 5));
    DSRunner runner = DSRunner.builder(net).build();
    runner.run(100.); // warm-up
    long before = threads.getCurrentThreadAllocatedBytes();
    runner.run(100_000.); // a million steps: 8 MB if ts were stored
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).isLessThan(1_000_000L);
    double[] ts = runner.mon().ts(); // computed on request
    assertThat(ts).hasLength(1_000_000);
    assertThat(ts[0]).isEqualTo(0 + 1000 * 0.1);
    assertThat(ts[999_999]).isEqualTo(0 + 1_000_999 * 0.1);
  }

  @Test
  void moreThreadsThanProcessorsWarns() {
    Logger logger = Logger.getLogger(RunnerBuilder.class.getName());
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
    int cores = Runtime.getRuntime().availableProcessors();
    try {
      DSRunner.builder(Fixtures.ei()).threads(cores).build().close();
      assertThat(records).isEmpty();
      try (DSRunner many = DSRunner.builder(Fixtures.ei()).threads(cores + 1).build()) {
        assertThat(many.threads()).isEqualTo(cores + 1); // allowed: results are the same
      }
      assertThat(records).hasSize(1);
      assertThat(records.get(0).getMessage()).contains("exceeds the {1} available processors");
    } finally {
      logger.removeHandler(handler);
    }
  }
}
