package io.brainstem.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.checkpoint.CheckpointStore;
import io.brainstem.export.NpyReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mpirun -np K bin/brainstem run einet --mpi --out DIR} on a JDK 22+ (Temurin 25: JAVA25_HOME
 * or /usr/lib/jvm/temurin-25-jdk-amd64) writes the spike times and indices of the single-process
 * run, for K = 1, 2, 4; and ranks that disagree or die stop every rank with a message. Skipped,
 * saying why, without mpirun or a JDK 22+.
 */
class MpiRunIT {
  private static final Path SCRIPT = Path.of("..", "bin", "brainstem").toAbsolutePath().normalize();
  private static final String[] KEYS = {"E.spike_times", "E.spike_indices", "I.spike_times", "I.spike_indices"};
  private static Path jdk;

  private record Result(int exitCode, String stdout, String stderr) {}

  @BeforeAll
  static void findMpiAndJdk() throws Exception {
    Assumptions.assumeTrue(onPath("mpirun"),
        "mpirun is not installed (apt-get install openmpi-bin libopenmpi-dev)");
    String home = System.getenv("JAVA25_HOME");
    Path candidate = Path.of(home != null ? home : "/usr/lib/jvm/temurin-25-jdk-amd64");
    Assumptions.assumeTrue(Files.isExecutable(candidate.resolve("bin/java")),
        "no JDK 22+ for the MPI binding: set JAVA25_HOME (looked in " + candidate + ")");
    jdk = candidate;
  }

  @Test
  void oneTwoAndFourRanksWriteTheSingleProcessSpikes(@TempDir Path tmp) throws Exception {
    Path single = tmp.resolve("single");
    Result base = command(List.of(SCRIPT.toString(), "run", "einet", "--out", single.toString()));
    assertWithMessage(base.stderr).that(base.exitCode).isEqualTo(0);
    assertThat(NpyReader.read(single.resolve("monitors.npz"), "E.spike_times").length).isGreaterThan(1000);
    for (int ranks : new int[] {1, 2, 4}) {
      Path dir = tmp.resolve("np" + ranks);
      Result r = mpirun(ranks, List.of("run", "einet", "--mpi", "--out", dir.toString()));
      assertWithMessage("%s ranks: %s", ranks, r.stderr).that(r.exitCode).isEqualTo(0);
      assertThat(r.stdout).contains("MpiRunner");
      for (String key : KEYS) {
        assertWithMessage("%s ranks, %s", ranks, key)
            .that(NpyReader.read(dir.resolve("monitors.npz"), key))
            .isEqualTo(NpyReader.read(single.resolve("monitors.npz"), key));
      }
    }
  }

  @Test
  void gatheredValueMonitorsWriteTheSingleProcessNpzAtTwoRanks(@TempDir Path tmp) throws Exception {
    // E.V's columns come from both ranks, out of rank order; rank 0 owns none of I.V[700].
    List<String> args = List.of("einet", "--monitor", "E.spike", "--monitor", "E.V[1700,0:3]",
        "--monitor", "I.V[700]", "--monitor", "I.spike", "--every", "2", "--duration", "30");
    Path single = tmp.resolve("single");
    List<String> one = new ArrayList<>(List.of(SCRIPT.toString(), "run"));
    one.addAll(args);
    one.addAll(List.of("--out", single.toString()));
    Result base = command(one);
    assertWithMessage(base.stderr).that(base.exitCode).isEqualTo(0);
    List<String> mpi = new ArrayList<>(List.of("run"));
    mpi.addAll(args);
    mpi.addAll(List.of("--mpi", "--out", tmp.resolve("np2").toString()));
    Result r = mpirun(2, mpi);
    assertWithMessage(r.stderr).that(r.exitCode).isEqualTo(0);
    assertThat(NpyReader.read(single.resolve("monitors.npz"), "E.V[1700,0:3].indices"))
        .isEqualTo(new double[] {1700, 0, 1, 2});
    assertThat(Files.readAllBytes(tmp.resolve("np2/monitors.npz")))
        .isEqualTo(Files.readAllBytes(single.resolve("monitors.npz")));
  }

