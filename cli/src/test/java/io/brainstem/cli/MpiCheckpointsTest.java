package io.brainstem.cli;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.checkpoint.CheckpointStore;
import io.brainstem.mpi.ThreadRanks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job killed while its ranks were writing a checkpoint leaves some ranks one checkpoint ahead;
 * the ranks resume from the newest step all of them hold (two ranks as threads, no MPI needed).
 */
class MpiCheckpointsTest {
  @TempDir Path dir;

  private void checkpoint(int rank, long step) throws Exception {
    Path one = MpiCheckpoints.rankDir(dir, rank).resolve(String.format("step-%015d", step));
    Files.createDirectories(one);
    Files.writeString(one.resolve(CheckpointStore.MANIFEST), "{}");
  }

  @Test
  void ranksOneCheckpointApartResumeFromTheOlderStep() throws Exception {
    checkpoint(0, 3000);
    checkpoint(1, 3000);
    checkpoint(1, 6000); // rank 1 finished step 6000's checkpoint, rank 0 was killed writing it
    List<Path> chosen = ThreadRanks.run(2, comm -> MpiCheckpoints.commonCheckpoint(dir, comm));
    assertThat(chosen.get(0)).isEqualTo(MpiCheckpoints.rankDir(dir, 0).resolve("step-000000000003000"));
    assertThat(chosen.get(1)).isEqualTo(MpiCheckpoints.rankDir(dir, 1).resolve("step-000000000003000"));
  }

  @Test
  void ranksAtTheSameStepResumeFromIt() throws Exception {
    for (int r = 0; r < 2; r++) {
      checkpoint(r, 3000);
      checkpoint(r, 6000);
    }
    List<Path> chosen = ThreadRanks.run(2, comm -> MpiCheckpoints.commonCheckpoint(dir, comm));
    assertThat(chosen.get(1).getFileName().toString()).isEqualTo("step-000000000006000");
  }

  @Test
  void noCommonStepIsRefusedNamingEachRanksSteps() throws Exception {
    checkpoint(0, 3000);
    checkpoint(1, 9000);
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> ThreadRanks.run(2, comm -> MpiCheckpoints.commonCheckpoint(dir, comm)));
    assertThat(e).hasMessageThat().contains("rank 0: 3000, rank 1: 9000");
  }
}
