package io.brainstem.synapses;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.All2All;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.connectivity.SynapseInit;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.models.WeightedExpCobaProjection;
import io.brainstem.monitors.Monitor;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.Network;
import io.brainstem.network.Precision;
import io.brainstem.network.Projection;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.ReportRunner;
import io.brainstem.runners.Runner;
import io.brainstem.sources.PoissonGroup;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Per-synapse weights ({@code @PerSynapse}) and per-presynaptic parameters ({@code @PerPre}):
 * delivery, the lumped-equivalence with {@code ExpCoba}, bit-identity across runners, threads,
 * {@code jit(false)}, delays and float storage, initialisation, monitors and reset.
 */
class PerSynapseTest {
  /**
   * The shared weight: exact in float, since under Precision.FLOAT a per-synapse weight is stored
   * as float while ExpCoba's g_max, a parameter, stays double.
   */
  private static final double G = 0.3125;

  /** Poisson input P (100) onto LIF group N (40) through projection "P2N" made by {@code syn}. */
  private static Network net(Precision precision, Function<Object[], Projection> syn) {
    Network net = new Network(precision);
    PoissonGroup p = net.add(new PoissonGroup("P", 100, 40, 7));
    LifGroup n = net.add(new LifGroup("N", 40, precision));
    net.add(syn.apply(new Object[] {p, n}));
    return net;
  }

  private static WeightedExpCobaProjection weighted(Object[] groups) {
    return new WeightedExpCobaProjection("P2N", (PoissonGroup) groups[0], (LifGroup) groups[1],
        new FixedProb(0.2, 11)).E(50);
  }

  private static ExpCobaProjection lumped(Object[] groups) {
    return new ExpCobaProjection("P2N", (PoissonGroup) groups[0], (LifGroup) groups[1],
        new FixedProb(0.2, 11)).g_max(G).E(50);
  }

  private static MonitorResults run(Network net, String how) {
    Runner runner = switch (how) {
      case "ds" -> DSRunner.builder(net).input("N.input", 15.0).monitors("N.spike", "P2N.g").build();
      case "report" -> ReportRunner.builder(net).input("N.input", 15.0)
          .monitors("N.spike", "P2N.g").progress(null).build();
      case "debug" -> DSRunner.builder(net).jit(false).input("N.input", 15.0)
          .monitors("N.spike", "P2N.g").build();
      case "threads" -> DSRunner.builder(net).threads(2).input("N.input", 15.0)
          .monitors("N.spike", "P2N.g").build();
      default -> throw new IllegalArgumentException(how);
    };
    try (runner) {
      runner.run(60);
      return runner.mon();
    }
  }

  private static void assertSame(MonitorResults a, MonitorResults b) {
    assertThat(b.spikes("N.spike")).isEqualTo(a.spikes("N.spike"));
    assertThat(b.values("P2N.g")).isEqualTo(a.values("P2N.g"));
  }

  @Test
  void equalWeightsGiveTheLumpedExpCobaBitForBit() {
    for (Precision precision : Precision.values()) {
      for (String how : new String[] {"ds", "report", "debug", "threads"}) {
        MonitorResults lumped = run(net(precision, PerSynapseTest::lumped), how);
        MonitorResults constant = run(net(precision, g -> weighted(g).w(G)), how);
        MonitorResults array = run(net(precision, g -> {
          WeightedExpCobaProjection w = weighted(g);
          double[] all = new double[w.synapseCount()];
          java.util.Arrays.fill(all, G);
          return w.w(all);
        }), how);
        assertThat(lumped.events("N.spike").count()).isGreaterThan(10);
        assertSame(lumped, constant);
        assertSame(lumped, array);
      }
    }
  }

