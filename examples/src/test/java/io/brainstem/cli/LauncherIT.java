package io.brainstem.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * bin/brainstem, the README's way to get a {@code brainstem} command, runs this build's CLI with
 * vector kernels with plain java. Runs after package, when examples/target/cli.classpath exists, so the script
 * starts the CLI without building.
 */
class LauncherIT {
  private static final Path SCRIPT = Path.of("..", "bin", "brainstem").toAbsolutePath().normalize();

  private record Result(int exitCode, String stdout, String stderr) {}

  @Test
  void versionIsThisBuilds() throws Exception {
    Result r = run("--version");
    assertWithMessage(r.stderr).that(r.exitCode).isEqualTo(0);
    assertThat(r.stdout).startsWith("brainstem " + System.getProperty("brainstem.version") + "\n");
  }

  @Test
  void runsANetworkWithVectorKernels() throws Exception {
    Result r = run("run", "adaptation", "--duration", "100");
    assertWithMessage(r.stderr).that(r.exitCode).isEqualTo(0);
    assertThat(r.stdout).containsMatch("N +1 neurons +4 spikes +40.00 Hz");
    assertThat(r.stderr).doesNotContain("scalar kernels");
    assertThat(r.stderr).doesNotContain("building");
  }

  /**
   * {@code --json} pipes into a JSON parser as it is: nothing but the summary reaches stdout (the
   * JVM's incubator warning and any progress go to stderr).
   */
  @Test
  void jsonOutputPipesIntoAParser() throws Exception {
    Assumptions.assumeTrue(NumpyCheck.pythonAvailable(), "python3 is not installed");
    String pipeline = "\"$0\" run adaptation --duration 100 --json | python3 -c '"
        + "import json, sys; d = json.load(sys.stdin); print(d[\"network\"], d[\"spikes\"][\"N\"][\"spikes\"])'";
    Result r = runCommand(List.of("sh", "-c", pipeline, SCRIPT.toString()));
    assertWithMessage(r.stderr).that(r.exitCode).isEqualTo(0);
    assertThat(r.stdout).isEqualTo("adaptation 4\n");
  }

  /**
   * The first run writes a CDS archive (other commands do not: they load few of a run's classes),
   * later calls map it (-Xshare:on fails when they cannot), and the archive's notes never reach
   * stdout; BRAINSTEM_CDS=0 writes none.
   */
  @Test
  void theFirstRunWritesAClassDataArchiveThatLaterCallsMap() throws Exception {
    Path cds = SCRIPT.getParent().getParent().resolve("examples/target/cds");
    deleteTree(cds);
    String[] command = {"run", "adaptation", "--duration", "20"};
    Result off = run(java.util.Map.of("BRAINSTEM_CDS", "0"), command);
    assertWithMessage(off.stderr).that(off.exitCode).isEqualTo(0);
    assertThat(Files.exists(cds)).isFalse();
    Result version = run(java.util.Map.of(), "--version");
    assertWithMessage(version.stderr).that(version.exitCode).isEqualTo(0);
    assertThat(Files.exists(cds)).isFalse();

    Result first = run(java.util.Map.of(), command);
    assertWithMessage(first.stderr).that(first.exitCode).isEqualTo(0);
    // nothing of the archive's on stdout: the same lines but the timings
    assertThat(withoutTimes(first.stdout)).isEqualTo(withoutTimes(off.stdout));
    try (var files = Files.list(cds)) {
      assertThat(files.map(f -> f.getFileName().toString()).toList()).hasSize(1);
    }
    Result mapped = run(java.util.Map.of("BRAINSTEM_JAVA_OPTS", "-Xshare:on"), command);
    assertWithMessage(mapped.stderr).that(mapped.exitCode).isEqualTo(0);
    assertThat(withoutTimes(mapped.stdout)).isEqualTo(withoutTimes(first.stdout));
  }

  /** {@code stdout} with every number of seconds replaced by "T". */
  private static String withoutTimes(String stdout) {
    return stdout.replaceAll("[0-9.]+ s\\b", "T");
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Test
  void anUnknownNetworkIsAnErrorExit() throws Exception {
    Result r = run("run", "nosuchnet");
    assertThat(r.exitCode).isNotEqualTo(0);
    assertThat(r.stderr).contains("nosuchnet");
  }

  private static Result run(String... args) throws IOException, InterruptedException {
    return run(java.util.Map.of(), args);
  }

  private static Result run(java.util.Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return runCommand(concat(List.of(SCRIPT.toString()), List.of(args)), env);
  }

  private static Result runCommand(List<String> command) throws IOException, InterruptedException {
    return runCommand(command, java.util.Map.of());
  }

  private static Result runCommand(List<String> command, java.util.Map<String, String> env)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("brainstem", ".out");
    Path err = Files.createTempFile("brainstem", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().putAll(env);
      Process process = builder.start();
      // A guard against a hang, not a time limit on the result.
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(SCRIPT + " did not finish in 5 minutes");
      }
      return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.delete(out);
      Files.delete(err);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
