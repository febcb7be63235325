package io.brainstem.perf;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Precision;
import io.brainstem.network.Projection;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.MonitorMode;
import io.brainstem.runners.Runner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Exponential synapses folded into their groups' loops (FusedInput) give the unfused results bit
 * for bit: every V, every g, every spike, with the scalar tails (group sizes not a multiple of the
 * lanes), on 1 and 2 threads, over several runs, and in what monitors record (inputs and
 * conductances).
 */
class FusedInputsTest {
  private static final int E = 402; // tails of 2 and 1 on 4 and 8 lanes
  private static final int I = 101;

  private record Outcome(List<Object> state, List<String> fused) {}

  private static Outcome run(Function<Integer, Network> make, boolean fuse, boolean jit,
      int threads, double[] durations, String... monitors) {
    Network net = make.apply(0);
    List<Object> state = new ArrayList<>();
    List<String> fused;
    List<String> all = new ArrayList<>(List.of("E.spike", "I.spike"));
    all.addAll(List.of(monitors));
    try (Runner runner = DSRunner.builder(net).jit(jit).fuseSynapses(fuse).threads(threads)
        .vectorWarmUp(false)
        .monitorMode(MonitorMode.APPEND)
        .input("E.input", 20.).input("I.input", 20.).monitors(all.toArray(new String[0]))
        .build()) {
      for (double d : durations) {
        runner.run(d);
      }
      state.add(spikeList(runner.mon().spikes("E.spike")));
      state.add(spikeList(runner.mon().spikes("I.spike")));
      for (String m : monitors) {
        for (double[] row : runner.mon().<double[][]>get(m)) {
          state.add(row);
        }
      }
      fused = runner.fusedInputs();
    }
    for (NeuronGroup g : net.groups()) {
      state.add(g.variable("V").toDoubles());
      state.add(g.totalSpikes());
    }
    for (Projection p : net.projections()) {
      state.add(p.variable("g").toDoubles());
    }
    return new Outcome(state, fused);
  }

  /** "step:neuron" of every spike, short enough for a failure message. */
  private static List<String> spikeList(boolean[][] spikes) {
    List<String> out = new ArrayList<>();
    for (int step = 0; step < spikes.length; step++) {
      for (int n = 0; n < spikes[step].length; n++) {
        if (spikes[step][n]) {
          out.add(step + ":" + n);
        }
      }
    }
    return out;
  }

  private static Network lumped(int unused) {
    return PerfNetworks.einet(E, I, 0.08, Precision.DOUBLE);
  }

  private static Network weighted(int unused) {
    return PerfNetworks.einetWeighted(E, I, 0.08, Precision.DOUBLE);
  }

  private static void assertSame(Outcome a, Outcome b) {
    assertThat(a.state().size()).isEqualTo(b.state().size());
    for (int k = 0; k < a.state().size(); k++) {
      Object x = a.state().get(k);
      Object y = b.state().get(k);
      if (x instanceof double[] dx) {
        assertThat(dx).usingExactEquality().containsExactly((double[]) y).inOrder();
      } else {
        assertThat(x).isEqualTo(y);
      }
    }
  }

  @Test
  void theEiNetFusedEqualsItUnfusedAndItsDebugRun() {
    double[] once = {60.};
    Outcome fused = run(FusedInputsTest::lumped, true, true, 1, once);
    assertThat(fused.fused()).containsExactly("E: input <- E2E, I2E", "I: input <- E2I, I2I");
    Outcome unfused = run(FusedInputsTest::lumped, false, true, 1, once);
    assertThat(unfused.fused()).isEmpty();
    assertSame(fused, unfused);
    assertSame(fused, run(FusedInputsTest::lumped, true, false, 1, once)); // jit(false)
    assertThat((long) fused.state().get(3)).isGreaterThan(50L); // E spiked: the test can fail
  }

  @Test
  void twoThreadsAndSeveralRunsGiveTheSameBits() {
    Outcome whole = run(FusedInputsTest::lumped, false, true, 1, new double[] {60.});
    assertSame(run(FusedInputsTest::lumped, true, true, 2, new double[] {60.}), whole);
    assertSame(run(FusedInputsTest::lumped, true, true, 1, new double[] {17.3, 0.1, 42.6}), whole);
  }

  @Test
  void perSynapseWeightsFuseToo() {
    double[] once = {40.};
    Outcome fused = run(FusedInputsTest::weighted, true, true, 1, once);
    assertThat(fused.fused()).hasSize(2);
    assertSame(fused, run(FusedInputsTest::weighted, false, true, 1, once));
  }

