package io.brainstem.checkpoint;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.network.Precision;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.Runner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keepCheckpoints(n)} keeps the n newest checkpoints, and a run resumed from an older one (its
 * {@code step-<n>} directory) ends as the uninterrupted run: what MPI ranks rely on after a job died
 * while they were writing a checkpoint.
 */
class KeptCheckpointsTest {
  @TempDir Path dir;

  private static Runner build(Path checkpoints, int keep, Path resume) {
    DSRunner.Builder b = CheckpointResumeTest.setUp(DSRunner.builder(CheckpointResumeTest.network(Precision.DOUBLE)),
        1, checkpoints, resume);
    if (checkpoints != null) {
      b.keepCheckpoints(keep);
    }
    return b.build();
  }

  @Test
  void keepsTheNewestCheckpointsAndResumesFromAnOlderOne() {
    Runner plain = build(null, 1, null);
    plain.run(100);
    plain.close();

    Path c = dir.resolve("c");
    Runner saving = build(c, 2, null);
    saving.run(100); // checkpoints at 30, 60 and 90 ms; 60 and 90 are kept
    saving.close();
    assertThat(CheckpointStore.steps(c).keySet()).containsExactly(600L, 900L).inOrder();
    assertThat(CheckpointStore.readManifest(c).step()).isEqualTo(900);

    Runner resumed = build(null, 1, CheckpointStore.steps(c).get(600L));
    assertThat(resumed.step()).isEqualTo(600);
    resumed.finishRun();
    resumed.close();
    CheckpointResumeTest.assertSameRecords(plain.mon(), resumed.mon());
    CheckpointResumeTest.assertSameState(plain.network(), resumed.network());
  }

  @Test
  void keepingOneLeavesOnlyTheLatest() throws Exception {
    Path c = dir.resolve("one");
    Runner saving = build(c, 1, null);
    saving.run(100);
    saving.close();
    assertThat(CheckpointStore.steps(c).keySet()).containsExactly(900L);
    try (var s = Files.list(c)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
          .isEqualTo(List.of("LATEST", "step-000000000000900"));
    }
  }

  @Test
  void keepingNoneIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(CheckpointResumeTest.network(Precision.DOUBLE)).keepCheckpoints(0));
    assertThat(e).hasMessageThat().contains("keepCheckpoints needs at least 1");
  }

  @Test
  void anEmptyOrMissingDirectoryHasNoSteps() {
    assertThat(CheckpointStore.steps(dir.resolve("none"))).isEmpty();
    assertThat(CheckpointStore.steps(dir)).isEmpty();
  }
}