  @Test
  void aKilledTwoRankRunResumesFromItsCheckpointsAsTheUninterruptedRun(@TempDir Path tmp) throws Exception {
    Path ckpt = tmp.resolve("ckpt");
    List<String> cmd = new ArrayList<>(mpirunPrefix());
    cmd.addAll(List.of("-np", "2", SCRIPT.toString(), "run", "einet", "--mpi", "--duration", "1500",
        "--checkpoint-every", "300", "--checkpoint-dir", ckpt.toString(), "--out", tmp.resolve("killed").toString()));
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("killed.log").toFile());
    builder.environment().put("JAVA_HOME", jdk.toString());
    builder.environment().put("BRAINSTEM_JAVA_OPTS", "-Xmx1g");
    Process job = builder.start();
    // killed (kill -9, every rank) once both ranks have saved two checkpoints (300 and 600 ms)
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (CheckpointStore.steps(ckpt.resolve("rank-0")).size() < 2
        || CheckpointStore.steps(ckpt.resolve("rank-1")).size() < 2) {
      assertWithMessage("the job ended before its second checkpoint: %s", Files.readString(tmp.resolve("killed.log")))
          .that(job.isAlive()).isTrue();
      assertWithMessage("no checkpoint in 5 minutes").that(System.nanoTime() < deadline).isTrue();
      Thread.sleep(50);
    }
    job.descendants().forEach(ProcessHandle::destroyForcibly); // kill -9 every rank
    job.destroyForcibly();
    job.waitFor();
    // As if rank 0 had been killed while writing its newest checkpoint, one step behind rank 1
    // (unless the kill itself left them so): the ranks resume from the step both hold.
    var steps0 = CheckpointStore.steps(ckpt.resolve("rank-0"));
    if (steps0.lastKey().equals(CheckpointStore.steps(ckpt.resolve("rank-1")).lastKey())) {
      Path newest = steps0.lastEntry().getValue();
      Files.move(newest, newest.resolveSibling(".tmp-" + newest.getFileName() + "-killed"));
      Files.writeString(ckpt.resolve("rank-0/" + CheckpointStore.LATEST),
          steps0.lowerEntry(steps0.lastKey()).getValue().getFileName() + "\n");
    }
    assertThat(Files.exists(tmp.resolve("killed/monitors.npz"))).isFalse();
    assertThat(Files.readString(ckpt.resolve("mpi.json"))).contains("\"ranks\": 2");

    Result wrongCount = mpirun(1, List.of("resume", ckpt.toString(), "--out", tmp.resolve("np1").toString()));
    assertThat(wrongCount.exitCode).isNotEqualTo(0);
    assertThat(wrongCount.stderr).contains("was saved by 2 ranks and this job has 1");

