package io.brainstem.network;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.inputs.Input;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.ExpCubaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.ReportRunner;
import io.brainstem.runners.Runner;
import io.brainstem.sources.PoissonGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The first projection writing an input that is 0 at the step's start assigns {@code 0.0 +
 * output} in its integration loop and rewrites each spike target's value ({@link
 * Network#assignOutputs}): bit for bit the sums of adding, on every kernel, storage and thread
 * count.
 */
class AssignedOutputsTest {

  /**
   * Poisson drive onto two LIF groups; A's input has two writers (the first assigns), B's one
   * (heterogeneous parameters, a delay); sizes not multiples of the vector lanes.
   */
  private static Network net(Precision precision) {
    Network net = new Network(precision);
    PoissonGroup q = net.add(new PoissonGroup("Q", 200, t -> 400.0, 7));
    LifGroup a = net.add(new LifGroup("A", 151, precision).tau_ref(2.));
    LifGroup b = net.add(new LifGroup("B", 71, precision).tau_ref(2.));
    net.add(new ExpCobaProjection("QA", q, a, new FixedProb(0.2, 1)).g_max(0.5).E(60.));
    net.add(new ExpCubaProjection("BA", b, a, new FixedProb(0.2, 3)).g_max(-3.).tau(7.));
    double[] gmax = new double[71];
    for (int j = 0; j < gmax.length; j++) {
      gmax[j] = 0.3 + 0.01 * j;
    }
    net.add(new ExpCobaProjection("AB", a, b, new FixedProb(0.2, 2)).g_max(gmax).E(60.)
        .delaySteps(2));
    return net;
  }

  @ParameterizedTest
  @CsvSource({"1, true, DOUBLE", "2, true, DOUBLE", "3, true, DOUBLE", "1, false, DOUBLE",
      "2, false, DOUBLE", "1, true, FLOAT", "3, true, FLOAT"})
  void assigningGivesTheSumsOfAdding(int threads, boolean jit, Precision precision) {
    Network reference = net(precision);
    Network assigned = net(precision);
    assigned.assignOutputs(Set.of());
    assertThat(assigned.projection("QA").assignsOutput()).isTrue();
    assertThat(assigned.projection("BA").assignsOutput()).isFalse(); // the second writer adds
    assertThat(assigned.projection("AB").assignsOutput()).isTrue();
    try (NetworkStepper stepper = NetworkStepper.of(assigned, threads)) {
      for (int k = 0; k < 300; k++) {
        double t = k * 0.1;
        reference.step(t, 0.1, jit);
        for (StepPhase phase : StepPhase.order()) {
          if (phase.ofNetwork()) {
            stepper.run(phase, t, 0.1, jit);
          }
        }
        for (String path : reference.paths()) { // the inputs too, before they are cleared
          Variable v = reference.variable(path);
          if (!v.isBoolean()) {
            assertThat(assigned.variable(path).toDoubles()).isEqualTo(v.toDoubles());
          }
        }
        reference.clearInputs();
        assigned.clearInputs();
      }
    }
    assertThat(reference.group("B").totalSpikes()).isGreaterThan(50L); // delivery was exercised
    assertThat(reference.group("A").totalSpikes()).isGreaterThan(50L);
  }

  /**
   * Four writers onto one input: the first assigns, the later ones add in their output pass (the
   * delivery loads what only the output reads in the assigning branch); per-synapse and
   * homogeneous delays, per-element parameters, dense connectivity (several spikes onto one
   * target in a step), sizes with and without a scalar tail.
   */
  @ParameterizedTest
  @CsvSource({"1, 157", "2, 157", "3, 157", "1, 64", "2, 192"})
  void laterWritersGiveTheSumsOfAdding(int threads, int size) {
    Network reference = writersNet(size);
    Network planned = writersNet(size);
    planned.assignOutputs(Set.of());
    assertThat(planned.projection("X").assignsOutput()).isTrue();
    for (String later : List.of("Y", "Z", "W")) {
      assertThat(planned.projection(later).assignsOutput()).isFalse();
    }
    try (NetworkStepper stepper = NetworkStepper.of(planned, threads)) {
      for (int k = 0; k < 200; k++) {
        double t = k * 0.1;
        reference.step(t, 0.1, true);
        for (StepPhase phase : StepPhase.order()) {
          if (phase.ofNetwork()) {
            stepper.run(phase, t, 0.1, true);
          }
        }
        for (String path : reference.paths()) {
          Variable v = reference.variable(path);
          if (!v.isBoolean()) {
            assertThat(planned.variable(path).toDoubles()).isEqualTo(v.toDoubles());
          }
        }
        reference.clearInputs();
        planned.clearInputs();
      }
    }
    assertThat(reference.group("Q").totalSpikes()).isGreaterThan(1000L);
    assertThat(reference.group("A").totalSpikes()).isGreaterThan(20L);
  }

