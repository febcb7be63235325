package io.brainstem.network;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.math.Rng;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.ExpIfGroup;
import io.brainstem.models.LifGroup;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.Runner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Vector kernels warming up on a slice (VectorWarmUp): the rule that ends it, and results bit for
 * bit those of whole-group vector kernels and of {@code jit(false)}, whenever the switch comes.
 */
class VectorWarmUpTest {
  private static final int E = 402; // scalar tails on 4 and 8 lanes
  private static final int I = 101;

  @Test
  void slicesUntilTheSliceRunsAtCompiledSpeedTwice() {
    VectorWarmUp w = VectorWarmUp.of(new Object() {}, "rule");
    assertThat(w.vectorEnd(64, 1064, 8)).isEqualTo(64 + VectorWarmUp.SLICE * 8);
    assertThat(w.vectorEnd(64, 70, 8)).isEqualTo(64); // no whole vector
    assertThat(w.clock()).isNotEqualTo(0L);
    // Interpreted or C1: 5 µs for the slice's 16 elements against 1 ns per element scalar.
    for (int c = 0; c < 4 * VectorWarmUp.WINDOW; c++) {
      w.add(5_000, 984, 16, 984);
    }
    assertThat(w.done()).isFalse();
    // Compiled: 0.2 µs, mostly the call's own cost (16 elements at 4 x 1 ns, plus 250 ns, pass):
    // one window...
    for (int c = 0; c < VectorWarmUp.WINDOW; c++) {
      w.add(200, 984, 16, 984);
    }
    assertThat(w.done()).isFalse();
    // ...a slow one (a pause) starts the count again, then two in a row end it.
    for (int c = 0; c < VectorWarmUp.WINDOW; c++) {
      w.add(5_000, 984, 16, 984);
    }
    for (int c = 0; c < 2 * VectorWarmUp.WINDOW - 1; c++) {
      w.add(200, 984, 16, 984);
    }
    assertThat(w.done()).isFalse();
    w.add(200, 984, 16, 984);
    assertThat(w.done()).isTrue();
    assertThat(w.vectorEnd(64, 1070, 8)).isEqualTo(1064);
    assertThat(w.clock()).isEqualTo(0L);
    w.record(1, 2, 16, 984); // recorded after the switch: ignored
    assertThat(w.calls()).isEqualTo(8 * VectorWarmUp.WINDOW);
  }

  @Test
  void endsAfterMaxCallsWhateverTheTimes() {
    VectorWarmUp w = VectorWarmUp.of(new Object() {}, "cap");
    for (int c = 0; c < VectorWarmUp.MAX_CALLS - 1; c++) {
      w.add(5_000, 984, 16, 984);
    }
    assertThat(w.done()).isFalse();
    w.add(5_000, 984, 16, 984);
    assertThat(w.done()).isTrue();
  }

  @Test
  void kernelsThatRoundDifferentlyNeverSlice() {
    NeuronGroup expIf = new ExpIfGroup("X", 100);
    LifGroup lifGroup = new LifGroup("L", 100);
    NeuronGroup lif = lifGroup;
    if (expIf.vectorKernel() == null) {
      return; // scalar kernels in this JVM: nothing warms up
    }
    expIf.warmUpKernels(true);
    lif.warmUpKernels(true);
    assertThat(expIf.warmUp(expIf.vectorKernel(), false)).isSameInstanceAs(VectorWarmUp.DONE);
    assertThat(lif.warmUp(lif.vectorKernel(), false)).isNotSameInstanceAs(VectorWarmUp.DONE);
    // exp_euler with a per-neuron tau calls the vector library's exp
    lifGroup.method(Integrator.EXP_EULER);
    double[] tau = new double[100];
    java.util.Arrays.fill(tau, 10.);
    lifGroup.tau(tau);
    assertThat(lif.warmUp(lif.vectorKernel(), false)).isSameInstanceAs(VectorWarmUp.DONE);
    lif.warmUpKernels(false);
    lifGroup.method(Integrator.EXP_AUTO);
    assertThat(lif.warmUp(lif.vectorKernel(), false)).isSameInstanceAs(VectorWarmUp.DONE);
  }

