package io.brainstem.cli;

import io.brainstem.checkpoint.CheckpointStore;
import io.brainstem.mpi.Communicator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkpoints of {@code run --mpi}: each rank saves its slice into {@code DIR/rank-K/} (an
 * ordinary checkpoint directory), and rank 0 writes {@code DIR/mpi.json} naming the rank count, so
 * that a resume with another number of ranks is refused rather than misread. Each rank keeps its
 * {@value #KEEP} newest checkpoints: a job killed while its ranks were writing one leaves some ranks a
 * checkpoint ahead, and a resume goes on from the newest step every rank holds.
 */
final class MpiCheckpoints {
  /** The manifest of an MPI checkpoint directory. */
  static final String MANIFEST = "mpi.json";
  private static final Pattern RANKS = Pattern.compile("\"ranks\"\\s*:\\s*(\\d+)");

  /**
   * Checkpoints each rank keeps. Two suffice: the ranks exchange spikes every step, so no rank can
   * start a checkpoint before every other has finished the one before.
   */
  static final int KEEP = 2;

  private MpiCheckpoints() {}

  /**
   * The checkpoint of this rank to resume from: the newest step that every rank of {@code comm}
   * holds complete in {@code dir} (collective: every rank calls it).
   *
   * @throws IllegalStateException naming the ranks' steps when no step is common to all
   */
  static Path commonCheckpoint(Path dir, Communicator comm) {
    java.util.NavigableMap<Long, Path> mine = CheckpointStore.steps(rankDir(dir, comm.rank()));
    long[] send = new long[KEEP];
    java.util.Arrays.fill(send, -1);
    int i = 0;
    for (long step : mine.descendingKeySet()) {
      if (i == KEEP) {
        break;
      }
      send[i++] = step;
    }
    long[] all = new long[KEEP * comm.size()];
    comm.allgather(send, KEEP, all);
    long common = Long.MAX_VALUE;
    for (int r = 0; r < comm.size(); r++) {
      common = Math.min(common, all[r * KEEP]); // each rank's newest
    }
    for (int r = 0; r < comm.size(); r++) {
      boolean has = false;
      for (int k = 0; k < KEEP; k++) {
        has |= common >= 0 && all[r * KEEP + k] == common;
      }
      if (!has) {
        throw new IllegalStateException("no checkpoint step is held by every rank in " + dir + " (steps per rank, "
            + "newest first: " + stepsPerRank(all, comm.size()) + "); resume needs each rank's "
            + "rank-K directory as the job left it");
      }
    }
    return mine.get(common);
  }

  private static String stepsPerRank(long[] all, int ranks) {
    StringBuilder b = new StringBuilder();
    for (int r = 0; r < ranks; r++) {
      b.append(r == 0 ? "" : ", ").append("rank ").append(r).append(':');
      for (int k = 0; k < KEEP; k++) {
        if (all[r * KEEP + k] >= 0) {
          b.append(' ').append(all[r * KEEP + k]);
        }
      }
    }
    return b.toString();
  }

  /** Where rank {@code rank} keeps its checkpoints. */
  static Path rankDir(Path dir, int rank) {
    return dir.resolve("rank-" + rank);
  }

  /** Whether {@code dir} holds the checkpoints of a distributed run. */
  static boolean isDistributed(Path dir) {
    return Files.isRegularFile(dir.resolve(MANIFEST));
  }

  /** Writes {@code dir/mpi.json} (rank 0 only), beside itself and renamed into place. */
  static void writeManifest(Path dir, int ranks) throws IOException {
    Files.createDirectories(dir);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", 1);
    m.put("ranks", ranks);
    m.put("layout", "rank-K/ holds rank K's checkpoint of its slice of every group");
    Path tmp = Files.createTempFile(dir, MANIFEST, ".tmp");
    Files.writeString(tmp, Json.write(m));
    Files.move(tmp, dir.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The rank count {@code dir/mpi.json} names.
   *
   * @throws IllegalArgumentException when {@code dir} holds no MPI checkpoint, or it was saved by
   *     another number of ranks than {@code ranks}, saying how to resume it
   */
  static void checkRanks(Path dir, int ranks) throws IOException {
    if (!isDistributed(dir)) {
      throw new IllegalArgumentException("--mpi cannot resume " + dir + ": it has no " + MANIFEST
          + ", so it was not saved by 'run --mpi'; resume it without mpirun and --mpi");
    }
    Matcher m = RANKS.matcher(Files.readString(dir.resolve(MANIFEST)));
    if (!m.find()) {
      throw new IllegalArgumentException(dir.resolve(MANIFEST) + " names no rank count; it is damaged");
    }
    int saved = Integer.parseInt(m.group(1));
    if (saved != ranks) {
      throw new IllegalArgumentException("checkpoint " + dir + " was saved by " + saved + " ranks and this "
          + "job has " + ranks + "; each rank saved its own slice, so resume it with the same count: "
          + "mpirun -np " + saved + " brainstem resume " + dir);
    }
  }
}
