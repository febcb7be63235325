package io.brainstem.bench;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.monitors.Monitor;
import io.brainstem.mpi.MpiRunner;
import io.brainstem.mpi.Partition;
import io.brainstem.mpi.ThreadRanks;
import io.brainstem.network.Precision;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.Runner;
import org.junit.jupiter.api.Test;

/** COBA split over 1, 2 and 4 ranks (threads) spikes as the whole COBA in one process. */
class CobaPartTest {
  private static final int N = 2000;
  private static final double K = 80;
  private static final double MS = 50;

  @Test
  void ranksSpikeAsOneProcess() {
    BenchNetworks.Bench whole = BenchNetworks.build("coba", N, K, 1);
    boolean[][] e;
    boolean[][] i;
    try (DSRunner run = DSRunner.builder(whole.network()).dt(BenchNetworks.DT)
        .monitors("E.spike", "I.spike").build()) {
      run.run(MS);
      e = run.mon().spikes("E.spike");
      i = run.mon().spikes("I.spike");
    }
    assertThat(run(e)).isGreaterThan(20);
    for (int ranks : new int[] {1, 2, 4}) {
      boolean[][][] got = ThreadRanks.run(ranks, comm -> {
        try (Runner run = MpiRunner.builder(
                BenchNetworks.cobaPart(N, K, 1, Precision.DOUBLE, Partition.of(comm)), comm)
            .dt(BenchNetworks.DT)
            .monitors(Monitor.of("E@all.spike"), Monitor.of("I@all.spike")).build()) {
          run.run(MS);
          return new boolean[][][] {run.mon().spikes("E@all.spike"), run.mon().spikes("I@all.spike")};
        }
      }).get(0);
      assertWithMessage("%s ranks, E", ranks).that(got[0]).isEqualTo(e);
      assertWithMessage("%s ranks, I", ranks).that(got[1]).isEqualTo(i);
    }
  }

  private static int run(boolean[][] s) {
    int n = 0;
    for (boolean[] row : s) {
      for (boolean b : row) {
        n += b ? 1 : 0;
      }
    }
    return n;
  }
}
