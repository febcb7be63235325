package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.Runner;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library's Lif and ExpCoba compiled with {@code -Abrainstem.fastMath=true}: the kernels
 * multiply by reciprocals, agree with each other bit for bit (fused or not), stay within a few ulps
 * of the user's own methods ({@code jit(false)}), and a group only fuses synapses compiled the same
 * way.
 */
class GeneratedFastMathBehaviourTest {
  private static EmittedSources.Result fast;
  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    fast = EmittedSources.processAndCompileWithVectors(List.of("-Abrainstem.fastMath=true"),
        EmittedSources.librarySource("Lif"), EmittedSources.librarySource("ExpCoba"),
        EmittedSources.librarySource("ExpCuba"));
    assertThat(fast.compiled().errors()).isEmpty();
    loader = EmittedSources.load(fast.compiled());
  }

  private static Object call(Object target, String method, double value) throws Exception {
    return target.getClass().getMethod(method, double.class).invoke(target, value);
  }

  private static NeuronGroup lif(Class<?> type, String name, int size) throws Exception {
    NeuronGroup g = (NeuronGroup) type.getConstructor(String.class, int.class)
        .newInstance(name, size);
    for (String[] p : new String[][] {{"V_rest", "-60"}, {"V_th", "-50"}, {"V_reset", "-60"},
        {"tau", "20"}, {"tau_ref", "5"}}) {
      call(g, p[0], Double.parseDouble(p[1]));
    }
    Random random = new Random(name.hashCode());
    for (int k = 0; k < size; k++) {
      g.variable("V").set(k, -60 + 10 * random.nextDouble());
    }
    return g;
  }

  private static Projection coba(NeuronGroup pre, NeuronGroup post, long seed, double e,
      double gMax, double tau) throws Exception {
    Class<?> type = loader.loadClass("io.brainstem.models.ExpCobaProjection");
    Projection p = (Projection) type
        .getConstructor(NeuronGroup.class, NeuronGroup.class, io.brainstem.connectivity.Connector.class)
        .newInstance(pre, post, new FixedProb(0.08, seed));
    call(p, "E", e);
    call(p, "g_max", gMax);
    call(p, "tau", tau);
    return p;
  }

  /** A small EI network (sizes not a multiple of the lanes: scalar tails) of {@code lifType}. */
  private static Network einet(Class<?> lifType) throws Exception {
    Network net = new Network();
    NeuronGroup e = net.add(lif(lifType, "E", 403));
    NeuronGroup i = net.add(lif(lifType, "I", 101));
    net.add(coba(e, e, 4, 0, 0.6, 5));
    net.add(coba(e, i, 5, 0, 0.6, 5));
    net.add(coba(i, e, 6, -80, 6.7, 10));
    net.add(coba(i, i, 7, -80, 6.7, 10));
    return net;
  }

  private static Projection cuba(NeuronGroup pre, NeuronGroup post, double p, long seed,
      double gMax, double tau) throws Exception {
    Class<?> type = loader.loadClass("io.brainstem.models.ExpCubaProjection");
    Projection q = (Projection) type
        .getConstructor(NeuronGroup.class, NeuronGroup.class, io.brainstem.connectivity.Connector.class)
        .newInstance(pre, post, new FixedProb(p, seed));
    call(q, "g_max", gMax);
    call(q, "tau", tau);
    return q;
  }

  /** A ring of three groups, one current synapse onto each: fused inside the groups' loops. */
  private static Network ring() throws Exception {
    Network net = new Network();
    NeuronGroup d = net.add(lif(fastLif(), "D", 130));
    call(d, "V_rest", -45);
    NeuronGroup e = net.add(lif(fastLif(), "E", 402));
    NeuronGroup i = net.add(lif(fastLif(), "I", 101));
    net.add(cuba(d, e, 0.1, 8, 4, 5));
    net.add(cuba(e, i, 0.1, 9, 3, 5));
    net.add(cuba(i, d, 0.2, 10, -6, 10));
    return net;
  }

  private record Outcome(List<double[]> v, long spikes, List<String> fused) {}

  private static Outcome run(Network net, boolean jit, boolean fuse, double duration) {
    boolean ring = net.groups().size() == 3;
    var builder = DSRunner.builder(net).jit(jit).fuseSynapses(fuse).vectorWarmUp(false);
    if (!ring) {
      builder.input("E.input", 20.).input("I.input", 20.);
    }
    try (Runner runner = builder.build()) {
      runner.run(duration);
      List<double[]> v = new ArrayList<>();
      long spikes = 0;
      for (NeuronGroup g : net.groups()) {
        v.add(g.variable("V").toDoubles());
        spikes += g.totalSpikes();
      }
      return new Outcome(v, spikes, runner.fusedInputs());
    }
  }

  private static Class<?> fastLif() throws ClassNotFoundException {
    return loader.loadClass("io.brainstem.models.LifGroup");
  }

  @Test
  void theKernelsMultiplyByReciprocals() {
    assertThat(fast.generated("io.brainstem.models.LifGroup")).contains("* (1.0 / tau)");
    assertThat(fast.generated("io.brainstem.models.LifGroupVector")).contains(".mul(1.0 / tau)");
    assertThat(fast.generated("io.brainstem.models.LifGroupVector"))
        .contains("boolean fusesByReciprocal() {\n    return true;");
    assertThat(fast.generated("io.brainstem.models.ExpCobaProjection"))
        .contains(".byReciprocal()");
  }

  @Test
  void fusedAndUnfusedGiveTheSameBits() throws Exception {
    Outcome fused = run(einet(fastLif()), true, true, 60);
    Outcome unfused = run(einet(fastLif()), true, false, 60);
    assertThat(fused.fused()).containsExactly("E: input <- E2E, I2E", "I: input <- E2I, I2I");
    assertThat(unfused.fused()).isEmpty();
    assertThat(fused.spikes()).isEqualTo(unfused.spikes());
    assertThat(fused.spikes()).isGreaterThan(100L);
    assertSameBits(fused, unfused);
  }

  @Test
  void currentsFusedInTheLoopGiveTheUnfusedBits() throws Exception {
    Outcome fused = run(ring(), true, true, 60);
    Outcome unfused = run(ring(), true, false, 60);
    assertThat(fused.fused()).hasSize(3);
    assertThat(fused.fused().get(0)).startsWith("D: in the loop");
    assertThat(fused.spikes()).isEqualTo(unfused.spikes());
    assertThat(fused.spikes()).isGreaterThan(100L);
    assertSameBits(fused, unfused);
  }

  private static void assertSameBits(Outcome a, Outcome b) {
    assertThat(a.v()).hasSize(b.v().size());
    for (int g = 0; g < a.v().size(); g++) {
      assertThat(a.v().get(g)).usingExactEquality().containsExactly(b.v().get(g)).inOrder();
    }
  }

  /**
   * Against the analytic solutions: a leaky neuron under a constant current relaxes as
   * {@code V_inf + (V0 - V_inf)·e^(-t/tau)} and a synapse nothing drives decays as
   * {@code g0·e^(-t/tau)}; exp_auto integrates both exactly, so only rounding may differ.
   */
  @Test
  void fastMathKernelsFollowTheAnalyticSolutions() throws Exception {
    Network net = new Network();
    NeuronGroup silent = net.add(lif(fastLif(), "S", 37));
    call(silent, "V_th", 1e9);
    NeuronGroup post = net.add(lif(fastLif(), "P", 53));
    call(post, "V_th", 1e9);
    call(post, "tau", 13.7);
    Projection syn = net.add(cuba(silent, post, 0.5, 3, 1, 7.3));
    double[] v0 = post.variable("V").toDoubles();
    double[] g0 = new double[post.size()];
    for (int k = 0; k < g0.length; k++) {
      g0[k] = 0.5 + 0.01 * k;
      syn.variable("g").set(k, g0[k]);
    }
    double[] vS0 = silent.variable("V").toDoubles();
    try (Runner runner = DSRunner.builder(net).vectorWarmUp(false).input("S.input", 7.5)
        .build()) {
      runner.run(100);
    }
    double t = 100;
    double[] vS = silent.variable("V").toDoubles();
    for (int k = 0; k < vS.length; k++) {
      double vInf = -60 + 7.5; // V_rest + R·I, R = 1
      assertThat(vS[k]).isWithin(1e-11).of(vInf + (vS0[k] - vInf) * Math.exp(-t / 20));
    }
    double[] g = syn.variable("g").toDoubles();
    for (int k = 0; k < g.length; k++) {
      assertThat(g[k]).isWithin(1e-14).of(g0[k] * Math.exp(-t / 7.3));
    }
    assertThat(post.variable("V").toDoubles()).isNotEqualTo(v0); // the synapse drove it
  }

  @Test
  void theUsersOwnMethodsAgreeWithinUlps() throws Exception {
    // 2 ms: before the first spikes, where a few ulps per step cannot move a spike
    Outcome kernels = run(einet(fastLif()), true, true, 2);
    Outcome debug = run(einet(fastLif()), false, true, 2);
    double worst = 0;
    for (int g = 0; g < kernels.v().size(); g++) {
      for (int k = 0; k < kernels.v().get(g).length; k++) {
        double a = kernels.v().get(g)[k];
        double b = debug.v().get(g)[k];
        worst = Math.max(worst, Math.abs(a - b) / Math.ulp(b));
      }
    }
    // 20 steps of at most 2 ulps per division, through a contracting update (measured: 1 ulp)
    assertThat(worst).isAtMost(8.0);
    // over 100 ms the chaotic network's trajectories part, its rate does not
    double fastRate = run(einet(fastLif()), true, true, 100).spikes();
    double exactRate = run(einet(fastLif()), false, true, 100).spikes();
    assertThat(fastRate).isWithin(0.05 * exactRate).of(exactRate);
  }

  @Test
  void everyLibraryModelCompilesWithFastMath() throws java.io.IOException {
    List<javax.tools.JavaFileObject> models = new ArrayList<>();
    try (var files = java.nio.file.Files.list(
        java.nio.file.Path.of("../runtime/src/main/java/io/brainstem/models"))) {
      for (java.nio.file.Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".java") && !name.equals("package-info.java")) {
          models.add(EmittedSources.librarySource(name.substring(0, name.length() - 5)));
        }
      }
    }
    assertThat(models.size()).isGreaterThan(30);
    // no processor diagnostic (checked inside), and the generated code compiles
    EmittedSources.Result all = EmittedSources.processAndCompileWithVectors(
        List.of("-Abrainstem.fastMath=true"), models.toArray(new javax.tools.JavaFileObject[0]));
    assertThat(all.compiled().errors()).isEmpty();
    assertThat(all.generated("io.brainstem.models.HodgkinHuxleyGroup")).contains("(1.0 / ");
  }

  @Test
  void aGroupCompiledWithoutFastMathDoesNotFuseThem() throws Exception {
    // the runtime's own LifGroup divides by tau; these synapses multiply by 1.0 / tau
    Outcome mixed = run(einet(io.brainstem.models.LifGroup.class), true, true, 5);
    assertThat(mixed.fused()).isEmpty();
  }
}
