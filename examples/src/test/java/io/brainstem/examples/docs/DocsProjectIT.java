package io.brainstem.examples.docs;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Builds and runs the user project of docs/writing-models.md exactly as written (pom, model, main
 * and command), in examples/target/user-project, against this build's Brainstem artifacts, and
 * checks that it prints the page's output with vector kernels for the user's model.
 *
 * <p>Runs in the integration-test phase: invoker:install has staged the reactor's artifacts in
 * examples/target/it-repo, the nested build's local repository. Everything else (plugins,
 * third-party jars) comes from the outer build's local repository, read as a file repository, or
 * else from Maven Central; the outer local repository is never written.
 */
class DocsProjectIT {
  private static final Path PROJECT = Path.of("target", "user-project");

  @Test
  void theDocumentedProjectBuildsRunsAndPrintsWhatThePageSays() throws Exception {
    Map<String, String> blocks = UserProjectDoc.blocks();
    deleteRecursively(PROJECT);
    for (Map.Entry<String, String> file : UserProjectDoc.files(blocks).entrySet()) {
      Path path = PROJECT.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
    Path settings = PROJECT.resolveSibling("user-project-settings.xml");
    Files.writeString(settings, settings(property("brainstem.cache.repo")));

    Result result = run(command(blocks.get(UserProjectDoc.COMMAND), settings));
    assertWithMessage("%s failed (exit %s) in %s%n--- stdout%n%s%n--- stderr%n%s", result.command,
        result.exitCode, PROJECT.toAbsolutePath(), result.stdout, result.stderr)
        .that(result.exitCode).isEqualTo(0);

    assertWithMessage("the javac option: the processor generated vector kernels for the model")
        .that(Files.exists(PROJECT.resolve(
            "target/generated-sources/annotations/com/example/LifGroupVector.java")))
        .isTrue();
    assertWithMessage("the java option: the model ran its vector kernels")
        .that(result.stdout).containsMatch("N: 100 Lif neurons, vector \\(\\d+ x double\\) kernels");
    assertThat(result.stderr).doesNotContain("Brainstem runs scalar kernels");
    assertWithMessage("what the project printed vs the output shown in docs/writing-models.md")
        .that(UserProjectDoc.normalized(result.stdout))
        .isEqualTo(UserProjectDoc.normalized(blocks.get(UserProjectDoc.OUTPUT)));
  }

  /** The page's command, with this build's Maven, a private local repository and settings. */
  private static List<String> command(String documented, Path settings) {
    List<String> words = new ArrayList<>(List.of(documented.strip().split("\\s+")));
    assertWithMessage("the page's command should be one mvn call: %s", documented)
        .that(words.get(0)).isEqualTo("mvn");
    words.set(0, Path.of(property("maven.home"), "bin", "mvn").toString());
    // Global settings: a user's own settings (a mirror, a proxy) still apply on top.
    words.add(1, "--global-settings=" + settings.toAbsolutePath());
    words.add(2, "-Dmaven.repo.local=" + Path.of(property("brainstem.it.repo")).toAbsolutePath());
    return words;
  }

  /**
   * The outer build's local repository as a read-only file repository, before Central, for
   * everything but Brainstem's snapshots (those are the staged ones).
   */
  private static String settings(String cacheRepo) {
    String url = Path.of(cacheRepo).toAbsolutePath().toUri().toString();
    String repository = "<id>outer-local-repository</id><url>" + url + "</url>"
        + "<releases><checksumPolicy>ignore</checksumPolicy></releases>"
        + "<snapshots><enabled>false</enabled></snapshots>";
    return "<settings><profiles><profile><id>outer-local-repository</id>"
        + "<repositories><repository>" + repository + "</repository></repositories>"
        + "<pluginRepositories><pluginRepository>" + repository
        + "</pluginRepository></pluginRepositories>"
        + "</profile></profiles>"
        + "<activeProfiles><activeProfile>outer-local-repository</activeProfile></activeProfiles>"
        + "</settings>\n";
  }

  private record Result(List<String> command, int exitCode, String stdout, String stderr) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Path out = PROJECT.resolveSibling("user-project.out");
    Path err = PROJECT.resolveSibling("user-project.err");
    ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    // The nested build, and the java that exec:exec starts, use this test's JDK.
    String javaHome = System.getProperty("java.home");
    builder.environment().put("JAVA_HOME", javaHome);
    builder.environment().put("PATH",
        Path.of(javaHome, "bin") + File.pathSeparator + System.getenv().getOrDefault("PATH", ""));
    Process process = builder.start();
    // A guard against a hung build, not a time limit on the result.
    if (!process.waitFor(15, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish in 15 minutes");
    }
    return new Result(command, process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assertWithMessage("system property %s (set by examples/pom.xml's integration-tests execution)",
        name).that(value).isNotNull();
    return value;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
