package io.brainstem.synapses;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.models.LifGroup;
import io.brainstem.models.StdpNearestSong2000Projection;
import io.brainstem.models.StdpSong2000Projection;
import io.brainstem.models.StdpTripletNearestProjection;
import io.brainstem.models.StdpTripletProjection;
import io.brainstem.models.StdpVanRossum2000Projection;
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
 * The plastic library models (pair STDP in three forms, triplet STDP all-to-all and nearest-spike)
 * on a small network (Poisson 100 → LIF 40, 20% connectivity, traces large so weights move within
 * 200 ms): every runner, {@code jit(false)} (which calls the models' own {@code @OnPre} and
 * {@code @OnPost} per synapse under double storage), held or staged coupling, and 1 to 3 threads
 * give the same spikes and weights bit for bit (the {@code @OnPost} delivery by the
 * by-postsynaptic index is race-free); under a homogeneous delay too; and each rule moves weights
 * the way it should.
 */
class StdpTest {
  private static Network net(Precision precision, Function<Object[], Projection> syn) {
    Network net = new Network(precision);
    PoissonGroup p = net.add(new PoissonGroup("P", 100, 40, 7));
    // V starts at 0: every neuron spikes in the first step, then at its own pace
    LifGroup n = net.add(new LifGroup("N", 40, precision).V_rest(-74).V_reset(-60).V_th(-54));
    net.add(syn.apply(new Object[] {p, n}));
    return net;
  }

  private static StdpSong2000Projection song(Object[] g) {
    return new StdpSong2000Projection("S", (PoissonGroup) g[0], (LifGroup) g[1],
        new FixedProb(0.2, 11)).gmax(0.1).dApre(0.002).dApost(-0.0021).w(0.05);
  }

  private static StdpNearestSong2000Projection nearest(Object[] g) {
    return new StdpNearestSong2000Projection("S", (PoissonGroup) g[0], (LifGroup) g[1],
        new FixedProb(0.2, 11)).gmax(0.1).dApre(0.002).dApost(-0.0021).w(0.05);
  }

  private static StdpVanRossum2000Projection vanRossum(Object[] g) {
    return new StdpVanRossum2000Projection("S", (PoissonGroup) g[0], (LifGroup) g[1],
        new FixedProb(0.2, 11)).gmax(0.1).dApre(0.002).dApost(-0.005).w(0.05);
  }

  private static StdpTripletProjection triplet(Object[] g) {
    return new StdpTripletProjection("S", (PoissonGroup) g[0], (LifGroup) g[1],
        new FixedProb(0.2, 11)).wmax(0.1).w(0.05).A3p(0.05).A2m(0.02);
  }

  private static StdpTripletNearestProjection tripletNearest(Object[] g) {
    return new StdpTripletNearestProjection("S", (PoissonGroup) g[0], (LifGroup) g[1],
        new FixedProb(0.2, 11)).wmax(0.1).w(0.05).A3p(0.1).A2m(0.02);
  }

  private static Runner runner(Network net, String how) {
    return switch (how) {
      case "ds" -> DSRunner.builder(net).input("N.input", 12.0).monitors("N.spike").build();
      case "report" -> ReportRunner.builder(net).input("N.input", 12.0).monitors("N.spike")
          .progress(null).build();
      case "debug" -> DSRunner.builder(net).jit(false).input("N.input", 12.0)
          .monitors("N.spike").build();
      default -> DSRunner.builder(net).threads(Integer.parseInt(how)).input("N.input", 12.0)
          .monitors("N.spike").build();
    };
  }

  /** Spikes and final weights after 200 ms. */
  private static Object[] run(Precision precision, Function<Object[], Projection> syn,
      String how) {
    Network net = net(precision, syn);
    try (Runner r = runner(net, how)) {
      r.run(200);
      MonitorResults mon = r.mon();
      Projection s = net.projections().get(0);
      Object w = precision == Precision.DOUBLE ? s.doubles("w").clone() : s.floats("w").clone();
      return new Object[] {mon.spikes("N.spike"), w};
    }
  }

