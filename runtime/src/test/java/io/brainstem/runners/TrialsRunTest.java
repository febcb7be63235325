package io.brainstem.runners;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.connectivity.Connector;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.connectivity.Trials;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.TraubHHGroup;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.Network;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A spiking E/I network of B trials ({@link Trials}): trial b's spikes and voltages equal, bit for
 * bit, a one-trial network's driven by trial b's input, for 1 and 2 threads.
 */
class TrialsRunTest {
  private static final int NE = 80;
  private static final int NI = 20;
  private static final int B = 3;

  /** B trials of the network; each projection's connectivity drawn once and repeated. */
  private static Network net(int trials) {
    TraubHHGroup e = new TraubHHGroup("E", trials * NE);
    TraubHHGroup i = new TraubHHGroup("I", trials * NI);
    Network net = new Network();
    net.add(e);
    net.add(i);
    net.add(new ExpCobaProjection("EE", e, e, conn(1, trials)).g_max(6).tau(5).E(0));
    net.add(new ExpCobaProjection("EI", e, i, conn(2, trials)).g_max(6).tau(5).E(0));
    net.add(new ExpCobaProjection("IE", i, e, conn(3, trials)).g_max(67).tau(10).E(-80));
    net.add(new ExpCobaProjection("II", i, i, conn(4, trials)).g_max(67).tau(10).E(-80));
    // scalar kernels: vector exp may round differently before and after C2 compiles a kernel
    net.groups().forEach(g -> g.scalarKernels(true));
    net.projections().forEach(p -> p.scalarKernels(true));
    return net;
  }

  private static Connector conn(long seed, int trials) {
    return new Trials(new FixedProb(0.1, seed), trials);
  }

  /** Trial b's drive: a ramp whose slope depends on b, so the trials differ. */
  private static double[] drive(int b) {
    double[] x = new double[NE];
    for (int k = 0; k < NE; k++) {
      x[k] = (4.0 + b) * k;
    }
    return x;
  }

  private static MonitorResults run(int trials, int first, int threads) {
    double[] all = new double[trials * NE];
    for (int b = 0; b < trials; b++) {
      System.arraycopy(drive(first + b), 0, all, b * NE, NE);
    }
    try (DSRunner runner = DSRunner.builder(net(trials)).dt(0.05).input("E.input", all)
        .monitors("E.spike", "I.spike", "E.V").threads(threads).build()) {
      runner.run(40);
      return runner.mon();
    }
  }


  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void trialBEqualsAOneTrialRunOfItsInput(int threads) {
    MonitorResults batched = run(B, 0, threads);
    int spikes = 0;
    for (int b = 0; b < B; b++) {
      MonitorResults single = run(1, b, threads);
      boolean[][] es = batched.spikes("E.spike");
      boolean[][] is = batched.spikes("I.spike");
      double[][] v = batched.values("E.V");
      for (int t = 0; t < v.length; t++) {
        assertThat(Arrays.copyOfRange(v[t], b * NE, (b + 1) * NE)).isEqualTo(single.values("E.V")[t]);
        assertThat(Arrays.copyOfRange(es[t], b * NE, (b + 1) * NE))
            .isEqualTo(single.spikes("E.spike")[t]);
        assertThat(Arrays.copyOfRange(is[t], b * NI, (b + 1) * NI))
            .isEqualTo(single.spikes("I.spike")[t]);
        for (boolean s : single.spikes("E.spike")[t]) {
          spikes += s ? 1 : 0;
        }
      }
    }
    assertThat(spikes).isGreaterThan(10); // the trials spiked, so coupling was exercised
  }
}