  private static Network writersNet(int size) {
    Network net = new Network();
    PoissonGroup q = net.add(new PoissonGroup("Q", 150, t -> 500.0, 11));
    LifGroup a = net.add(new LifGroup("A", size).tau_ref(2.));
    net.add(new ExpCobaProjection("X", q, a, new FixedProb(0.1, 1)).g_max(1.).E(60.));
    ExpCubaProjection y = net.add(new ExpCubaProjection("Y", q, a, new FixedProb(0.5, 2))
        .g_max(0.4).tau(7.));
    int[] delays = new int[y.synapseCount()];
    for (int k = 0; k < delays.length; k++) {
      delays[k] = k % 4;
    }
    y.delaySteps(delays);
    double[] gmax = new double[size];
    for (int j = 0; j < size; j++) {
      gmax[j] = 0.05 + 0.001 * j;
    }
    net.add(new ExpCobaProjection("Z", q, a, new FixedProb(0.4, 3)).g_max(gmax).E(-75.)
        .delaySteps(1));
    net.add(new ExpCubaProjection("W", a, a, new FixedProb(0.3, 4)).g_max(0.5));
    return net;
  }

  /** Every library model with an assignable output, onto A first, under two integrators. */
  @ParameterizedTest
  @CsvSource({"AlphaCoba, EXP_AUTO", "AlphaCuba, RK4", "AmpaCoba, EXP_AUTO", "AmpaCuba, RK4",
      "DualExpCoba, RK4", "DualExpCuba, EXP_AUTO", "ExpCoba, RK4", "ExpCuba, EXP_EULER",
      "GabaACoba, EXP_AUTO", "GabaACuba, RK4", "NmdaCoba, EXP_AUTO", "NmdaCuba, RK4",
      "WeightedExpCoba, EXP_AUTO", "WeightedExpCuba, RK4"})
  void everyAssignableModelGivesTheSumsOfAdding(String model, Integrator method)
      throws ReflectiveOperationException {
    compareModel(model, method, true);
    compareModel(model, method, false); // X the second writer: it adds
  }

  private static void compareModel(String model, Integrator method, boolean xFirst)
      throws ReflectiveOperationException {
    Network reference = modelNet(model, method, xFirst);
    Network assigned = modelNet(model, method, xFirst);
    assigned.assignOutputs(Set.of());
    assertThat(assigned.projection("X").assignsOutput()).isEqualTo(xFirst);
    for (int k = 0; k < 200; k++) {
      double t = k * 0.1;
      reference.step(t, 0.1, true);
      assigned.step(t, 0.1, true);
      for (String path : reference.paths()) {
        Variable v = reference.variable(path);
        if (!v.isBoolean()) {
          assertThat(assigned.variable(path).toDoubles()).isEqualTo(v.toDoubles());
        }
      }
      reference.clearInputs();
      assigned.clearInputs();
    }
    assertThat(reference.group("Q").totalSpikes()).isGreaterThan(500L); // spikes were delivered
  }

  private static Network modelNet(String model, Integrator method, boolean xFirst)
      throws ReflectiveOperationException {
    Network net = new Network();
    PoissonGroup q = net.add(new PoissonGroup("Q", 120, t -> 300.0, 5));
    LifGroup a = net.add(new LifGroup("A", 67).tau_ref(2.));
    if (!xFirst) {
      net.add(new ExpCubaProjection("V", q, a, new FixedProb(0.1, 7)).g_max(1.));
    }
    Projection x = (Projection) Class.forName("io.brainstem.models." + model + "Projection")
        .getConstructor(String.class, NeuronGroup.class, NeuronGroup.class,
            io.brainstem.connectivity.Connector.class)
        .newInstance("X", q, a, new FixedProb(0.2, 4));
    x.setMethod(method);
    net.add(x);
    net.add(new ExpCubaProjection("Y", q, a, new FixedProb(0.1, 6)).g_max(2.));
    a.variable("V").set(3, -52.0);
    return net;
  }

  @Test
  void withoutAPlanEveryOutputAdds() {
    Network net = net(Precision.DOUBLE);
    net.assignOutputs(Set.of());
    net.assignOutputs(null);
    for (Projection p : net.projections()) {
      assertThat(p.assignsOutput()).isFalse();
    }
  }

  @Test
  void aRunnerInputOnTheTargetMakesEveryProjectionAdd() {
    Network net = net(Precision.DOUBLE);
    net.assignOutputs(Set.of(net.variable("A.input")));
    assertThat(net.projection("QA").assignsOutput()).isFalse();
    assertThat(net.projection("AB").assignsOutput()).isTrue();
  }