  @Test
  void everyRunnerAndThreadCountGivesTheSameBits() {
    for (Function<Object[], Projection> model : java.util.List.<Function<Object[], Projection>>of(
        StdpTest::song, StdpTest::nearest, StdpTest::vanRossum, StdpTest::triplet,
        StdpTest::tripletNearest)) {
      for (Precision precision : Precision.values()) {
        Object[] reference = run(precision, model, "ds");
        for (String how : new String[] {"report", "debug", "2", "3"}) {
          Object[] other = run(precision, model, how);
          assertThat(other[0]).isEqualTo(reference[0]);
          assertThat(other[1]).isEqualTo(reference[1]);
        }
      }
    }
  }

  @Test
  void stagedCouplingGivesTheSameBitsUnderJitFalseAndThreads() {
    for (Function<Object[], Projection> model : java.util.List.<Function<Object[], Projection>>of(
        g -> song(g).coupling(io.brainstem.network.Coupling.STAGED),
        g -> tripletNearest(g).coupling(io.brainstem.network.Coupling.STAGED))) {
      Object[] reference = run(Precision.DOUBLE, model, "ds");
      for (String how : new String[] {"debug", "2"}) {
        Object[] other = run(Precision.DOUBLE, model, how);
        assertThat(other[0]).isEqualTo(reference[0]);
        assertThat(other[1]).isEqualTo(reference[1]);
      }
    }
  }

  @Test
  void aDelayIsTheSameForEveryThreadCount() {
    Object[] one = run(Precision.DOUBLE, g -> song(g).delaySteps(5), "ds");
    Object[] three = run(Precision.DOUBLE, g -> song(g).delaySteps(5), "3");
    assertThat(three[0]).isEqualTo(one[0]);
    assertThat(three[1]).isEqualTo(one[1]);
  }

  @Test
  void weightsMoveWithinTheirBounds() {
    double[] additive = (double[]) run(Precision.DOUBLE, StdpTest::song, "ds")[1];
    double[] soft = (double[]) run(Precision.DOUBLE, StdpTest::vanRossum, "ds")[1];
    double[] nearestSpike = (double[]) run(Precision.DOUBLE, StdpTest::nearest, "ds")[1];
    double[] triplet = (double[]) run(Precision.DOUBLE, StdpTest::triplet, "ds")[1];
    double[] tripletNearest = (double[]) run(Precision.DOUBLE, StdpTest::tripletNearest, "ds")[1];
    for (double[] w : new double[][] {additive, soft, nearestSpike, triplet, tripletNearest}) {
      double min = java.util.Arrays.stream(w).min().orElseThrow();
      double max = java.util.Arrays.stream(w).max().orElseThrow();
      assertThat(min).isAtLeast(0.0);
      assertThat(max).isAtMost(0.1);
      assertThat(max - min).isGreaterThan(0.001); // plasticity happened
    }
    assertThat(additive).isNotEqualTo(nearestSpike);
    assertThat(triplet).isNotEqualTo(tripletNearest);
    // Multiplicative depression never drives a weight to 0; additive depression can.
    assertThat(java.util.Arrays.stream(soft).min().orElseThrow()).isGreaterThan(0.0);
  }

  @Test
  void resetRestoresTheInitialWeightsOrKeepsTheLearnedOnes() {
    Network net = net(Precision.DOUBLE, StdpTest::song);
    StdpSong2000Projection s = (StdpSong2000Projection) net.projections().get(0);
    double[] initial = s.w.clone();
    try (DSRunner r = DSRunner.builder(net).input("N.input", 12.0).build()) {
      r.run(100);
      double[] learned = s.w.clone();
      assertThat(learned).isNotEqualTo(initial);
      r.reset();
      assertThat(s.w).isEqualTo(initial);
      r.run(100);
      assertThat(s.w).isEqualTo(learned); // the same run again, bit for bit
      r.resetKeeping("S.w");
      assertThat(s.w).isEqualTo(learned);
      assertThat(s.doubles("Apost")).isEqualTo(new double[40]); // traces restored
      org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> r.resetKeeping("S.weight"));
    }
  }
}