  @Test
  void equalWeightsMatchTheLumpedModelUnderDelays() {
    MonitorResults lumped = run(net(Precision.DOUBLE, g -> lumped(g).delaySteps(3)), "ds");
    MonitorResults weighted = run(net(Precision.DOUBLE, g -> weighted(g).w(G).delaySteps(3)), "ds");
    assertSame(lumped, weighted);
    MonitorResults perSynapse = run(net(Precision.DOUBLE, g -> {
      WeightedExpCobaProjection w = weighted(g).w(G);
      int[] steps = new int[w.synapseCount()];
      for (int k = 0; k < steps.length; k++) {
        steps[k] = k % 4;
      }
      return w.delaySteps(steps);
    }), "ds");
    MonitorResults perSynapseLumped = run(net(Precision.DOUBLE, g -> {
      ExpCobaProjection w = lumped(g);
      int[] steps = new int[w.synapseCount()];
      for (int k = 0; k < steps.length; k++) {
        steps[k] = k % 4;
      }
      return w.delaySteps(steps);
    }), "ds");
    assertSame(perSynapseLumped, perSynapse);
  }

  @Test
  void randomWeightsAreBitIdenticalAcrossRunnersThreadsAndTheDebugPath() {
    for (Precision precision : Precision.values()) {
      Function<Object[], Projection> make =
          g -> weighted(g).w(SynapseInit.lognormal(Math.log(0.3), 0.5).seed(5));
      MonitorResults ds = run(net(precision, make), "ds");
      assertThat(ds.events("N.spike").count()).isGreaterThan(10);
      for (String how : new String[] {"report", "debug", "threads"}) {
        assertSame(ds, run(net(precision, make), how));
      }
    }
  }

  @Test
  void allThreeHomesAreDeliveredPerSynapseInEveryPath() {
    Function<Object[], Projection> make = g -> {
      DepletingSynapseProjection d = new DepletingSynapseProjection("P2N", (PoissonGroup) g[0],
          (LifGroup) g[1], new FixedProb(0.2, 11)).E(50);
      return d.w(SynapseInit.uniform(0.2, 0.6)).U(SynapseInit.uniform(0.1, 0.9));
    };
    for (Precision precision : Precision.values()) {
      MonitorResults ds = run(net(precision, make), "ds");
      for (String how : new String[] {"report", "debug", "threads"}) {
        assertSame(ds, run(net(precision, make), how));
      }
    }
  }

  @Test
  void perSynapseOdesAreBitIdenticalAcrossRunnersThreadsTheDebugPathAndIntegrators() {
    for (io.brainstem.annotations.Integrator method : new io.brainstem.annotations.Integrator[] {
        io.brainstem.annotations.Integrator.EXP_AUTO, io.brainstem.annotations.Integrator.RK4}) {
      Function<Object[], Projection> make = g -> new io.brainstem.models.TsodyksMarkramCobaProjection(
          "P2N", (PoissonGroup) g[0], (LifGroup) g[1], new FixedProb(0.2, 11)).E(50)
          .w(SynapseInit.uniform(0.5, 1.5)).U(SynapseInit.uniform(0.1, 0.6))
          .tau_d(SynapseInit.uniform(100, 300)).method(method);
      for (Precision precision : Precision.values()) {
        MonitorResults ds = run(net(precision, make), "ds");
        assertThat(ds.events("N.spike").count()).isGreaterThan(10);
        for (String how : new String[] {"report", "debug", "threads"}) {
          assertSame(ds, run(net(precision, make), how));
        }
      }
    }
  }

