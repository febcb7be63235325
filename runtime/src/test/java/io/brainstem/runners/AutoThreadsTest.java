package io.brainstem.runners;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.network.Network;
import org.junit.jupiter.api.Test;

/** Without threads(n), a runner takes min(cores, work / WORK_PER_THREAD) threads, at least 1. */
class AutoThreadsTest {

  /** n neurons in one group, with a projection onto itself of about n × fanIn synapses. */
  private static Network network(int n, double fanIn) {
    Network net = new Network();
    LifGroup g = net.add(new LifGroup("E", n));
    net.add(new ExpCobaProjection(g, g, new FixedProb(fanIn / n, 1)));
    return net;
  }

  @Test
  void workCountsNeuronsPostsynapticElementsAndAThousandthOfTheSynapses() {
    Network net = network(2000, 100);
    long synapses = net.projections().get(0).synapseCount();
    assertThat(AutoThreads.work(net)).isEqualTo(2000 + 2000 + synapses / 1000);
  }

  @Test
  void aSmallNetworkStaysOnOneThreadWhateverTheCores() {
    Network net = network(4000, 10); // work 8 040
    assertThat(AutoThreads.of(net, 1)).isEqualTo(1);
    assertThat(AutoThreads.of(net, 64)).isEqualTo(1);
  }

  @Test
  void aLargeNetworkTakesOneThreadPerWorkPerThreadUpToTheCores() {
    Network net = network(75_000, 2); // work 150 000 + 150
    assertThat(AutoThreads.work(net) / AutoThreads.WORK_PER_THREAD).isEqualTo(5);
    assertThat(AutoThreads.of(net, 2)).isEqualTo(2);
    assertThat(AutoThreads.of(net, 8)).isEqualTo(5);
    assertThat(AutoThreads.of(net, 1)).isEqualTo(1);
  }

  @Test
  void theRunnerUsesTheAutomaticCountUnlessThreadsIsSet() {
    int cores = Runtime.getRuntime().availableProcessors();
    Network big = network(75_000, 2);
    try (DSRunner runner = DSRunner.builder(big).build()) {
      assertThat(runner.threads()).isEqualTo(Math.min(cores, 5));
    }
    try (DSRunner runner = DSRunner.builder(big).threads(1).build()) {
      assertThat(runner.threads()).isEqualTo(1);
    }
    try (DSRunner runner = DSRunner.builder(network(1000, 10)).build()) {
      assertThat(runner.threads()).isEqualTo(1);
    }
  }

  @Test
  void coresBelowOneAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AutoThreads.of(network(100, 5), 0));
    assertThat(e).hasMessageThat().contains("cores must be at least 1, got 0");
  }
}
