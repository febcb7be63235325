package io.brainstem.runners;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.inputs.Input;
import io.brainstem.inputs.Inputs;
import io.brainstem.inputs.TimeFunction;
import io.brainstem.math.Rng;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.Network;
import io.brainstem.sources.PoissonGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that fails (an input, the network or a listener throws) leaves the runner consistent: its
 * clock and records reflect the steps taken, the exception names the step, and a later run
 * continues so that the records of both runs equal those of one run that never failed.
 */
class RunFailuresTest {
  @TempDir Path dir;

  /** An E group driven by Poisson input and recurrent synapses. */
  static Network lifNet() {
    Network net = new Network();
    LifGroup e = net.add(new LifGroup("E", 60).V_rest(-60).V_th(-50).V_reset(-60).tau(20).tau_ref(2));
    new Rng(3).fillNormal(e.V, -55, 3);
    PoissonGroup p = net.add(new PoissonGroup("P", 80, 80.0, 4));
    net.add(new ExpCobaProjection(p, e, new FixedProb(0.3, 5)).E(0).g_max(0.8).tau(5));
    net.add(new ExpCobaProjection(e, e, new FixedProb(0.1, 6)).E(-80).g_max(1).tau(10));
    return net;
  }

  /** A func input adding 1 that throws once, at absolute step {@code failAt} (then works again). */
  static TimeFunction throwingAt(long failAt) {
    boolean[] thrown = {false};
    return (t, step) -> {
      if (step == failAt && !thrown[0]) {
        thrown[0] = true;
        throw new ArithmeticException("input failed at " + step);
      }
      return 1.0;
    };
  }

  private static <B extends RunnerBuilder<B>> B configure(B b, TimeFunction f) {
    // OU noise first: applied in the failed step, it must give the same values when the step is retried
    return b.inputs(Input.func("E.input", Inputs.ou(2, 1, 5, 11)), Input.func("E.input", f))
        .input("E.input", 10.)
        .monitors("E.spike", "E.V", "P.spike").monitorMode(MonitorMode.APPEND);
  }

  /** 100 steps (10 ms) run at once: what a failed run and its continuation must reproduce. */
  private static MonitorResults reference() {
    DSRunner once = configure(DSRunner.builder(lifNet()), (t, step) -> 1.0).build();
    once.run(10.);
    return once.mon();
  }

  private static void assertSame(MonitorResults expected, MonitorResults actual) {
    assertThat(actual.ts()).isEqualTo(expected.ts());
    assertThat(actual.values("E.V")).isEqualTo(expected.values("E.V"));
    assertThat(actual.events("E.spike").rows()).isEqualTo(expected.events("E.spike").rows());
    assertThat(actual.events("E.spike").indices()).isEqualTo(expected.events("E.spike").indices());
    assertThat(actual.events("P.spike").indices()).isEqualTo(expected.events("P.spike").indices());
    assertThat(actual.events("E.spike").count()).isGreaterThan(0);
  }

  /** Runs 10 ms with the input failing at step 50, checks the state, then runs the rest (5 ms). */
  private static void failAndContinue(Runner runner) {
    ArithmeticException e = assertThrows(ArithmeticException.class, () -> runner.run(10.));
    assertThat(e).hasMessageThat().isEqualTo("input failed at 50"); // propagated unchanged
    StepFailure where = StepFailure.of(e);
    assertThat(where).isNotNull();
    assertThat(where.step()).isEqualTo(50);
    assertThat(where.t()).isWithin(1e-12).of(5.0);
    assertThat(where.where()).isEqualTo("applying input 1 (E.input)");
    assertThat(where).hasMessageThat().contains("step 50 (t = 5.0 ms) failed while applying input 1");
    assertThat(where).hasMessageThat().contains("50 of the 100 steps of this run were taken");
    assertThat(runner.step()).isEqualTo(50);
    assertThat(runner.t()).isWithin(1e-12).of(5.0);
    assertThat(runner.lastRun().steps()).isEqualTo(50);
    assertThat(runner.mon().ts()).hasLength(50);
    assertThat(runner.mon().values("E.V")).hasLength(50);
    assertThat(runner.mon().ts()[49]).isWithin(1e-12).of(4.9);
    runner.run(5.);
    assertThat(runner.step()).isEqualTo(100);
  }

