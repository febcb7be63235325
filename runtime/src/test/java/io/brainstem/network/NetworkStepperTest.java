package io.brainstem.network;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.sources.PoissonGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The network's phases run through a {@link NetworkStepper}; {@link Network#step} is those phases
 * in {@link StepPhase} order and cannot be overridden (a runner's hooks replace overriding it).
 */
class NetworkStepperTest {

  /** Poisson drive onto 150 + 70 LIF neurons that excite each other: ranges cut at 64 and 128. */
  private static Network net() {
    Network net = new Network();
    PoissonGroup q = net.add(new PoissonGroup("Q", 200, t -> 400.0, 7));
    LifGroup a = net.add(new LifGroup("A", 150).tau_ref(2.));
    LifGroup b = net.add(new LifGroup("B", 70).tau_ref(2.));
    net.add(new ExpCobaProjection(q, a, new FixedProb(0.2, 1)).g_max(0.5).E(60.));
    net.add(new ExpCobaProjection(a, b, new FixedProb(0.2, 2)).g_max(0.5).E(60.));
    net.add(new ExpCobaProjection(b, a, new FixedProb(0.2, 3)).g_max(0.5).E(-20.));
    return net;
  }

  /** Every double variable and every group's spike list of {@code net} as in {@code reference}. */
  private static void assertSameState(Network net, Network reference) {
    for (String path : reference.paths()) {
      Variable v = reference.variable(path);
      if (!v.isBoolean()) {
        assertThat(net.variable(path).toDoubles()).isEqualTo(v.toDoubles());
      }
    }
    for (NeuronGroup g : reference.groups()) {
      assertThat(net.group(g.name()).spikeIndices()).isEqualTo(g.spikeIndices());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void theNetworksPhasesInOrderAreNetworkStepOnAnyThreadCount(int threads) {
    Network reference = net();
    Network phased = net();
    try (NetworkStepper stepper = NetworkStepper.of(phased, threads)) {
      assertThat(stepper.threads()).isEqualTo(threads);
      for (int k = 0; k < 200; k++) {
        double t = k * 0.1;
        reference.step(t, 0.1, true);
        reference.clearInputs();
        for (StepPhase phase : StepPhase.order()) {
          if (phase.ofNetwork()) {
            stepper.run(phase, t, 0.1, true);
          }
        }
        stepper.clearInputs(); // on the pool: by chunks
        assertSameState(phased, reference);
      }
      assertThat(reference.group("B").totalSpikes()).isGreaterThan(20L); // delivery was exercised
    }
  }

  /**
   * Half of a 1024-neuron pacemaker spikes every step, onto itself: its spike list spans most
   * chunks, so a group chunk overwriting it would change what other chunks deliver.
   */
  private static Network burst() {
    Network net = new Network();
    io.brainstem.testing.Pacemaker a = net.add(new io.brainstem.testing.Pacemaker("A", 1024, 2));
    LifGroup b = net.add(new LifGroup("B", 300).tau_ref(2.));
    net.add(new io.brainstem.models.ExpCubaProjection(a, a, new FixedProb(0.1, 4)).g_max(0.01));
    net.add(new ExpCobaProjection(a, b, new FixedProb(0.1, 5)).g_max(0.05).E(60.));
    net.add(new ExpCobaProjection(b, b, new FixedProb(0.2, 6)).g_max(0.5).E(-20.));
    // delayed deliveries read the delay buffers, not the group's list: one of 3 steps, and
    // per-synapse delays of 1-4 steps
    net.add(new io.brainstem.models.ExpCubaProjection("AB3", a, b, new FixedProb(0.05, 7))
        .g_max(0.2).delaySteps(3));
    io.brainstem.models.ExpCubaProjection perSynapse = net.add(
        new io.brainstem.models.ExpCubaProjection("BA", b, a, new FixedProb(0.1, 8)).g_max(0.01));
    int[] steps = new int[perSynapse.synapseCount()];
    for (int k = 0; k < steps.length; k++) {
      steps[k] = 1 + k % 4;
    }
    perSynapse.delaySteps(steps);
    return net;
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void oneBarrierStepsGiveThePhasesResults(int threads) {
    for (boolean burst : new boolean[] {false, true}) {
      Network reference = burst ? burst() : net();
      Network merged = burst ? burst() : net();
      try (NetworkStepper serial = NetworkStepper.of(reference, 1);
          ParallelStep pool = new ParallelStep(merged, threads)) {
        assertThat(pool.oneBarrier()).isTrue(); // generated projections without @Pre fields
        for (int k = 0; k < 200; k++) {
          double t = k * 0.1;
          serial.run(StepPhase.PROJECTIONS, t, 0.1, true);
          serial.run(StepPhase.GROUPS, t, 0.1, true);
          serial.run(StepPhase.SPIKES, t, 0.1, true);
          serial.clearInputs();
          pool.step(t, 0.1, true);
          pool.run(StepPhase.SPIKES, t, 0.1, true);
          pool.clearInputs();
          assertSameState(merged, reference);
        }
        assertThat(reference.group("B").totalSpikes()).isGreaterThan(20L);
      }
    }
  }

  @Test
  void aRangeLocalProjectionDeliversACopyOfTheSpikeList() {
    Network net = burst();
    NeuronGroup a = net.group("A");
    Projection p = net.projections().get(0);
    a.setSpikes(1, 3, 5);
    p.beginStep(0, 0.1, true);
    a.setSpikes(2, 4); // what a group's update does to its list while the projection delivers
    assertThat(p.dueSpikeCount()).isEqualTo(3);
    assertThat(java.util.Arrays.copyOf(p.dueSpikes(), 3)).asList().containsExactly(1, 3, 5).inOrder();
    p.beginStep(0.1, 0.1); // the phases, one after the other: the group's own list
    assertThat(p.dueSpikes()).isSameInstanceAs(a.spikeIndexArray());
    assertThat(p.dueSpikeCount()).isEqualTo(2);
  }

  /**
   * A range the rows were not cut at walks whole rows and skips the targets outside it; a cut
   * range and the whole group skip the check ({@code rowsExact}).
   */
  @Test
  void aRangeTheRowsAreNotCutAtDeliversOnlyToItsOwnTargets() {
    Network cut = net();
    Network whole = net();
    Projection p = cut.projections().get(0); // Q (200) onto A (150)
    p.cutRows(new int[] {0, 64, 150});
    assertThat(p.rowsExact(0, 64)).isTrue();
    assertThat(p.rowsExact(64, 150)).isTrue();
    assertThat(p.rowsExact(0, 150)).isTrue();
    assertThat(p.rowsExact(10, 100)).isFalse();
    int[] all = java.util.stream.IntStream.range(0, 200).toArray();
    cut.group("Q").setSpikes(all);
    whole.group("Q").setSpikes(all);
    p.beginStep(0, 0.1);
    p.update(0, 0.1, 10, 100, true);
    whole.projections().get(0).update(0, 0.1, true);
    double[] inRange = p.variable("g").toDoubles();
    double[] reference = whole.projections().get(0).variable("g").toDoubles();
    for (int j = 0; j < 150; j++) {
      assertThat(inRange[j]).isEqualTo(j >= 10 && j < 100 ? reference[j] : 0.0);
    }
    assertThat(reference[50]).isGreaterThan(0.0); // spikes were delivered
  }

  @Test
  void aProjectionReadingPresynapticStateKeepsTwoPhases() {
    Network graded = net();
    graded.add(new io.brainstem.models.GapJunctionProjection("gap", graded.group("A"),
        graded.group("B"), new FixedProb(0.1, 8)));
    try (ParallelStep pool = new ParallelStep(graded, 2)) {
      assertThat(pool.oneBarrier()).isFalse(); // its @Pre V is another chunk's, mid-update
    }
    Network handWritten = net();
    handWritten.add(new io.brainstem.testing.Counter("C", handWritten.group("A"),
        handWritten.group("B"), new FixedProb(0.1, 9)));
    try (ParallelStep pool = new ParallelStep(handWritten, 2)) {
      assertThat(pool.oneBarrier()).isFalse(); // it may read anything
    }
  }

  @Test
  void aRunnersOwnPhaseIsRefused() {
    try (NetworkStepper stepper = NetworkStepper.of(net(), 1)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> stepper.run(StepPhase.INPUTS, 0, 0.1, true));
      assertThat(e).hasMessageThat().contains("phase INPUTS is not one of the network's");
    }
    try (NetworkStepper stepper = NetworkStepper.of(net(), 2)) {
      assertThrows(IllegalArgumentException.class, () -> stepper.run(StepPhase.CLEAR, 0, 0.1, true));
    }
  }

  @Test
  void networkStepCannotBeOverridden() {
    Compilation compilation = javac().compile(JavaFileObjects.forSourceString("user.MyNet", """
        package user;
        class MyNet extends io.brainstem.network.Network {
          @Override
          public void step(double t, double dt, boolean jit) {}
        }
        """));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("overridden method is final");
  }
}
