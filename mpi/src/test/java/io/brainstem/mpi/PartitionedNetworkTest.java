package io.brainstem.mpi;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.math.Rng;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.monitors.Monitor;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.Runner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An E/I network split over 1..4 ranks (threads of this JVM) spikes exactly as the whole network in
 * one process: the partitioned connectivity, initial states and spike exchange together.
 */
class PartitionedNetworkTest {
  private static final int NE = 401;
  private static final int NI = 99;
  private static final double P = 0.08;
  private static final double MS = 60;

  @Test
  void oneToFourRanksSpikeAsOneProcess() {
    boolean[][][] whole = runWhole(42);
    assertThat(count(whole[0])).isGreaterThan(50); // the test means something only if E spikes
    for (int ranks = 1; ranks <= 4; ranks++) {
      List<boolean[][][]> results = ThreadRanks.run(ranks, comm -> runRank(comm, 42, 1));
      boolean[][][] gathered = results.get(0);
      for (int g = 0; g < 2; g++) {
        for (int k = 0; k < whole[g].length; k++) {
          assertWithMessage("%s ranks, group %s, step %s", ranks, g, k)
              .that(gathered[g][k]).isEqualTo(whole[g][k]);
        }
      }
    }
  }

  @Test
  void threadsInsideRanksGiveTheSameSpikes() {
    boolean[][][] whole = runWhole(7);
    boolean[][][] gathered = ThreadRanks.run(2, comm -> runRank(comm, 7, 2)).get(0);
    assertThat(gathered[0]).isEqualTo(whole[0]);
    assertThat(gathered[1]).isEqualTo(whole[1]);
  }