  @Test
  void dsRunnerKeepsClockAndRecordsAndContinues() {
    DSRunner runner = configure(DSRunner.builder(lifNet()), throwingAt(50)).build();
    failAndContinue(runner);
    assertSame(reference(), runner.mon());
  }

  @Test
  void replaceModeShowsTheStepsOfTheFailedRun() {
    DSRunner runner = DSRunner.builder(lifNet()).inputs(Input.func("E.input", throwingAt(30)))
        .monitors("E.V").build();
    runner.run(2.);
    assertThrows(ArithmeticException.class, () -> runner.run(2.));
    assertThat(runner.step()).isEqualTo(30);
    assertThat(runner.mon().ts()).hasLength(10);
    assertThat(runner.mon().ts()[0]).isWithin(1e-12).of(2.0);
    assertThat(runner.mon().values("E.V")).hasLength(10);
    runner.run(1.);
    assertThat(runner.mon().ts()[0]).isWithin(1e-12).of(3.0); // not 0: the clock kept the steps taken
  }

  @Test
  void threadedRunnerKeepsClockAndRecordsAndContinues() {
    try (DSRunner runner = configure(DSRunner.builder(lifNet()), throwingAt(50)).threads(2).build()) {
      failAndContinue(runner);
      assertSame(reference(), runner.mon());
    }
  }

  @Test
  void reportRunnerKeepsClockAndRecordsAndContinues() {
    ReportRunner runner = configure(ReportRunner.builder(lifNet()), throwingAt(50)).progressBar(false).build();
    failAndContinue(runner);
    assertSame(reference(), runner.mon());
  }

  @Test
  void progressChunksKeepTheCount() {
    DSRunner runner = configure(DSRunner.builder(lifNet()), throwingAt(50))
        .progressBar(true).progressTo(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).build();
    failAndContinue(runner);
    assertSame(reference(), runner.mon());
  }