  /**
   * Fused where it pays: two writers fold in (a fold loop, then the kernel); one current per input,
   * with nothing written first, goes into the kernel's own loop; a runner's input on it, or a
   * value monitor, keeps it out.
   */
  @Test
  void whereEachKindOfFusionApplies() {
    Network net = lumped(0);
    try (Runner runner = DSRunner.builder(net).input("E.input", 20.).build()) {
      runner.run(5.);
      // two writers fuse, with or without a runner's input first
      assertThat(runner.fusedInputs())
          .containsExactly("E: input <- E2E, I2E", "I: input <- E2I, I2I");
    }
    try (Runner runner = DSRunner.builder(PerfNetworks.cubaRing()).build()) {
      runner.run(5.);
      assertThat(runner.fusedInputs()).containsExactly("D: in the loop: input <- I2D",
          "E: in the loop: input <- D2E", "I: in the loop: input <- E2I");
    }
    try (Runner runner = DSRunner.builder(PerfNetworks.cubaRing()).input("E.input", 1.)
        .monitors("D.V", "I.V", "I2D.g").build()) {
      runner.run(5.);
      // monitored g: D not in the loop (its lone writer assigns in its own pass); a monitored V
      // does not matter; E's writer after a runner's input folds
      assertThat(runner.fusedInputs()).containsExactly("E: input <- D2E",
          "I: in the loop: input <- E2I");
    }
    try (Runner runner = DSRunner.builder(PerfNetworks.cubaRing()).monitors("E.input")
        .monitors(io.brainstem.monitors.Monitor.probe("D.V[0]", n -> n.group("D").doubles("V")[0]))
        .build()) {
      runner.run(5.);
      assertThat(runner.fusedInputs()).isEmpty(); // a probe may read anything
    }
    try (Runner runner = DSRunner.builder(PerfNetworks.cubaRing()).input("E.input", 1.)
        .monitors("E.spike").build()) {
      runner.run(5.);
      // spike monitors only: D and I in the loop
      assertThat(runner.fusedInputs()).containsExactly("D: in the loop: input <- I2D",
          "E: input <- D2E", "I: in the loop: input <- E2I");
    }
  }

  /** The ring's spikes, V, inputs and g after {@code durations}, and what the last run fused. */
  private static Outcome ring(boolean fuse, boolean jit, int threads, double[] durations,
      java.nio.file.Path checkpoints) {
    return ring(fuse, jit, threads, durations, checkpoints, false);
  }

  private static Outcome ring(boolean fuse, boolean jit, int threads, double[] durations,
      java.nio.file.Path checkpoints, boolean warmUp) {
    Network net = PerfNetworks.cubaRing();
    List<Object> state = new ArrayList<>();
    List<String> fused;
    try (Runner runner = ringRunner(net, fuse, jit, threads, checkpoints).vectorWarmUp(warmUp)
        .build()) {
      for (double d : durations) {
        runner.run(d);
      }
      for (String g : new String[] {"D", "E", "I"}) {
        state.add(spikeList(runner.mon().spikes(g + ".spike")));
      }
      fused = runner.fusedInputs();
    }
    for (NeuronGroup g : net.groups()) {
      state.add(g.variable("V").toDoubles());
      state.add(g.variable("input").toDoubles());
      state.add(g.totalSpikes());
    }
    for (Projection p : net.projections()) {
      state.add(p.variable("g").toDoubles());
    }
    return new Outcome(state, fused);
  }

  private static DSRunner.Builder ringRunner(Network net, boolean fuse, boolean jit, int threads,
      java.nio.file.Path checkpoints) {
    DSRunner.Builder builder = DSRunner.builder(net).jit(jit).fuseSynapses(fuse).threads(threads)
        .vectorWarmUp(false).monitorMode(MonitorMode.APPEND).monitors("D.spike", "E.spike",
            "I.spike");
    return checkpoints == null ? builder : builder.checkpointEvery(20., checkpoints);
  }

  /** Monitors of an in-loop group's input and synapse state record the unfused values. */
  @Test
  void monitorsOfInputsAndGKeepTheirGroupsOutOfTheLoop() {
    String[] monitors = {"E.input", "D2E.g", "I.V"};
    List<double[][]> fused = new ArrayList<>();
    List<double[][]> unfused = new ArrayList<>();
    for (boolean fuse : new boolean[] {true, false}) {
      try (Runner runner = DSRunner.builder(PerfNetworks.cubaRing()).fuseSynapses(fuse)
          .vectorWarmUp(false).monitors(monitors).build()) {
        runner.run(30.);
        if (fuse) {
          assertThat(runner.fusedInputs()).containsExactly("D: in the loop: input <- I2D",
              "I: in the loop: input <- E2I");
        }
        for (String m : monitors) {
          (fuse ? fused : unfused).add(runner.mon().<double[][]>get(m));
        }
      }
    }
    for (int k = 0; k < monitors.length; k++) {
      assertThat(fused.get(k)).isEqualTo(unfused.get(k));
    }
  }

