package io.brainstem.mpi;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * On JDK 22+ with Open MPI installed, the binding runs in this JVM as a singleton MPI world (one
 * rank, no mpirun): .ci/run runs it on Temurin 25. MPI initialises once per process, so this is
 * the module's only test that calls {@link Mpi#init()} there.
 */
class MpiBindingTest {
  @Test
  void aSingletonWorldGathersAndFinalizes() {
    assumeTrue(Runtime.version().feature() >= Mpi.MIN_JDK, "the binding needs JDK 22+ (this is "
        + Runtime.version().feature() + "); MpiTest checks the refusal");
    boolean installed;
    try {
      Mpi.library();
      installed = true;
    } catch (MpiUnavailableException e) {
      installed = false;
    }
    assumeTrue(installed, "Open MPI is not installed (apt-get install openmpi-bin libopenmpi-dev)");
    assumeTrue(!Mpi.launchedByMpirun(), "under mpirun the world may have more than one rank");
    Communicator comm = Mpi.init();
    assertThat(comm.rank()).isEqualTo(0);
    assertThat(comm.size()).isEqualTo(1);
    assertThat(Mpi.init()).isSameInstanceAs(comm); // initialised once per process
    int[] ints = new int[3];
    comm.allgather(new int[] {7, 8, 9}, 2, ints);
    assertThat(ints).asList().containsExactly(7, 8, 0).inOrder();
    long[] longs = new long[1];
    comm.allgather(new long[] {Long.MIN_VALUE + 5}, 1, longs);
    assertThat(longs[0]).isEqualTo(Long.MIN_VALUE + 5);
    int[] recv = new int[4];
    comm.allgatherv(new int[] {4, 5, 6}, 3, recv, new int[] {3}, new int[] {1});
    assertThat(recv).asList().containsExactly(0, 4, 5, 6).inOrder();
    double[] d = new double[2];
    comm.allgatherv(new double[] {0.5, -2}, 2, d, new int[] {2}, new int[] {0});
    assertThat(d[0]).isEqualTo(0.5);
    assertThat(d[1]).isEqualTo(-2.0);
    comm.barrier();
    double t0 = comm.wtime();
    assertThat(comm.wtime()).isAtLeast(t0);
    comm.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, comm::barrier);
    assertThat(e).hasMessageThat().contains("MPI was finalized");
    e = assertThrows(IllegalStateException.class, Mpi::init);
    assertThat(e).hasMessageThat().contains("cannot be initialised again");
  }
}
