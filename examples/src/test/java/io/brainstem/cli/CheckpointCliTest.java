package io.brainstem.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.checkpoint.CheckpointStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code brainstem run ... --checkpoint-every MS --checkpoint-dir C}, killed with SIGKILL, then
 * {@code brainstem resume C --out DIR}: monitors.npz equals, array for array, that of the
 * uninterrupted {@code brainstem run ... --out DIR}.
 */
class CheckpointCliTest {
  @TempDir Path dir;

  @Test
  void resumeFromAMidRunCheckpointWritesTheUninterruptedMonitors() throws IOException {
    Path plain = dir.resolve("plain");
    Path c = dir.resolve("c");
    Path resumed = dir.resolve("resumed");
    String[] run = {"run", "einet", "--scale", "0.1", "--duration", "100", "--monitor", "E.spike",
        "--monitor", "I.spike", "--monitor", "E.V[0:3]", "--format", "svg"};
    assertOk(BrainstemCliTest.run(concat(run, "--out", plain.toString())));
    assertOk(BrainstemCliTest.run(concat(run, "--checkpoint-every", "30", "--checkpoint-dir", c.toString())));
    assertThat(CheckpointStore.readManifest(c).step()).isEqualTo(900); // 90 ms: 10 ms left to run
    BrainstemCliTest.Result r = BrainstemCliTest.run("resume", c.toString(), "--out", resumed.toString());
    assertOk(r);
    assertThat(npz(resumed.resolve("monitors.npz"))).isEqualTo(npz(plain.resolve("monitors.npz")));
  }

  @Test
  void badUseIsExplained() {
    BrainstemCliTest.Result alone = BrainstemCliTest.run("run", "einet", "--checkpoint-every", "10");
    assertThat(alone.code()).isEqualTo(2);
    assertThat(alone.err()).contains("--checkpoint-every MS and --checkpoint-dir DIR go together");
    BrainstemCliTest.Result none = BrainstemCliTest.run("resume", dir.resolve("nothing").toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("no checkpoint in");
  }

  @Test
  void runKilledWithSigkillThenResumedWritesTheUninterruptedMonitors() throws Exception {
    Path plain = dir.resolve("plain");
    Path c = dir.resolve("c");
    Path resumed = dir.resolve("resumed");
    String[] run = {"run", "einet", "--scale", "0.25", "--duration", "2000", "--seed", "7",
        "--monitor", "E.spike", "--monitor", "I.spike", "--progress=false", "--format", "svg"};
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
        BrainstemCli.class.getName()));
    command.addAll(List.of(concat(run, "--checkpoint-every", "50", "--checkpoint-dir", c.toString())));
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (latestStep(c) < 2000) {
        assertWithMessage("the child ended early: " + log()).that(child.isAlive()).isTrue();
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(10);
      }
      Thread.sleep(System.nanoTime() % 41);
    } finally {
      child.destroyForcibly(); // SIGKILL on Linux
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(child.exitValue()).isEqualTo(137);
    long step = CheckpointStore.readManifest(c).step();
    assertThat(step).isLessThan(20_000L);

    assertOk(BrainstemCliTest.run(concat(run, "--out", plain.toString())));
    assertOk(BrainstemCliTest.run("resume", c.toString(), "--out", resumed.toString()));
    Map<String, byte[]> expected = npz(plain.resolve("monitors.npz"));
    assertThat(expected.keySet()).containsAtLeast("E.spike_times.npy", "E.spike_indices.npy");
    assertThat(npz(resumed.resolve("monitors.npz"))).isEqualTo(expected);
  }

  private String log() throws IOException {
    return Files.readString(dir.resolve("child.log"));
  }

  private static long latestStep(Path c) {
    if (!Files.exists(c.resolve(CheckpointStore.LATEST))) {
      return -1;
    }
    try {
      return CheckpointStore.readManifest(c).step();
    } catch (RuntimeException e) {
      return -1; // replaced while reading
    }
  }

  private static void assertOk(BrainstemCliTest.Result r) {
    assertWithMessage(r.err()).that(r.code()).isEqualTo(0);
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Every entry of an NPZ file, by name: its NPY bytes (zip timestamps aside). */
  static Map<String, byte[]> npz(Path file) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          out.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return new LinkedHashMap<>(out) {
      @Override
      public boolean equals(Object o) {
        if (!(o instanceof Map<?, ?> m) || !m.keySet().equals(keySet())) {
          return false;
        }
        return keySet().stream().allMatch(k -> java.util.Arrays.equals((byte[]) m.get(k), get(k)));
      }

      @Override
      public int hashCode() {
        return keySet().hashCode();
      }
    };
  }
}