  /** The network's state after the runs; {@code switchAfter} >= 0 ends the warm-up there. */
  private static List<Object> run(boolean warmUp, boolean jit, int threads, boolean fuse,
      double switchAfter) {
    VectorWarmUp.forgetAll(); // cold, as in a new JVM
    VectorWarmUp.scalarWorkLimit(0); // no scalar runs first: the slice from the first step
    Network net = einet();
    List<Object> out = new ArrayList<>();
    try (Runner runner = DSRunner.builder(net).jit(jit).threads(threads).fuseSynapses(fuse)
        .vectorWarmUp(warmUp).input("E.input", 20.).input("I.input", 20.)
        .monitors("E.spike", "I.spike").build()) {
      if (switchAfter >= 0) {
        runner.run(switchAfter);
        if (warmUp && jit && ((NeuronGroup) net.group("E")).vectorKernel() != null) {
          assertThat(VectorWarmUp.recordedCalls()).isGreaterThan(0);
        }
        VectorWarmUp.finishAll();
        assertThat(net.warmingUp()).isFalse();
      }
      runner.run(60.);
      out.add(runner.mon().spikes("E.spike"));
      out.add(runner.mon().spikes("I.spike"));
    }
    return withState(out, net);
  }

  @Test
  void scalarRunsUntilTheLimitThenTheVectorKernelsBitForBit() {
    long work = 100L * (E + I); // a run of 10 ms
    List<String> vector = deep(runs(false, true, 0));
    List<String> debug = deep(runs(false, false, 0));
    assertThat(debug).containsExactlyElementsIn(vector).inOrder();
    try {
      // Three runs within the limit run scalar, the fourth passes it: the slice, then vector.
      List<String> first = deep(runs(true, true, 3 * work));
      assertThat(first).containsExactlyElementsIn(vector).inOrder();
    } finally {
      VectorWarmUp.configuredScalarWorkLimit();
    }
  }

  /** Four runs of 10 ms; with {@code limit} > 0, checks which kernels each ran. */
  private static List<Object> runs(boolean warmUp, boolean jit, long limit) {
    VectorWarmUp.forgetAll();
    VectorWarmUp.scalarWorkLimit(limit);
    Network net = einet();
    NeuronGroup e = net.group("E");
    String vector = e.kernels();
    List<Object> out = new ArrayList<>();
    try (Runner runner = DSRunner.builder(net).jit(jit).vectorWarmUp(warmUp)
        .input("E.input", 20.).input("I.input", 20.).monitors("E.spike", "I.spike").build()) {
      for (int r = 0; r < 4; r++) {
        runner.run(10.);
        out.add(runner.mon().spikes("E.spike"));
        if (limit > 0 && !vector.equals("scalar")) {
          boolean scalar = r < 3;
          assertWithMessage("run %s", r).that(net.scalarRun()).isEqualTo(scalar);
          assertWithMessage("run %s", r).that(e.scalarRun()).isEqualTo(scalar);
          assertWithMessage("run %s", r).that(net.projections().get(0).scalarRun())
              .isEqualTo(scalar);
          assertWithMessage("run %s", r).that(e.kernels()).isEqualTo(vector);
          assertWithMessage("run %s", r).that(runner.fusedInputs().isEmpty()).isEqualTo(scalar);
          assertWithMessage("run %s", r).that(VectorWarmUp.recordedCalls() > 0).isEqualTo(!scalar);
        }
      }
    }
    return withState(out, net);
  }