  /**
   * In the loop: the unfused bits and {@code jit(false)}'s, with scalar tails, on two threads,
   * over several runs, and in a periodic checkpoint taken mid-run (g copied back first).
   */
  @Test
  void currentsInTheLoopGiveTheUnfusedBits(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) {
    double[] once = {60.};
    Outcome inLoop = ring(true, true, 1, once, null);
    assertThat(inLoop.fused()).hasSize(3);
    assertThat(inLoop.fused().get(0)).startsWith("D: in the loop:");
    Outcome unfused = ring(false, true, 1, once, null);
    assertThat(unfused.fused()).isEmpty();
    assertSame(inLoop, unfused);
    assertSame(ring(true, false, 1, once, null), unfused); // jit(false)
    assertSame(ring(true, true, 2, once, null), unfused);
    // the vector kernel on a slice while it warms up, the scalar tail settled in the loop's way
    assertSame(ring(true, true, 1, once, null, true), unfused);
    assertSame(ring(true, true, 1, new double[] {17.3, 0.1, 42.6}, null), unfused);
    // every group spiked, so every g carried spikes: the comparisons can fail
    assertThat((long) inLoop.state().get(5)).isGreaterThan(20L); // D
    assertThat((long) inLoop.state().get(8)).isGreaterThan(20L); // E
    assertThat((long) inLoop.state().get(11)).isGreaterThan(5L); // I
    // a checkpoint at 20 and 40 ms: the in-loop run saves what the unfused one saves
    java.nio.file.Path a = dir.resolve("inloop");
    java.nio.file.Path b = dir.resolve("unfused");
    assertSame(ring(true, true, 1, new double[] {50.}, a), ring(false, true, 1, new double[] {50.},
        b));
    Network fromA = PerfNetworks.cubaRing();
    Network fromB = PerfNetworks.cubaRing();
    ringRunner(fromA, true, true, 1, a).resumeFrom(a).build().close();
    ringRunner(fromB, false, true, 1, b).resumeFrom(b).build().close();
    for (Projection p : fromB.projections()) {
      double[] g = p.variable("g").toDoubles();
      assertThat(java.util.Arrays.stream(g).anyMatch(x -> x != 0.0)).isTrue();
      assertThat(fromA.projection(p.name()).variable("g").toDoubles()).usingExactEquality()
          .containsExactly(g).inOrder();
    }
  }

  @Test
  void monitorsOfInputsAndConductancesRecordTheUnfusedValues() {
    double[] once = {30.};
    String[] monitors = {"E.input", "I.input", "E2E.g", "I2I.g"};
    Outcome fused = run(FusedInputsTest::lumped, true, true, 1, once, monitors);
    assertThat(fused.fused()).hasSize(2);
    assertSame(fused, run(FusedInputsTest::lumped, false, true, 1, once, monitors));
  }

  /**
   * A model of the user's own: currents written as {@code -(g / tau)} (two onto one input), a
   * conductance after a runner's input onto another, read from the neuron's second state; fused
   * equals unfused and {@code jit(false)} bit for bit, and its V moved.
   */
  @Test
  void aUserModelWithCurrentsAndAConductanceOnItsSecondState() {
    List<Object> fused = userNetwork(true, true);
    assertThat(fused.get(0)).isEqualTo(List.of("B: I_exc <- A2B, B2B; I_inh <- S2B"));
    List<Object> unfused = userNetwork(false, true);
    assertThat(unfused.get(0)).isEqualTo(List.of());
    List<Object> debug = userNetwork(true, false);
    for (int k = 1; k < fused.size(); k++) {
      assertThat((double[]) fused.get(k)).usingExactEquality()
          .containsExactly((double[]) unfused.get(k)).inOrder();
      assertThat((double[]) fused.get(k)).usingExactEquality()
          .containsExactly((double[]) debug.get(k)).inOrder();
    }
    // the synapses carried spikes (A2B's and S2B's g) and B left rest
    assertThat(java.util.Arrays.stream((double[]) fused.get(3)).max().getAsDouble())
        .isGreaterThan(0.0);
    assertThat(java.util.Arrays.stream((double[]) fused.get(5)).max().getAsDouble())
        .isGreaterThan(0.0);
    assertThat(java.util.Arrays.stream((double[]) fused.get(1)).anyMatch(v -> v != -65.0))
        .isTrue();
  }

