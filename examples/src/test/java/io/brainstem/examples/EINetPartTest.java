package io.brainstem.examples;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.annotations.Integrator;
import io.brainstem.cli.NetworkOptions;
import io.brainstem.monitors.Monitor;
import io.brainstem.mpi.MpiRunner;
import io.brainstem.mpi.Partition;
import io.brainstem.mpi.ThreadRanks;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.Runner;
import org.junit.jupiter.api.Test;

/** The CLI's einet split over 3 ranks (threads; MpiRunIT does it with mpirun) spikes as EINet. */
class EINetPartTest {
  @Test
  void threeRanksSpikeAsTheWholeEINet() {
    boolean[][] whole;
    try (DSRunner run = DSRunner.builder(new EINet()).monitors("E.spike")
        .input("E.input", 20.).input("I.input", 20.).build()) {
      run.run(30);
      whole = run.mon().spikes("E.spike");
    }
    NetworkOptions o = new NetworkOptions(42, Integrator.EXP_AUTO, 1);
    boolean[][] split = ThreadRanks.run(3, comm -> {
      try (Runner run = MpiRunner.builder(ExampleCatalog.einetPart(o, Partition.of(comm)), comm)
          .monitors(Monitor.of("E@all.spike")).input("E.input", 20.).input("I.input", 20.).build()) {
        run.run(30);
        return run.mon().spikes("E@all.spike");
      }
    }).get(0);
    assertThat(split).isEqualTo(whole);
  }
}