  @Test
  void theRuleCountsScalarRunsAndRemembersKernelsThatRanVector() {
    VectorWarmUp.forgetAll();
    try {
      VectorWarmUp.scalarWorkLimit(1_000);
      Object a = new Object() {};
      Object b = new Object() {};
      assertThat(VectorWarmUp.scalarRun(List.of(), 10, true)).isFalse(); // nothing to swap
      assertThat(VectorWarmUp.scalarRun(List.of(a, b), 600, true)).isTrue();
      assertThat(VectorWarmUp.scalarRun(List.of(a), 400, true)).isTrue(); // 1 000: the limit
      assertThat(VectorWarmUp.scalarRun(List.of(b), 1, true)).isFalse(); // past it: b started
      VectorWarmUp.forgetAll();
      assertThat(VectorWarmUp.scalarRun(List.of(a), 2_000, true)).isFalse(); // too long: a started
      assertThat(VectorWarmUp.scalarRun(List.of(a, b), 1, true)).isFalse(); // a ran vector...
      assertThat(VectorWarmUp.scalarRun(List.of(b), 1, true)).isFalse(); // ...and b with it
      Object c = new Object() {};
      assertThat(VectorWarmUp.scalarRun(List.of(c), 1, true)).isTrue();
      assertThat(VectorWarmUp.scalarRun(List.of(c), 1, false)).isFalse(); // not allowed: started
      assertThat(VectorWarmUp.scalarRun(List.of(c), 1, true)).isFalse();
    } finally {
      VectorWarmUp.forgetAll();
      VectorWarmUp.configuredScalarWorkLimit();
    }
  }

  /** {@code out} with every group's V and every projection's g appended. */
  private static List<Object> withState(List<Object> out, Network net) {
    for (NeuronGroup g : net.groups()) {
      out.add(g.variable("V").toDoubles());
    }
    for (Projection p : net.projections()) {
      out.add(p.variable("g").toDoubles());
    }
    return out;
  }

  private static Network einet() {
    Network net = new Network();
    LifGroup e = net.add(lif("E", E));
    LifGroup i = net.add(lif("I", I));
    Rng rng = new Rng(3);
    rng.fillNormal(e.V, -55., 2.);
    rng.fillNormal(i.V, -55., 2.);
    net.add(new ExpCobaProjection(e, e, new FixedProb(0.08, 4)).E(0.).g_max(0.6).tau(5.));
    net.add(new ExpCobaProjection(e, i, new FixedProb(0.08, 5)).E(0.).g_max(0.6).tau(5.));
    net.add(new ExpCobaProjection(i, e, new FixedProb(0.08, 6)).E(-80.).g_max(6.7).tau(10.));
    net.add(new ExpCobaProjection(i, i, new FixedProb(0.08, 7)).E(-80.).g_max(6.7).tau(10.));
    return net;
  }

  private static LifGroup lif(String name, int n) {
    return new LifGroup(name, n).V_rest(-60.).V_th(-50.).V_reset(-60.).tau(20.).tau_ref(5.);
  }

  @Test
  void warmingUpGivesTheWholeGroupKernelsResultsBitForBit() {
    List<String> whole = deep(run(false, true, 1, true, -1));
    assertThat(deep(run(true, true, 1, true, -1))).containsExactlyElementsIn(whole).inOrder();
    assertThat(deep(run(false, false, 1, true, -1))).containsExactlyElementsIn(whole).inOrder();
    // The switch within a run, fused and not, on one and two threads (the monitors record the
    // second run: the reference runs the same two).
    for (double at : new double[] {0.1, 7.3}) {
      List<String> twoRuns = deep(run(false, true, 1, true, at));
      assertThat(deep(run(true, true, 1, true, at))).containsExactlyElementsIn(twoRuns).inOrder();
      assertThat(deep(run(true, true, 1, false, at))).containsExactlyElementsIn(twoRuns).inOrder();
      assertThat(deep(run(true, true, 2, true, at))).containsExactlyElementsIn(twoRuns).inOrder();
      assertThat(deep(run(false, false, 1, true, at))).containsExactlyElementsIn(twoRuns).inOrder();
    }
  }

  /**
   * Each array as "item k, element i: value" lines (doubles printed exactly), so that a failure
   * names the first elements that differ.
   */
  private static List<String> deep(List<Object> state) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < state.size(); k++) {
      Object item = state.get(k);
      if (item instanceof double[] d) {
        for (int i = 0; i < d.length; i++) {
          out.add(k + "/" + i + ": " + d[i]);
        }
      } else if (item instanceof boolean[][] spikes) {
        for (int step = 0; step < spikes.length; step++) {
          for (int n = 0; n < spikes[step].length; n++) {
            if (spikes[step][n]) {
              out.add(k + ": spike " + step + ":" + n);
            }
          }
        }
      } else {
        out.add(k + ": " + item);
      }
    }
    return out;
  }
}