  /**
   * A runner assigns from the first step when every input is +0.0 at the run's start, else from
   * the second (after its CLEAR), and never after the run.
   */
  @Test
  void aRunnerPlansOnClearedInputsAndUndoesAfterTheRun() {
    Network net = net(Precision.DOUBLE);
    List<Boolean> seen = new ArrayList<>();
    // fused, QA would neither assign nor add: the plan of assignments alone is under test here
    ReportRunner runner = ReportRunner.builder(net).input("B.input", 1.0).progressBar(false)
        .fuseSynapses(false)
        .listeners((step, t) -> {
          seen.add(net.projection("QA").assignsOutput());
          seen.add(net.projection("AB").assignsOutput()); // B.input has a runner input
        }).build();
    runner.run(0.3);
    assertThat(seen).containsExactly(true, false, true, false, true, false).inOrder();
    assertThat(net.projection("QA").assignsOutput()).isFalse();
    seen.clear();
    net.group("A").doubles("input")[5] = 2.0; // written between runs: A.input[5] gets 2 + output
    runner.run(0.3);
    assertThat(seen).containsExactly(false, false, true, false, true, false).inOrder();
    runner.close();
  }

  /** Under a plan, a step's CLEAR keeps the inputs a projection assigns (it overwrites them). */
  @Test
  void aPlannedClearKeepsOnlyTheAssignedInputs() {
    Network net = net(Precision.DOUBLE);
    net.assignOutputs(Set.of(net.variable("B.input"))); // B.input: a runner input writes it first
    net.group("A").doubles("input")[4] = 1.5;
    net.group("B").doubles("input")[4] = 2.5;
    net.clearUnassignedInputs();
    assertThat(net.group("A").doubles("input")[4]).isEqualTo(1.5); // QA overwrites it
    assertThat(net.group("B").doubles("input")[4]).isEqualTo(0.0);
    net.assignOutputs(null); // no plan: every input is cleared
    net.clearUnassignedInputs();
    assertThat(net.inputsCleared()).isTrue();
  }

  /**
   * A planned run (CLEAR keeping the assigned inputs) gives the bits of an unplanned one (a hook
   * runner), and leaves every input 0 after the run and in a periodic checkpoint.
   */
  @Test
  void aPlannedRunGivesTheUnplannedBitsAndEndsCleared(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) {
    Network planned = net(Precision.DOUBLE);
    Network unplanned = net(Precision.DOUBLE);
    List<Double> seen = new ArrayList<>();
    Runner runner = ReportRunner.builder(planned).progressBar(false).checkpointEvery(10.0, dir)
        .listeners((step, t) -> seen.add(planned.group("A").doubles("input")[7])).build();
    Runner hooked = new HookRunner(DSRunner.builder(unplanned), () -> { });
    runner.run(30.);
    hooked.run(30.);
    assertThat(planned.projection("QA").assignsOutput()).isFalse(); // the run undid its plan
    assertThat(planned.inputsCleared()).isTrue();
    for (String path : unplanned.paths()) {
      Variable v = unplanned.variable(path);
      if (!v.isBoolean()) {
        assertThat(planned.variable(path).toDoubles()).isEqualTo(v.toDoubles());
      }
    }
    assertThat(planned.group("A").totalSpikes()).isGreaterThan(20L);
    assertThat(seen.stream().filter(x -> x != 0.0).count()).isGreaterThan(100L); // before CLEAR
    Network restored = net(Precision.DOUBLE);
    Runner resumed = ReportRunner.builder(restored).progressBar(false).resumeFrom(dir).build();
    assertThat(restored.inputsCleared()).isTrue(); // the checkpoints saved inputs at 0
    resumed.close();
    runner.close();
    hooked.close();
  }

  /** A runner whose hooks may write inputs between steps never assigns. */
  @Test
  void hooksBetweenStepsTurnAssigningOff() {
    Network net = net(Precision.DOUBLE);
    List<Boolean> seen = new ArrayList<>();
    Runner runner = new HookRunner(DSRunner.builder(net), () -> seen.add(
        net.projection("QA").assignsOutput()));
    runner.run(0.3);
    assertThat(seen).containsExactly(false, false, false);
    runner.close();
  }

  private static final class HookRunner extends Runner {
    private final Runnable hook;

    HookRunner(io.brainstem.runners.RunnerBuilder<?> builder, Runnable hook) {
      super(builder);
      this.hook = hook;
    }

    @Override
    protected void afterStep(long step, double t) {
      hook.run();
    }
  }
}
