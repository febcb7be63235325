package io.brainstem.runners;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.TraubHHGroup;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.Network;
import org.junit.jupiter.api.Test;

/**
 * A COBAHH-style network of crossing-threshold neurons (TraubHH, which spikes on upward crossings
 * and resets nothing) coupled by conductances: every runner and code path gives the same spikes,
 * and the spikes reach the projections.
 */
class CrossingNetworkRunnersTest {
  private static final double DURATION = 60;

  /** 200 E and 50 I cells; a ramp of drive from 0 to 398 pA makes a third fire on their own. */
  private static Network net(boolean scalarKernels) {
    TraubHHGroup e = new TraubHHGroup("E", 200);
    TraubHHGroup i = new TraubHHGroup("I", 50);
    Network net = new Network();
    net.add(e);
    net.add(i);
    net.add(new ExpCobaProjection("EE", e, e, new FixedProb(0.05, 1)).g_max(6).tau(5).E(0));
    net.add(new ExpCobaProjection("EI", e, i, new FixedProb(0.05, 2)).g_max(6).tau(5).E(0));
    net.add(new ExpCobaProjection("IE", i, e, new FixedProb(0.05, 3)).g_max(67).tau(10).E(-80));
    net.add(new ExpCobaProjection("II", i, i, new FixedProb(0.05, 4)).g_max(67).tau(10).E(-80));
    if (scalarKernels) {
      net.groups().forEach(g -> g.scalarKernels(true));
      net.projections().forEach(p -> p.scalarKernels(true));
    }
    return net;
  }

  private static double[] drive(int size) {
    double[] x = new double[size];
    for (int k = 0; k < size; k++) {
      x[k] = 2.0 * k;
    }
    return x;
  }

  private static <B extends RunnerBuilder<B>> B configure(B builder) {
    return builder.dt(0.05).input("E.input", drive(200)).monitors("E.spike", "I.spike", "E.V");
  }

  private static MonitorResults run(Runner runner) {
    runner.run(DURATION);
    return runner.mon();
  }

  private static void assertSame(MonitorResults a, MonitorResults b) {
    assertThat(a.spikes("E.spike")).isEqualTo(b.spikes("E.spike"));
    assertThat(a.spikes("I.spike")).isEqualTo(b.spikes("I.spike"));
    assertThat(a.values("E.V")).isEqualTo(b.values("E.V"));
  }

  @Test
  void everyRunnerAndCodePathGivesTheSameSpikes() {
    // Scalar kernels: vector exp may round differently before and after C2 compiles the kernel
    // (VectorKernelsTest), which would make two runs of the same network differ by ulps.
    MonitorResults ds = run(configure(DSRunner.builder(net(true))).build());
    assertSame(run(configure(ReportRunner.builder(net(true))).progress(null).build()), ds);
    try (DSRunner threads = configure(DSRunner.builder(net(true))).threads(2).build()) {
      assertSame(run(threads), ds);
    }
    try (ReportRunner threads = configure(ReportRunner.builder(net(true))).progress(null).threads(2).build()) {
      assertSame(run(threads), ds);
    }
    // jit(false) calls the model's own methods.
    assertSame(run(configure(DSRunner.builder(net(true))).jit(false).build()), ds);

    // The I cells get no drive: they fire only if the E cells' crossings are delivered.
    assertThat(count(ds.spikes("E.spike"))).isGreaterThan(100);
    assertThat(count(ds.spikes("I.spike"))).isGreaterThan(0);
    // One action potential, one spike: never in two consecutive steps.
    boolean[][] e = ds.spikes("E.spike");
    for (int k = 1; k < e.length; k++) {
      for (int n = 0; n < e[k].length; n++) {
        assertThat(e[k][n] && e[k - 1][n]).isFalse();
      }
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