    Result resumed = mpirun(2, List.of("resume", ckpt.toString(), "--out", tmp.resolve("resumed").toString()));
    assertWithMessage(resumed.stderr).that(resumed.exitCode).isEqualTo(0);
    Result whole = command(List.of(SCRIPT.toString(), "run", "einet", "--duration", "1500", "--out",
        tmp.resolve("whole").toString()));
    assertWithMessage(whole.stderr).that(whole.exitCode).isEqualTo(0);
    assertThat(Files.readAllBytes(tmp.resolve("resumed/monitors.npz")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("whole/monitors.npz")));
  }

  @Test
  void perRankMonitorsWriteEachRanksSlice(@TempDir Path tmp) throws Exception {
    Result r = mpirun(2, List.of("run", "einet", "--mpi", "--mpi-monitors", "rank",
        "--monitor", "E.spike", "--monitor", "E.V[0:3,1700]", "--duration", "20", "--out", tmp.toString()));
    assertWithMessage(r.stderr).that(r.exitCode).isEqualTo(0);
    assertThat(slice(tmp.resolve("rank-0/partition.json"), "E")).isEqualTo("[0,1600]");
    assertThat(slice(tmp.resolve("rank-1/partition.json"), "E")).isEqualTo("[1600,3200]");
    // Each rank records the requested neurons it owns, in its slice's indices (1700 is rank 1's 100).
    assertThat(NpyReader.read(tmp.resolve("rank-0/monitors.npz"), "E.V[0:3,1700].indices"))
        .isEqualTo(new double[] {0, 1, 2});
    assertThat(NpyReader.read(tmp.resolve("rank-1/monitors.npz"), "E.V[0:3,1700].indices"))
        .isEqualTo(new double[] {100});
  }

  @Test
  void aRankWithAnotherSeedStopsEveryRankNamingIt(@TempDir Path tmp) throws Exception {
    // MPMD: rank 1 builds with another seed.
    List<String> cmd = new ArrayList<>(mpirunPrefix());
    cmd.addAll(List.of("-np", "1", SCRIPT.toString(), "run", "einet", "--mpi", "--duration", "5", ":",
        "-np", "1", SCRIPT.toString(), "run", "einet", "--mpi", "--duration", "5", "--seed", "7"));
    Result r = command(cmd);
    assertThat(r.exitCode).isNotEqualTo(0);
    assertThat(r.stderr).contains("ranks [1] built a different network or dt than rank 0");
  }

  @Test
  void aRankThatStopsExchangingMakesTheOthersStopAfterTheTimeout(@TempDir Path tmp) throws Exception {
    // Rank 1 runs 50 steps, rank 0 waits for the 51st exchange until the watchdog aborts the job.
    List<String> cmd = new ArrayList<>(mpirunPrefix());
    cmd.addAll(List.of("-np", "1", SCRIPT.toString(), "run", "einet", "--mpi", "--duration", "10",
        "--mpi-timeout", "5", ":",
        "-np", "1", SCRIPT.toString(), "run", "einet", "--mpi", "--duration", "5", "--mpi-timeout", "5"));
    Result r = command(cmd);
    assertThat(r.exitCode).isNotEqualTo(0);
    assertThat(r.stderr).contains("rank 0 of 2 waited more than 5.0 s for the spike exchange of step 50");
  }

  @Test
  void aKilledRankStopsTheOthers(@TempDir Path tmp) throws Exception {
    // Rank 1 is killed (SIGKILL) 15 s into a run that lasts minutes even on a quiet machine (two
    // ranks step einet's 100 s in about 11 s here: the run must outlast the kill).
    List<String> cmd = new ArrayList<>(mpirunPrefix());
    cmd.addAll(List.of("-np", "1", SCRIPT.toString(), "run", "einet", "--mpi", "--duration", "2000000", ":",
        "-np", "1", "timeout", "-s", "KILL", "15", SCRIPT.toString(), "run", "einet", "--mpi",
        "--duration", "2000000"));
    Result r = command(cmd);
    assertThat(r.exitCode).isNotEqualTo(0);
    assertThat(r.stderr + r.stdout).containsMatch("rank 1|signal 9|Killed");
  }

  @Test
  void oneTwoAndFourRanksWriteTheOneMachineSweep(@TempDir Path tmp) throws Exception {
    List<String> sweep = List.of("sweep", "einet", "--param", "E.input=12,16,20", "--param",
        "E2I.g_max=0.3,0.6", "--duration", "40", "--monitor", "E.V[0:3]", "--workers", "1");
    Path single = tmp.resolve("single");
    List<String> one = new ArrayList<>(List.of(SCRIPT.toString()));
    one.addAll(sweep);
    one.addAll(List.of("--out", single.toString()));
    Result base = command(one);
    assertWithMessage(base.stderr).that(base.exitCode).isEqualTo(0);
    String table = withoutTimes(single.resolve("sweep.csv"));
    assertThat(table.lines().count()).isEqualTo(7);
    for (int ranks : new int[] {1, 2, 4}) {
      Path dir = tmp.resolve("np" + ranks);
      List<String> args = new ArrayList<>(sweep);
      args.addAll(List.of("--mpi", "--out", dir.toString()));
      Result r = mpirun(ranks, args);
      assertWithMessage("%s ranks: %s", ranks, r.stderr).that(r.exitCode).isEqualTo(0);
      assertWithMessage("%s ranks", ranks).that(withoutTimes(dir.resolve("sweep.csv"))).isEqualTo(table);
      assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"ranks\": " + ranks);
      for (int point = 0; point < 6; point++) {
        String npz = String.format("points/point-%04d.npz", point);
        assertWithMessage("%s ranks, %s", ranks, npz).that(Files.readAllBytes(dir.resolve(npz)))
            .isEqualTo(Files.readAllBytes(single.resolve(npz)));
      }
    }
  }

  /** A sweep table without its wall-time columns (loop_s, seconds), which no two runs share. */
  private static String withoutTimes(Path csv) throws IOException {
    List<String[]> rows = Files.readAllLines(csv).stream().map(l -> l.split(",", -1)).toList();
    List<String> header = List.of(rows.get(0));
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        if (!header.get(c).equals("loop_s") && !header.get(c).equals("seconds")) {
          out.append(row[c]).append(',');
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String slice(Path partitionJson, String group) throws IOException {
    return com.google.gson.JsonParser.parseString(Files.readString(partitionJson)).getAsJsonObject()
        .getAsJsonObject("slices").getAsJsonArray(group).toString();
  }

  private static List<String> mpirunPrefix() {
    return List.of("mpirun", "--allow-run-as-root", "--oversubscribe");
  }

  private static Result mpirun(int ranks, List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>(mpirunPrefix());
    cmd.addAll(List.of("-np", Integer.toString(ranks), SCRIPT.toString()));
    cmd.addAll(args);
    return command(cmd);
  }

  private static Result command(List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("brainstem-mpi", ".out");
    Path err = Files.createTempFile("brainstem-mpi", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().put("JAVA_HOME", jdk.toString());
      builder.environment().put("BRAINSTEM_JAVA_OPTS", "-Xmx1g");
      Process process = builder.start();
      // A guard against a hang, not a time limit on the result.
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish in 10 minutes: " + Files.readString(err));
      }
      return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.delete(out);
      Files.delete(err);
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
