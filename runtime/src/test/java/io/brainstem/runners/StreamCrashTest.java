package io.brainstem.runners;

import static com.google.common.truth.Truth.assertThat;
import static io.brainstem.runners.StreamToDiskTest.assertSameRecords;
import static io.brainstem.runners.StreamToDiskTest.einet;
import static io.brainstem.runners.StreamToDiskTest.header;
import static io.brainstem.runners.StreamToDiskTest.monitored;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.brainstem.export.NpyDirectory;
import io.brainstem.monitors.MonitorResults;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM streams every kind of monitor and is killed with SIGKILL mid-run
 * ({@code Process.destroyForcibly} on Linux): numpy loads every file it left, the directory reads
 * back, and after {@link NpyDirectory#recover} every file ends at the same step, with exactly the
 * records an in-memory run of that many steps makes.
 */
class StreamCrashTest {
  private static final String PYTHON = "/usr/bin/python3";
  private static final Pattern ROWS = Pattern.compile("'shape': \\((\\d+),");
  @TempDir Path dir;

  /** The child: streams to {@code args[0]} until it is killed. */
  public static void main(String[] args) {
    DSRunner runner = monitored(DSRunner.builder(einet())).streamTo(Path.of(args[0]))
        .streamBuffer(1 << 14).streamFlushEvery(5.).build();
    System.out.println("streaming");
    System.out.flush();
    runner.run(1e7); // 10^8 steps: killed long before the end
    System.out.println("finished");
  }

  @Test
  void killedMidRunEveryFileLoadsAndEndsAtTheSameStep() throws Exception {
    assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no " + PYTHON);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "--add-modules", "jdk.incubator.vector", "-cp",
        System.getProperty("java.class.path"), StreamCrashTest.class.getName(), dir.toString())
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.equals("streaming")) {
        // JVM warnings (the incubator module) come first
      }
      assertThat(line).isEqualTo("streaming");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (rows(dir.resolve("ts.npy")) < 20_000) { // 2 s of network time committed
        assertThat(child.isAlive()).isTrue();
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(20);
      }
      // another process holds the directory: refused, naming it
      IllegalStateException refused = assertThrows(IllegalStateException.class,
          () -> DSRunner.builder(einet()).monitors("E.V").streamTo(dir).build());
      assertThat(refused).hasMessageThat().contains("another runner is writing there (pid " + child.pid() + " on ");
      Thread.sleep(System.nanoTime() % 37); // somewhere between commits
    } finally {
      child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close()
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(child.exitValue()).isEqualTo(137); // 128 + SIGKILL

    // As the crash left them: numpy loads every file, each holding at least the committed rows.
    Map<String, Long> manifest = manifestRows();
    Map<String, Long> loaded = numpyRows();
    assertThat(loaded.keySet()).isEqualTo(manifest.keySet());
    for (Map.Entry<String, Long> e : manifest.entrySet()) {
      assertThat(loaded.get(e.getKey())).isAtLeast(e.getValue());
    }
    long steps = manifest.get("ts.npy");
    assertThat(steps).isAtLeast(20_000L);

    // The directory reads back as the committed steps; numpy agrees after recover() cuts the files to them.
    MonitorResults read = NpyDirectory.read(dir);
    assertThat(read.steps()).isEqualTo((int) steps);
    NpyDirectory.recover(dir);
    assertThat(numpyRows()).isEqualTo(manifest);
    String check = python(String.join("\n",
        "import numpy as np, sys",
        "d = sys.argv[1] + '/'",
        "ts = np.load(d + 'ts.npy')",
        "n = len(ts)",
        "ok = [np.array_equal(ts, np.arange(n) * 0.1)]",
        "ok.append(np.load(d + 'E.V.npy').shape == (n, 80))",
        "ok.append(np.load(d + 'meanV.npy').shape == (n, 1))",
        "ok.append(np.load(d + 'firstV.npy').shape == (n, 2))",
        "ok.append(len(np.load(d + 'Isub.npy')) == len(np.load(d + 'Isub_times.npy')) == (n + 2) // 3)",
        "for s in ['E.spike', 'I.spike', 'Ewin', 'Ievery2']:",
        "    t, i = np.load(d + s + '_times.npy'), np.load(d + s + '_indices.npy')",
        "    ok.append(len(t) == len(i) and len(t) > 0 and t.max() <= ts[-1])",
        "ok.append(len(np.load(d + 'Ievery2_rowtimes.npy')) == (n + 1) // 2)",
        "print(n, all(ok), ok)"), dir.toString());
    assertThat(check).isEqualTo(steps + " True " + "[True, True, True, True, True, True, True, True, True, True]");

    // The same records, bit for bit, as an in-memory run of as many steps.
    DSRunner memory = monitored(DSRunner.builder(einet())).build();
    memory.run(steps * 0.1);
    assertThat(memory.step()).isEqualTo(steps);
    assertSameRecords(memory.mon(), NpyDirectory.read(dir));
    try (DSRunner next = DSRunner.builder(einet()).monitors("E.V").streamTo(dir).build()) { // the lock died with the child
      next.run(1.);
    }
  }

  /** The rows of every file as numpy loads it (also memory-mapped), by file name. */
  private Map<String, Long> numpyRows() throws Exception {
    String out = python(String.join("\n",
        "import numpy as np, sys, os",
        "d = sys.argv[1]",
        "for f in sorted(os.listdir(d)):",
        "    if f.endswith('.npy'):",
        "        a, m = np.load(os.path.join(d, f)), np.load(os.path.join(d, f), mmap_mode='r')",
        "        assert a.shape == m.shape and np.array_equal(a, m, equal_nan=True), f",
        "        print(len(a), f)"), dir.toString());
    Map<String, Long> rows = new HashMap<>();
    for (String line : out.lines().toList()) {
      String[] p = line.split(" ", 2);
      rows.put(p[1], Long.parseLong(p[0]));
    }
    return rows;
  }

  private Map<String, Long> manifestRows() throws Exception {
    Map<String, Long> rows = new HashMap<>();
    for (String line : Files.readAllLines(dir.resolve(NpyDirectory.MANIFEST))) {
      if (line.startsWith("file ")) {
        String[] p = line.split(" ", 3);
        rows.put(p[2], Long.parseLong(p[1]));
      }
    }
    return rows;
  }

  private static long rows(Path npy) throws Exception {
    if (!Files.exists(npy) || Files.size(npy) < 128) {
      return 0;
    }
    Matcher m = ROWS.matcher(header(npy));
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static String python(String script, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(PYTHON, "-c", script));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(out).doesNotContain("Traceback");
    assertThat(p.exitValue()).isEqualTo(0);
    return out.trim();
  }
}
