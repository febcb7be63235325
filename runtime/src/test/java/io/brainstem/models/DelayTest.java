package io.brainstem.models;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.All2All;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import io.brainstem.testing.Pacemaker;
import org.junit.jupiter.api.Test;

/** Homogeneous and per-synapse delays on generated projections (BrainPy's step semantics). */
class DelayTest {

  /** The first step in which each postsynaptic g is non-zero, for one pre spike in step 0. */
  private static int[] firstArrival(ExpCubaProjection syn, double dt) {
    Network net = new Network();
    net.add(syn.pre());
    net.add(syn.post());
    net.add(syn);
    DSRunner runner = DSRunner.builder(net).dt(dt).monitors("syn.g").build();
    runner.run(20 * dt);
    double[][] g = runner.mon().values("syn.g");
    int[] first = new int[syn.post().size()];
    java.util.Arrays.fill(first, -1);
    for (int k = 0; k < g.length; k++) {
      for (int j = 0; j < first.length; j++) {
        if (first[j] < 0 && g[k][j] != 0) {
          first[j] = k;
        }
      }
    }
    return first;
  }

  private static ExpCubaProjection oneToThree() {
    return new ExpCubaProjection("syn", new Pacemaker("pre", 1, 1_000_000),
        new LifGroup("post", 3), new All2All());
  }

  @Test
  void delayZeroDeliversLastStepsSpikes() {
    assertThat(firstArrival(oneToThree(), 0.1)).asList().containsExactly(1, 1, 1);
  }

  @Test
  void homogeneousDelayInStepsAndMs() {
    assertThat(firstArrival(oneToThree().delaySteps(3), 0.1)).asList().containsExactly(4, 4, 4);
    assertThat(firstArrival(oneToThree().delay(0.5), 0.1)).asList().containsExactly(6, 6, 6);
    ExpCubaProjection ms = oneToThree().delay(0.5);
    assertThat(ms.delaySteps()).isEqualTo(-1); // unknown until dt is
    firstArrival(ms, 0.25);
    assertThat(ms.delaySteps()).isEqualTo(2);
  }

  @Test
  void perSynapseDelaysDeliverEachPairAfterItsOwnDelay() {
    assertThat(firstArrival(oneToThree().delaySteps(new int[] {0, 2, 5}), 0.1))
        .asList().containsExactly(1, 3, 6).inOrder();
    assertThat(firstArrival(oneToThree().delay(new double[] {0.3, 0, 0.1}), 0.1))
        .asList().containsExactly(4, 1, 2).inOrder();
  }

  @Test
  void equalPerSynapseDelaysMatchTheHomogeneousDelayBitForBit() {
    double[][] results = new double[2][];
    for (int variant = 0; variant < 2; variant++) {
      Pacemaker pre = new Pacemaker("pre", 50, 13);
      LifGroup post = new LifGroup("post", 40);
      ExpCobaProjection syn = new ExpCobaProjection("syn", pre, post, new FixedProb(0.2, 3));
      if (variant == 0) {
        syn.delaySteps(4);
      } else {
        syn.delaySteps(new int[syn.synapseCount()]);
        int[] four = new int[syn.synapseCount()];
        java.util.Arrays.fill(four, 4);
        syn.delaySteps(four);
      }
      Network net = new Network();
      net.add(pre);
      net.add(post);
      net.add(syn);
      DSRunner runner = DSRunner.builder(net).monitors("syn.g").build();
      runner.run(30);
      double[][] g = runner.mon().values("syn.g");
      results[variant] = g[g.length - 1];
    }
    assertThat(results[0][0] + results[0][1]).isGreaterThan(0.0);
    assertThat(results[1]).usingExactEquality().containsExactly(results[0]).inOrder();
  }

  @Test
  void badDelaysAreRejectedWithTheFix() {
    IllegalArgumentException offGrid = assertThrows(IllegalArgumentException.class,
        () -> firstArrival(oneToThree().delay(0.25), 0.1));
    assertThat(offGrid).hasMessageThat().contains(
        "the delay of 0.25 ms is not a whole number of steps of dt = 0.1 ms; use 0.2 or 0.3");
    IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
        () -> oneToThree().delaySteps(new int[] {1, 2}));
    assertThat(length).hasMessageThat().contains("has 3 synapses, but 2 per-synapse delays");
    assertThrows(IllegalArgumentException.class, () -> oneToThree().delaySteps(-1));
  }
}