  @Test
  void aRankWithAnotherSeedIsDetectedAtTheFirstExchange() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ThreadRanks.run(3, comm -> runRank(comm, comm.rank() == 2 ? 43 : 42, 1)));
    assertThat(e).hasMessageThat().contains("ranks [2] built a different network or dt than rank 0");
  }

  @Test
  void aRankThatFailsStopsTheOthers() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ThreadRanks.run(3, comm -> {
          DistributedNetwork net = build(Partition.of(comm), 42);
          try (MpiRunner run = MpiRunner.builder(net, comm).input("E.input", 20.).input("I.input", 20.)
              .build()) {
            run.run(2);
            if (comm.rank() == 1) {
              throw new IllegalStateException("rank 1 died");
            }
            run.run(2); // ranks 0 and 2 wait for rank 1 in the exchange
          }
          return 0;
        }));
    assertThat(e).hasMessageThat().isEqualTo("rank 1 died");
  }

  @Test
  void aGroupMustBeTheRanksSlice() {
    DistributedNetwork net = new DistributedNetwork(new Partition(1, 2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> net.addSlice(new LifGroup("E", 10), 25));
    assertThat(e).hasMessageThat().contains("rank 1 of 2 owns 12 of 25 (neurons 13..24)");
  }

  @Test
  void slicesCoverTheGroupInRankOrder() {
    int next = 0;
    for (int r = 0; r < 4; r++) {
      Slice s = new Partition(r, 4).slice(10);
      assertThat(s.from()).isEqualTo(next);
      assertThat(s.size()).isEqualTo(r < 2 ? 3 : 2);
      next = s.to();
    }
    assertThat(next).isEqualTo(10);
    assertThrows(IllegalArgumentException.class, () -> new Partition(0, 4).slice(3));
  }

  @Test
  void gatheredMonitorsEqualTheOneProcessRecords() {
    // Rank 0 owns none of E.V[400] and I.V[98] at 2..4 ranks; columns out of rank order; decimated.
    List<Monitor> given = List.of(Monitor.of("E.V", 400, 0, 1, 200), Monitor.of("E.spike"),
        Monitor.of("I.V", 98).every(3), Monitor.of("I.V").named("I.V.all"), Monitor.of("I.spike", 3, 1));
    MonitorResults whole;
    try (DSRunner run = DSRunner.builder(wholeNetwork(42)).monitors(given.toArray(new Monitor[0]))
        .input("E.input", 20.).input("I.input", 20.).build()) {
      run.run(MS);
      whole = run.mon();
    }
    for (int ranks = 1; ranks <= 4; ranks++) {
      MonitorResults gathered = ThreadRanks.run(ranks, comm -> {
        DistributedNetwork net = build(Partition.of(comm), 42);
        MonitorGather gather = new MonitorGather(net, comm, given);
        try (Runner run = MpiRunner.builder(net, comm).monitors(gather.recorded().toArray(new Monitor[0]))
            .input("E.input", 20.).input("I.input", 20.).build()) {
          run.run(MS);
          gather.gather(run.mon());
          return run.mon();
        }
      }).get(0);
      assertWithMessage("%s ranks", ranks).that(gathered.names()).isEqualTo(whole.names());
      for (String name : whole.names()) {
        assertWithMessage("%s ranks, %s", ranks, name).that(gathered.indices(name)).isEqualTo(whole.indices(name));
        assertWithMessage("%s ranks, %s", ranks, name).that(gathered.times(name)).isEqualTo(whole.times(name));
        if (whole.isSpike(name)) {
          assertWithMessage("%s ranks, %s", ranks, name).that(gathered.spikes(name)).isEqualTo(whole.spikes(name));
        } else {
          assertWithMessage("%s ranks, %s", ranks, name).that(gathered.values(name)).isEqualTo(whole.values(name));
        }
      }
    }
  }

  @Test
  void aProjectionMonitorCannotBeGathered() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ThreadRanks.run(1,
        comm -> new MonitorGather(build(Partition.of(comm), 42), comm, List.of(Monitor.of("E2I.g")))));
    assertThat(e).hasMessageThat().contains("E2I.g is not one");
  }

  private static boolean[][][] runWhole(long seed) {
    try (DSRunner run = DSRunner.builder(wholeNetwork(seed)).monitors("E.spike", "I.spike")
        .input("E.input", 20.).input("I.input", 20.).build()) {
      run.run(MS);
      return new boolean[][][] {run.mon().spikes("E.spike"), run.mon().spikes("I.spike")};
    }
  }

  private static Network wholeNetwork(long seed) {
    Network net = new Network();
    LifGroup e = net.add(lif("E", NE));
    LifGroup i = net.add(lif("I", NI));
    Rng rng = new Rng(seed);
    rng.fillNormal(e.V, -55., 2.);
    rng.fillNormal(i.V, -55., 2.);
    net.add(exp("E2E", e, e, new FixedProb(P, seed + 1)).E(0.).g_max(0.6).tau(5.));
    net.add(exp("E2I", e, i, new FixedProb(P, seed + 2)).E(0.).g_max(0.6).tau(5.));
    net.add(exp("I2E", i, e, new FixedProb(P, seed + 3)).E(-80.).g_max(6.7).tau(10.));
    net.add(exp("I2I", i, i, new FixedProb(P, seed + 4)).E(-80.).g_max(6.7).tau(10.));
    return net;
  }

  /** The same network as {@link #runWhole}, this rank's part; rank 0 returns every spike. */
  private static boolean[][][] runRank(Communicator comm, long seed, int threads) {
    DistributedNetwork net = build(Partition.of(comm), seed);
    try (Runner run = MpiRunner.builder(net, comm).threads(threads)
        .monitors(Monitor.of("E@all.spike"), Monitor.of("I@all.spike"))
        .input("E.input", 20.).input("I.input", 20.).build()) {
      run.run(MS);
      return new boolean[][][] {run.mon().spikes("E@all.spike"), run.mon().spikes("I@all.spike")};
    }
  }

  private static DistributedNetwork build(Partition part, long seed) {
    DistributedNetwork net = new DistributedNetwork(part);
    LifGroup e = net.addSlice(lif("E", net.sliceSize(NE)), NE);
    LifGroup i = net.addSlice(lif("I", net.sliceSize(NI)), NI);
    Rng rng = new Rng(seed);
    double[] ve = new double[NE];
    double[] vi = new double[NI];
    rng.fillNormal(ve, -55., 2.);
    rng.fillNormal(vi, -55., 2.);
    net.setSlice(e.variable("V"), ve);
    net.setSlice(i.variable("V"), vi);
    net.add(exp("E2E", net.all(e), e, net.onto(e, new FixedProb(P, seed + 1))).E(0.).g_max(0.6).tau(5.));
    net.add(exp("E2I", net.all(e), i, net.onto(i, new FixedProb(P, seed + 2))).E(0.).g_max(0.6).tau(5.));
    net.add(exp("I2E", net.all(i), e, net.onto(e, new FixedProb(P, seed + 3))).E(-80.).g_max(6.7).tau(10.));
    net.add(exp("I2I", net.all(i), i, net.onto(i, new FixedProb(P, seed + 4))).E(-80.).g_max(6.7).tau(10.));
    return net;
  }

  private static LifGroup lif(String name, int size) {
    return new LifGroup(name, size).V_rest(-60.).V_th(-50.).V_reset(-60.).tau(20.).tau_ref(5.);
  }

  private static ExpCobaProjection exp(String name, NeuronGroup pre, NeuronGroup post, io.brainstem.connectivity.Connector c) {
    return new ExpCobaProjection(name, pre, post, c);
  }

  private static int count(boolean[][] s) {
    int n = 0;
    for (boolean[] row : s) {
      for (boolean b : row) {
        n += b ? 1 : 0;
      }
    }
    return n;
  }
}