  @Test
  void aFailingListenerCountsItsStepWhichTheMonitorsRecorded() {
    int[] calls = {0};
    ReportRunner runner = configure(ReportRunner.builder(lifNet()), (t, step) -> 1.0).progressBar(false)
        .listeners((step, t) -> {
          if (step == 30 && calls[0]++ == 0) {
            throw new IllegalStateException("listener failed");
          }
        })
        .build();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.run(10.));
    StepFailure where = StepFailure.of(e);
    assertThat(where.step()).isEqualTo(30);
    assertThat(where.where()).startsWith("calling listener 3 (io.brainstem.runners.RunFailuresTest");
    assertThat(where).hasMessageThat().contains("the network took the step");
    assertThat(runner.step()).isEqualTo(31);
    assertThat(runner.mon().ts()).hasLength(31);
    assertThat(runner.mon().values("E.V")).hasLength(31);
    runner.run(6.9);
    assertSame(reference(), runner.mon());
  }

  @Test
  void aFailingNetworkStepIsNotCounted() {
    failingNetworkStep(1);
  }

  @Test
  void aFailingNetworkStepOnTwoThreadsIsNotCountedAndTheRunnerGoesOn() {
    failingNetworkStep(2);
  }

  private static void failingNetworkStep(int threads) {
    Network net = lifNet();
    java.util.concurrent.atomic.AtomicBoolean fail = new java.util.concurrent.atomic.AtomicBoolean(true);
    net.add(new PoissonGroup("Q", 200, t -> {
      if (t > 1.95 && fail.getAndSet(false)) {
        throw new IllegalStateException("group failed");
      }
      return 10.0;
    }, 7));
    DSRunner runner = DSRunner.builder(net).monitors("E.V").threads(threads).build();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.run(5.));
    StepFailure where = StepFailure.of(e);
    assertThat(where.step()).isEqualTo(20);
    assertThat(where.where()).isEqualTo("stepping the network");
    assertThat(where).hasMessageThat().contains("keep their new state");
    assertThat(runner.step()).isEqualTo(20);
    assertThat(runner.mon().values("E.V")).hasLength(20);
    double[] input = ((LifGroup) net.group("E")).input;
    assertThat(Arrays.stream(input).allMatch(x -> x == 0)).isTrue(); // cleared for the next run
    runner.run(3.);
    assertThat(runner.step()).isEqualTo(50);
    assertThat(runner.mon().ts()[0]).isWithin(1e-12).of(2.0);
    runner.close();
  }

  @Test
  void streamedFilesEndAtTheLastStepAndTheNextRunContinues() throws Exception {
    DSRunner runner = configure(DSRunner.builder(lifNet()), throwingAt(50)).streamTo(dir).build();
    try (runner) {
      failAndContinue(runner);
      assertSame(reference(), runner.mon());
    }
    assertThat(header(dir.resolve("ts.npy"))).contains("'shape': (100,)");
    assertThat(header(dir.resolve("E.V.npy"))).contains("'shape': (100, 60)");
  }

  @Test
  void streamedFilesAreFlushedWhenTheRunFails() throws Exception {
    DSRunner runner = configure(DSRunner.builder(lifNet()), throwingAt(50)).streamTo(dir).build();
    assertThrows(ArithmeticException.class, () -> runner.run(10.));
    assertThat(header(dir.resolve("ts.npy"))).contains("'shape': (50,)");
    assertThat(header(dir.resolve("E.V.npy"))).contains("'shape': (50, 60)");
    runner.close();
  }

  @Test
  void aFailingProbeStoresNoRowAndTheRecordsStayAligned() {
    int[] calls = {0};
    DSRunner runner = DSRunner.builder(lifNet()).monitorMode(MonitorMode.APPEND)
        .monitors(io.brainstem.monitors.Monitor.probe("meanV", n -> {
          if (++calls[0] == 31) {
            throw new IllegalStateException("probe failed");
          }
          return Arrays.stream(((LifGroup) n.group("E")).V).average().orElseThrow();
        }))
        .build();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.run(10.));
    assertThat(StepFailure.of(e).where()).isEqualTo("recording monitor meanV");
    assertThat(runner.step()).isEqualTo(31); // the network took step 30; the probe has no row for it
    assertThat(runner.mon().times("meanV")).hasLength(30);
    assertThat(runner.mon().values("meanV")).hasLength(30);
    runner.run(1.);
    assertThat(runner.mon().times("meanV")).hasLength(40);
    assertThat(runner.mon().values("meanV")).hasLength(40);
    assertThat(runner.mon().times("meanV")[30]).isWithin(1e-12).of(3.1);
  }

  @Test
  void aCheckedExceptionThrownSneakilyIsHandledAlike() {
    DSRunner runner = DSRunner.builder(lifNet()).monitors("E.V").input("E.input", (t, step) -> {
      if (step == 5) {
        RunFailuresTest.<RuntimeException>sneakyThrow(new java.io.IOException("disk gone"));
      }
      return 0.0;
    }).build();
    java.io.IOException e = assertThrows(java.io.IOException.class, () -> runner.run(1.));
    assertThat(StepFailure.of(e).step()).isEqualTo(5);
    assertThat(runner.step()).isEqualTo(5);
    assertThat(runner.mon().values("E.V")).hasLength(5);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
    throw (T) t;
  }

  static String header(Path npy) throws Exception {
    byte[] bytes = Files.readAllBytes(npy);
    return new String(bytes, 0, Math.min(bytes.length, 128), java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