  @Test
  void eachSpikeAddsItsSynapsesWeightAndDepletesItsOwnResource() {
    // one presynaptic neuron that spikes in step 0, onto 3 postsynaptic neurons
    Network net = new Network();
    io.brainstem.testing.Pacemaker pre = net.add(new io.brainstem.testing.Pacemaker("pre", 2, 1000));
    LifGroup post = net.add(new LifGroup("post", 3));
    DepletingSynapseProjection syn = net.add(
        new DepletingSynapseProjection("syn", pre, post, new All2All()));
    syn.w(new double[] {1, 2, 3, 4, 5, 6}).U(new double[] {0.5, 0.25}).tau(1e9);
    try (DSRunner runner = DSRunner.builder(net).dt(0.1).build()) {
      runner.run(0.2); // pre[0] spikes in step 0, delivered in step 1
      assertThat(syn.x).usingExactEquality().containsExactly(0.5, 0.5, 0.5, 1, 1, 1).inOrder();
      double decay = syn.g[0] / (1 * 0.5);
      assertThat(decay).isWithin(1e-6).of(1.0);
      assertThat(syn.g[1] / syn.g[0]).isWithin(1e-12).of(2.0);
      assertThat(syn.g[2] / syn.g[0]).isWithin(1e-12).of(3.0);
    }
  }

  @Test
  void initialisersAreReproducibleAndDrawInCsrOrder() {
    WeightedExpCobaProjection a = weighted(groups());
    WeightedExpCobaProjection b = weighted(groups());
    a.w(SynapseInit.normal(0.5, 0.2).truncated(0.3, 0.7));
    b.w(SynapseInit.normal(0.5, 0.2).truncated(0.3, 0.7));
    assertThat(b.w).isEqualTo(a.w);
    for (double v : a.w) {
      assertThat(v).isAtLeast(0.3);
      assertThat(v).isAtMost(0.7);
    }
    b.w(SynapseInit.normal(0.5, 0.2).truncated(0.3, 0.7).seed(99));
    assertThat(b.w).isNotEqualTo(a.w);
    // the default seed depends on the projection's and the variable's names
    assertThat(SynapseInit.defaultSeed("P2N", "w")).isNotEqualTo(SynapseInit.defaultSeed("P2M", "w"));
    a.w(SynapseInit.uniform(1, 2));
    for (double v : a.w) {
      assertThat(v).isAtLeast(1.0);
      assertThat(v).isLessThan(2.0);
    }
    a.w(SynapseInit.lognormal(0, 1));
    for (double v : a.w) {
      assertThat(v).isGreaterThan(0.0);
    }
    a.w(SynapseInit.of((i, j) -> 1000 * i + j));
    int[] indptr = a.csr().indptr();
    int[] indices = a.csr().indices();
    for (int i = 0; i + 1 < indptr.length; i++) {
      for (int k = indptr[i]; k < indptr[i + 1]; k++) {
        assertThat(a.w[k]).isEqualTo(1000.0 * i + indices[k]);
      }
    }
  }