  /**
   * The user's two-state model with one current of the user's own on each input: both in its
   * kernel's loop, the unfused and {@code jit(false)} bits, with a scalar tail.
   */
  @Test
  void aUserModelWithOneCurrentPerInputRunsThemInItsLoop() {
    List<Object> inLoop = userCurrents(true, true);
    assertThat(inLoop.get(0)).isEqualTo(List.of("B: in the loop: I_exc <- A2B; I_inh <- S2B"));
    List<Object> unfused = userCurrents(false, true);
    List<Object> debug = userCurrents(true, false);
    for (int k = 1; k < inLoop.size(); k++) {
      assertThat((double[]) inLoop.get(k)).usingExactEquality()
          .containsExactly((double[]) unfused.get(k)).inOrder();
      assertThat((double[]) inLoop.get(k)).usingExactEquality()
          .containsExactly((double[]) debug.get(k)).inOrder();
    }
    // both currents carried spikes (A2B's g up, S2B's down), so the comparison can fail
    assertThat(java.util.Arrays.stream((double[]) inLoop.get(3)).max().getAsDouble())
        .isGreaterThan(0.0);
    assertThat(java.util.Arrays.stream((double[]) inLoop.get(4)).min().getAsDouble())
        .isLessThan(0.0);
  }

  /** What fused, then B's V and w, then A2B's and S2B's g, after 50 ms, spike monitors only. */
  private static List<Object> userCurrents(boolean fuse, boolean jit) {
    Network net = new Network();
    io.brainstem.models.LifGroup a = net.add(new io.brainstem.models.LifGroup("A", 130)
        .V_rest(-45.).V_th(-50.).V_reset(-60.).tau(20.));
    io.brainstem.models.LifGroup s = net.add(new io.brainstem.models.LifGroup("S", 61)
        .V_rest(-40.).V_th(-50.).V_reset(-60.).tau(10.));
    AdaptingUnitGroup b = net.add(new AdaptingUnitGroup("B", 203));
    net.add(new SlowCurrentProjection("A2B", a, b, new io.brainstem.connectivity.FixedProb(0.3, 1)));
    net.add(new SlowInhibitionProjection("S2B", s, b,
        new io.brainstem.connectivity.FixedProb(0.4, 3)));
    List<Object> out = new ArrayList<>();
    try (Runner runner = DSRunner.builder(net).jit(jit).fuseSynapses(fuse).vectorWarmUp(false)
        .monitors("B.spike").build()) {
      runner.run(50.);
      out.add(runner.fusedInputs());
      out.add(b.variable("V").toDoubles());
      out.add(b.variable("w").toDoubles());
      for (Projection p : net.projections()) {
        out.add(p.variable("g").toDoubles());
      }
    }
    return out;
  }

  /** What fused, then B's w and V, then every projection's g, after 50 ms. */
  private static List<Object> userNetwork(boolean fuse, boolean jit) {
    Network net = new Network();
    io.brainstem.models.LifGroup a = net.add(new io.brainstem.models.LifGroup("A", 130)
        .V_rest(-60.).V_th(-50.).V_reset(-60.).tau(20.));
    io.brainstem.models.LifGroup s = net.add(new io.brainstem.models.LifGroup("S", 61)
        .V_rest(-60.).V_th(-50.).V_reset(-60.).tau(10.));
    AdaptingUnitGroup b = net.add(new AdaptingUnitGroup("B", 203));
    net.add(new SlowCurrentProjection("A2B", a, b, new io.brainstem.connectivity.FixedProb(0.3, 1)));
    net.add(new SlowCurrentProjection("B2B", b, b, new io.brainstem.connectivity.FixedProb(0.1, 2))
        .w(1.5).tau(7.));
    net.add(new ShuntingConductanceProjection("S2B", s, b,
        new io.brainstem.connectivity.FixedProb(0.4, 3)));
    List<Object> out = new ArrayList<>();
    try (Runner runner = DSRunner.builder(net).jit(jit).fuseSynapses(fuse).vectorWarmUp(false)
        .input("A.input", 12.).input("S.input", 14.).input("B.I_inh", 3.)
        .monitors("B.I_exc", "B.I_inh").build()) {
      runner.run(50.);
      out.add(runner.fusedInputs());
      out.add(b.variable("V").toDoubles());
      out.add(b.variable("w").toDoubles());
      for (Projection p : net.projections()) {
        out.add(p.variable("g").toDoubles());
      }
      for (String m : new String[] {"B.I_exc", "B.I_inh"}) {
        for (double[] row : runner.mon().<double[][]>get(m)) {
          out.add(row);
        }
      }
    }
    return out;
  }
}
