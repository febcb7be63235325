package io.brainstem.mpi;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.sweep.Sweep;
import io.brainstem.sweep.SweepResult;
import io.brainstem.sweep.SweepTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps spread over ranks (threads of this JVM): each point runs on exactly one rank, and every
 * rank gets the table of the one-machine sweep, failures and column types included.
 */
class MpiSweepTest {
  /** Columns of every type the table prints, from the point's seed and values; point 4 fails. */
  private static final SweepTask<Map<String, Object>> TASK = point -> {
    if (point.index() == 4) {
      throw new IllegalArgumentException("point 4, with a comma, and a \"quote\"");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sum", point.get("a") + point.get("b") / 3.0);
    m.put("seed_bits", Long.bitCount(point.seed()));
    m.put("seed", point.seed() ^ 0x5555);
    m.put("ratio", (float) (point.get("a") / 7));
    m.put("label", "a=" + point.get("a") + ",b");
    return m;
  };

  private static Sweep sweep() {
    return Sweep.builder().grid("a", 1, 2, 3).grid("b", 0.5, 0.25, 0.125).seed(11).workers(2).build();
  }

  @Test
  void everyRankGetsTheOneMachineTable(@TempDir Path tmp) throws Exception {
    String single = withoutSeconds(sweep().run(TASK).writeCsv(tmp.resolve("single.csv")));
    assertThat(single).contains("failed");
    for (int ranks : new int[] {1, 2, 3, 4, 12}) {
      List<String> tables = ThreadRanks.run(ranks, comm -> {
        try {
          SweepResult<Map<String, Object>> all = MpiSweep.run(comm, sweep(), TASK);
          return withoutSeconds(all.writeCsv(tmp.resolve("k" + ranks + "-r" + comm.rank() + ".csv")));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      for (int r = 0; r < ranks; r++) {
        assertWithMessage("%s ranks, rank %s", ranks, r).that(tables.get(r)).isEqualTo(single);
      }
    }
  }

  @Test
  void eachPointRunsOnceOnTheRankOfItsIndexModuloTheRanks() {
    int[][] ranOn = new int[3][];
    ThreadRanks.run(3, comm -> {
      ranOn[comm.rank()] = sweep().share(comm.rank(), comm.size()).points().stream()
          .mapToInt(p -> p.index()).toArray();
      return null;
    });
    assertThat(ranOn[0]).isEqualTo(new int[] {0, 3, 6});
    assertThat(ranOn[1]).isEqualTo(new int[] {1, 4, 7});
    assertThat(ranOn[2]).isEqualTo(new int[] {2, 5, 8});
    assertThat(sweep().share(2, 3).points().get(1)).isEqualTo(sweep().points().get(5));
  }

  @Test
  void aFailureFromAnotherRankKeepsItsTextAndNamesTheRank() {
    List<SweepResult<Map<String, Object>>> results = ThreadRanks.run(2, comm -> {
      try {
        return MpiSweep.run(comm, sweep(), TASK);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    Throwable remote = results.get(1).failures().get(0).error(); // point 4 ran on rank 0
    assertThat(remote).isInstanceOf(PointFailedOnRank.class);
    assertThat(((PointFailedOnRank) remote).rank()).isEqualTo(0);
    assertThat(remote.toString()).isEqualTo(
        new IllegalArgumentException("point 4, with a comma, and a \"quote\"").toString());
    assertThat(remote.getMessage()).startsWith("on rank 0: ");
  }

  @Test
  void aShareOutsideTheRanksIsRefused() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> sweep().share(2, 2));
    assertThat(e).hasMessageThat().contains("0 <= rank < ranks");
  }

  /** The table without its last column, the points' wall times. */
  private static String withoutSeconds(Path csv) throws java.io.IOException {
    return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(',')))
        .collect(Collectors.joining("\n"));
  }
}