  @Test
  void perPreInitialisersDrawByPresynapticIndex() {
    DepletingSynapseProjection d = new DepletingSynapseProjection("P2N",
        new PoissonGroup("P", 7, 10, 1), new LifGroup("N", 3), new All2All());
    d.U(SynapseInit.of((i, j) -> i + 10 * j));
    assertThat(d.U).usingExactEquality().containsExactly(-10, -9, -8, -7, -6, -5, -4).inOrder();
    IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
        () -> d.U(new double[3]));
    assertThat(wrong).hasMessageThat().isEqualTo(
        "P2N.U needs 7 values (one per presynaptic neuron of P), got 3");
  }

  @Test
  void badValuesAreRejectedNamingTheProjectionAndTheFix() {
    WeightedExpCobaProjection w = weighted(groups());
    IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
        () -> w.w(new double[5]));
    assertThat(length).hasMessageThat().isEqualTo("P2N.w needs " + w.synapseCount()
        + " values (one per synapse, nnz = " + w.synapseCount()
        + ", in CSR order: csr().indices()), got 5");
    double[] nan = new double[w.synapseCount()];
    nan[3] = Double.NaN;
    assertThat(assertThrows(IllegalArgumentException.class, () -> w.w(nan)))
        .hasMessageThat().isEqualTo("P2N.w[3] would be NaN; give every element a number");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> w.w(SynapseInit.of((i, j) -> Double.NaN)))).hasMessageThat()
        .contains("P2N.w: a function of (pre, post) gave NaN for the synapse from 0 to");
    assertThrows(IllegalArgumentException.class, () -> SynapseInit.constant(1).truncated(0, 2));
    assertThrows(IllegalArgumentException.class, () -> SynapseInit.uniform(2, 1));
  }

  @Test
  void monitorsRecordAllSynapsesASubsetOrPairs() {
    Network net = net(Precision.DOUBLE, g -> weighted(g).w(SynapseInit.uniform(0, 1)));
    WeightedExpCobaProjection w = (WeightedExpCobaProjection) net.projection("P2N");
    int[] indptr = w.csr().indptr();
    int[] indices = w.csr().indices();
    int pre = 3;
    int k = indptr[pre] + 1;
    int post = indices[k];
    Monitor pairs = Monitor.synapses("P2N.w", new int[] {pre, 0}, new int[] {post, indices[0]})
        .named("pairs");
    try (DSRunner runner = DSRunner.builder(net)
        .monitors(Monitor.of("P2N.w"), Monitor.of("P2N.w", k, 0).named("some"), pairs)
        .build()) {
      runner.run(1);
      MonitorResults mon = runner.mon();
      assertThat(mon.values("P2N.w")[0]).isEqualTo(w.w);
      assertThat(mon.values("some")[0]).usingExactEquality().containsExactly(w.w[k], w.w[0])
          .inOrder();
      assertThat(mon.values("pairs")[0]).usingExactEquality().containsExactly(w.w[k], w.w[0])
          .inOrder();
      assertThat(mon.indices("pairs")).asList().containsExactly(k, 0).inOrder();
    }
  }

  @Test
  void anUnconnectedPairOrALumpedVariableIsAClearError() {
    Network net = net(Precision.DOUBLE, g -> new WeightedExpCobaProjection("P2N",
        (PoissonGroup) g[0], (LifGroup) g[1], new All2All().includeSelf(false)));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(net).monitors(
            Monitor.synapses("P2N.w", new int[] {5}, new int[] {5})).build());
    assertThat(unknown).hasMessageThat().isEqualTo("monitor P2N.w: projection P2N has no synapse"
        + " from P[5] to N[5]; P[5] connects to 39 neurons (see csr())");
    IllegalArgumentException lumped = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(net).monitors(
            Monitor.synapses("P2N.g", new int[] {1}, new int[] {2})).build());
    assertThat(lumped).hasMessageThat().contains("P2N.g is not a @PerSynapse variable (it has one"
        + " value per postsynaptic neuron)");
  }

  @Test
  void resetRestoresTheWeightsAndResourcesSetBeforeTheRunnerWasBuilt() {
    Function<Object[], Projection> make = g -> new DepletingSynapseProjection("P2N",
        (PoissonGroup) g[0], (LifGroup) g[1], new FixedProb(0.2, 11))
        .E(50).w(SynapseInit.uniform(0.2, 0.6));
    Network net = net(Precision.DOUBLE, make);
    DepletingSynapseProjection d = (DepletingSynapseProjection) net.projection("P2N");
    double[] w0 = d.w.clone();
    try (DSRunner runner = DSRunner.builder(net).input("N.input", 15.0).monitors("N.spike").build()) {
      runner.run(30);
      boolean[][] first = runner.mon().spikes("N.spike");
      assertThat(d.x).isNotEqualTo(new double[d.x.length]); // some resources were used
      runner.reset();
      assertThat(d.w).isEqualTo(w0);
      for (double x : d.x) {
        assertThat(x).isEqualTo(1.0);
      }
      runner.run(30);
      assertThat(runner.mon().spikes("N.spike")).isEqualTo(first);
    }
  }

  private static Object[] groups() {
    return new Object[] {new PoissonGroup("P", 100, 40, 7), new LifGroup("N", 40)};
  }
}
