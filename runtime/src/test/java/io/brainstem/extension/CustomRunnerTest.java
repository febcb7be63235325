package io.brainstem.extension;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.math.Rng;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.StepPhase;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.Runner;
import io.brainstem.runners.StepFailure;
import io.brainstem.sources.SpikeTimeGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runners written outside {@code io.brainstem.runners}, through the public extension point
 * ({@link Runner}'s hooks, {@code RunnerBuilder}): they see every phase in {@link StepPhase}'s
 * order, and what they do between phases acts exactly as the same change made any other way.
 */
class CustomRunnerTest {
  private static final double DURATION = 40.;

  /** An EINet-shaped network of {@code e} + {@code i} LIF neurons with random initial V. */
  static Network einet(int e, int i) {
    Network net = new Network();
    LifGroup exc = net.add(lif("E", e));
    LifGroup inh = net.add(lif("I", i));
    Rng rng = new Rng(3);
    rng.fillNormal(exc.V, -55., 2.);
    rng.fillNormal(inh.V, -55., 2.);
    net.add(new ExpCobaProjection(exc, exc, new FixedProb(0.05, 4)).E(0.).g_max(0.6).tau(5.));
    net.add(new ExpCobaProjection(exc, inh, new FixedProb(0.05, 5)).E(0.).g_max(0.6).tau(5.));
    net.add(new ExpCobaProjection(inh, exc, new FixedProb(0.05, 6)).E(-80.).g_max(6.7).tau(10.));
    net.add(new ExpCobaProjection(inh, inh, new FixedProb(0.05, 7)).E(-80.).g_max(6.7).tau(10.));
    return net;
  }

  private static LifGroup lif(String name, int size) {
    return new LifGroup(name, size).V_rest(-60.).V_th(-50.).V_reset(-60.).tau(20.).tau_ref(5.);
  }

  @Test
  void theStepOrderIsBrainPys() {
    assertThat(StepPhase.order()).asList().containsExactly(StepPhase.INPUTS, StepPhase.PROJECTIONS,
        StepPhase.GROUPS, StepPhase.SPIKES, StepPhase.RECORD, StepPhase.CLEAR).inOrder();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void hooksSeeEveryPhaseInOrderAndEachPhaseKeepsItsPromise(int threads) {
    try (PhaseLogRunner runner = PhaseLogRunner.builder(einet(300, 75)).threads(threads)
        .input("E.input", 20.).input("I.input", 20.).progressBar(false).build()) {
      runner.run(0.2); // 2 steps, logged
      List<String> expected = new ArrayList<>();
      expected.add("runStarted 0 2");
      for (int k = 0; k < 2; k++) {
        expected.add("beforeStep " + k);
        for (StepPhase p : new StepPhase[] {StepPhase.INPUTS, StepPhase.PROJECTIONS,
            StepPhase.GROUPS, StepPhase.SPIKES, StepPhase.RECORD, StepPhase.CLEAR}) {
          expected.add("before " + p + " " + k);
          expected.add("after " + p + " " + k);
        }
        expected.add("afterStep " + k);
      }
      expected.add("runFinished 0 2");
      assertThat(runner.log).containsExactlyElementsIn(expected).inOrder();

      runner.run(DURATION); // spikes happen: the SPIKES promise is checked on real spike lists
      assertThat(runner.broken).isEmpty();
      assertThat(runner.phaseCounts()).asList().containsExactly(402L, 402L, 402L, 402L, 402L, 402L);
      assertThat(runner.network().group("E").totalSpikes()).isGreaterThan(100L);
      assertThat(runner.threads()).isEqualTo(threads);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void anInputInjectedBetweenPhasesEqualsTheRunnersInput(int threads) {
    MonitorResults reference;
    try (DSRunner ds = DSRunner.builder(einet(300, 75)).monitors("E.spike", "I.V")
        .input("E.input", 20.).input("I.input", 20.).build()) {
      ds.run(DURATION);
      reference = ds.mon();
    }
    try (PhaseLogRunner custom = PhaseLogRunner.builder(einet(300, 75)).inject(20.)
        .threads(threads).monitors("E.spike", "I.V").progressBar(false).build()) {
      custom.run(DURATION);
      assertThat(custom.mon().spikes("E.spike")).isEqualTo(reference.spikes("E.spike"));
      assertThat(custom.mon().values("I.V")).isEqualTo(reference.values("I.V"));
    }
    assertThat(count(reference.spikes("E.spike"))).isGreaterThan(100);
  }

  /**
   * The trainer changes a weight after every step from what the step did; the same rule applied by
   * hand between one-step runs of a DSRunner gives the same network, bit for bit.
   */
  @Test
  void aTrainerChangesWeightsBetweenStepsAsHandSteppingDoes() {
    double rate = 0.002;
    Network byHand = einet(300, 75);
    ExpCobaProjection e2e = (ExpCobaProjection) byHand.projection("E2E");
    List<Double> weights = new ArrayList<>();
    double gMax = 0.6;
    e2e.g_max(gMax);
    try (DSRunner ds = DSRunner.builder(byHand).input("E.input", 20.).input("I.input", 20.).build()) {
      for (int k = 0; k < 400; k++) {
        ds.run(0.1);
        gMax = HomeostaticRunner.rule(gMax, e2e.pre().spikeCount(), rate);
        e2e.g_max(gMax);
        weights.add(gMax);
      }
    }
    Network trained = einet(300, 75);
    try (HomeostaticRunner trainer = HomeostaticRunner.builder(trained, "E2E", 0.6, rate)
        .input("E.input", 20.).input("I.input", 20.).monitors("E.spike").build()) {
      trainer.run(DURATION);
      assertThat(trained.group("E").variable("V").toDoubles())
          .isEqualTo(byHand.group("E").variable("V").toDoubles());
      assertThat(trained.projection("E2E").variable("g").toDoubles())
          .isEqualTo(byHand.projection("E2E").variable("g").toDoubles());
      assertThat(trained.group("E").totalSpikes()).isEqualTo(byHand.group("E").totalSpikes());
    }
    assertThat(weights.get(weights.size() - 1)).isLessThan(0.55); // the rule did change the weight
  }

  /**
   * Two ranks, each on its own thread with half of the network and a ghost of the other half,
   * exchanging spikes after the SPIKES phase, reproduce the whole network bit for bit.
   */
  @Test
  void ranksExchangingSpikesAfterTheSpikePhaseReproduceTheWholeNetwork() throws Exception {
    MonitorResults whole;
    try (DSRunner ds = DSRunner.builder(einet(300, 75)).monitors("E.spike", "I.spike", "E.V", "I.V")
        .input("E.input", 20.).input("I.input", 20.).build()) {
      ds.run(DURATION);
      whole = ds.mon();
    }
    RankRunner.Exchange exchange = new RankRunner.Exchange("E", "I");
    Network rank0 = rank(true);
    Network rank1 = rank(false);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (RankRunner r0 = RankRunner.builder(rank0, exchange, 0).input("E.input", 20.)
            .monitors("E.spike", "E.V").build();
        RankRunner r1 = RankRunner.builder(rank1, exchange, 1).input("I.input", 20.)
            .monitors("I.spike", "I.V").build()) {
      Future<?> a = pool.submit(() -> r0.run(DURATION));
      Future<?> b = pool.submit(() -> r1.run(DURATION));
      a.get();
      b.get();
      assertThat(r0.mon().spikes("E.spike")).isEqualTo(whole.spikes("E.spike"));
      assertThat(r0.mon().values("E.V")).isEqualTo(whole.values("E.V"));
      assertThat(r1.mon().spikes("I.spike")).isEqualTo(whole.spikes("I.spike"));
      assertThat(r1.mon().values("I.V")).isEqualTo(whole.values("I.V"));
    } finally {
      pool.shutdownNow();
    }
    assertThat(count(whole.spikes("I.spike"))).isGreaterThan(20);
  }

  /**
   * Rank 0 simulates E with its projections onto E (from E, and from a ghost of I); rank 1, I. The
   * projections are added in the whole network's order, so each group sums its inputs alike.
   */
  private static Network rank(boolean excitatory) {
    Network whole = einet(300, 75); // the same initial V draws
    LifGroup e = (LifGroup) whole.group("E");
    LifGroup i = (LifGroup) whole.group("I");
    Network net = new Network();
    NeuronGroup ghostE = excitatory ? e : net.add(ghost("E", 300));
    NeuronGroup ghostI = excitatory ? net.add(ghost("I", 75)) : i;
    if (excitatory) {
      net.add(e);
      net.add(new ExpCobaProjection(e, e, new FixedProb(0.05, 4)).E(0.).g_max(0.6).tau(5.));
      net.add(new ExpCobaProjection(ghostI, e, new FixedProb(0.05, 6)).E(-80.).g_max(6.7).tau(10.));
    } else {
      net.add(i);
      net.add(new ExpCobaProjection(ghostE, i, new FixedProb(0.05, 5)).E(0.).g_max(0.6).tau(5.));
      net.add(new ExpCobaProjection(i, i, new FixedProb(0.05, 7)).E(-80.).g_max(6.7).tau(10.));
    }
    return net;
  }

  /** A group that spikes only when told ({@code setSpikes}). */
  private static SpikeTimeGroup ghost(String name, int size) {
    return new SpikeTimeGroup(name, size, new double[0], new int[0]);
  }

  @Test
  void aHookThatFailsAfterTheSpikesCountsItsStepAndIsNamed() {
    Network net = einet(100, 25);
    try (Runner runner = new FailingRunner.Builder(net, StepPhase.SPIKES, false, 5)
        .monitors("E.V").build()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.run(1.));
      StepFailure where = StepFailure.of(e);
      assertThat(where.step()).isEqualTo(5);
      assertThat(where.where()).isEqualTo("calling FailingRunner.afterPhase(SPIKES)");
      assertThat(where).hasMessageThat().contains("the network took the step");
      assertThat(runner.step()).isEqualTo(6);
      assertThat(runner.mon().ts()).hasLength(6);
      assertThat(runner.mon().values("E.V")).hasLength(5); // RECORD had not run for step 5
    }
  }

  @Test
  void aHookThatFailsBeforeTheGroupsLeavesTheStepUncounted() {
    Network net = einet(100, 25);
    try (Runner runner = new FailingRunner.Builder(net, StepPhase.GROUPS, true, 5)
        .monitors("E.V").threads(2).build()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.run(1.));
      StepFailure where = StepFailure.of(e);
      assertThat(where.step()).isEqualTo(5);
      assertThat(where.where()).isEqualTo("calling FailingRunner.beforePhase(GROUPS)");
      assertThat(where).hasMessageThat().contains("keep their new state");
      assertThat(runner.step()).isEqualTo(5);
      runner.run(0.5); // the runner goes on
      assertThat(runner.step()).isEqualTo(10);
    }
  }

  private static long count(boolean[][] spikes) {
    long n = 0;
    for (boolean[] row : spikes) {
      for (boolean s : row) {
        n += s ? 1 : 0;
      }
    }
    return n;
  }
}
