package io.brainstem.mpi;

import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.monitors.Monitor;
import io.brainstem.runners.Runner;
import io.brainstem.sources.SpikeTimeGroup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scripted spikes through the exchange: steps with more spikes per rank than the fixed block holds
 * (the overflow collective, then a grown block), steps with few, steps with none.
 */
class SpikeExchangeTest {
  private static final int N = 300;
  private static final double DT = 0.1;

  /** Which neurons spike in each of the 6 steps. */
  private static boolean fires(int step, int i) {
    return switch (step) {
      case 0, 3 -> true; // every neuron: 100 per rank of 3, more than the first block's 64
      case 1 -> i % 97 == 5;
      case 4 -> i >= 250; // all on the last rank
      default -> false;
    };
  }

  @Test
  void everyRankSeesEverySpikeOfEveryStep() {
    for (int ranks : new int[] {2, 3}) {
      boolean[][] seen = ThreadRanks.run(ranks, comm -> {
        DistributedNetwork net = new DistributedNetwork(Partition.of(comm));
        Slice s = Partition.of(comm).slice(N);
        List<Double> times = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        for (int step = 0; step < 6; step++) {
          for (int i = s.from(); i < s.to(); i++) {
            if (fires(step, i)) {
              times.add(step * DT);
              idx.add(i - s.from());
            }
          }
        }
        net.addSlice(new SpikeTimeGroup("S", s.size(),
            times.stream().mapToDouble(Double::doubleValue).toArray(),
            idx.stream().mapToInt(Integer::intValue).toArray()), N);
        try (Runner run = MpiRunner.builder(net, comm).dt(DT).monitors(Monitor.of("S@all.spike")).build()) {
          run.run(6 * DT);
          return run.mon().spikes("S@all.spike");
        }
      }).get(ranks - 1); // the last rank sees them too
      for (int step = 0; step < 6; step++) {
        for (int i = 0; i < N; i++) {
          assertWithMessage("%s ranks, step %s, neuron %s", ranks, step, i)
              .that(seen[step][i]).isEqualTo(fires(step, i));
        }
      }
    }
  }
}
