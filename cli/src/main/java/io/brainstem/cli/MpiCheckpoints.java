package io.brainstem.cli;

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
 * that a resume with another number of ranks is refused rather than misread.
 */
final class MpiCheckpoints {
  /** The manifest of an MPI checkpoint directory. */
  static final String MANIFEST = "mpi.json";
  private static final Pattern RANKS = Pattern.compile("\"ranks\"\\s*:\\s*(\\d+)");

  private MpiCheckpoints() {}

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
