package io.brainstem.export;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.brainstem.monitors.Monitor;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.runners.DSRunner;
import io.brainstem.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads our NPY, NPZ and CSV files with numpy (Debian's python3-numpy, installed by .ci/run) and
 * compares what numpy sees with the Java arrays. Skipped only when python3 with numpy is absent.
 */
class NumpyReadsOurFilesTest {
  private static final String PYTHON = "/usr/bin/python3";
  @TempDir Path dir;

  @BeforeAll
  static void needNumpy() throws Exception {
    assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no " + PYTHON);
    assumeTrue(python("import numpy").exit == 0, "python3 has no numpy (apt-get install python3-numpy)");
  }

  private record Result(int exit, String out) {}

  private static Result python(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(PYTHON, "-c", script));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("python timed out");
    }
    return new Result(p.exitValue(), out.trim());
  }

  private static String run(String script, String... args) throws Exception {
    Result r = python(script, args);
    assertThat(r.out()).doesNotContain("Traceback");
    assertThat(r.exit()).isEqualTo(0);
    return r.out();
  }

  /** An N-D float64 file of {@code Npy.write(file, data, shape)}, and numpy's files read back. */
  @Test
  void nDimensionalArraysBothWays() throws Exception {
    double[] v = new double[2 * 3 * 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = i - 0.5;
    }
    Npy.write(dir.resolve("x3.npy"), v, 2, 3, 4);
    String out = run(String.join("\n",
        "import numpy as np, sys",
        "d = sys.argv[1]",
        "a = np.load(d + '/x3.npy')",
        "print(a.dtype.str, a.shape, a[1, 2, 3], a[0, 1, 0])",
        "np.save(d + '/np_f4.npy', np.arange(24, dtype=np.float32).reshape(2, 3, 4) / 4)",
        "np.save(d + '/np_i8.npy', np.array([[5, -6], [7, 8]], dtype=np.int64))",
        "np.save(d + '/np_u1.npy', np.array([0, 255], dtype=np.uint8))"),
        dir.toString());
    assertThat(out).isEqualTo("<f8 (2, 3, 4) 22.5 3.5");
    NpyFile.Array f4 = NpyFile.read(dir.resolve("np_f4.npy"));
    assertThat(f4.shape()).asList().containsExactly(2, 3, 4).inOrder();
    assertThat(f4.values()[23]).isEqualTo(5.75);
    try (NpyFile i8 = NpyFile.open(dir.resolve("np_i8.npy"))) {
      double[] row = new double[2];
      i8.readRows(1, 1, row, 0);
      assertThat(row).usingExactEquality().containsExactly(7.0, 8.0).inOrder();
    }
    assertThat(NpyFile.read(dir.resolve("np_u1.npy")).values()).usingExactEquality()
        .containsExactly(0.0, 255.0).inOrder();
  }

  @Test
  void npyDtypesShapesAndValues() throws Exception {
    Npy.write(dir.resolve("d.npy"), new double[][] {{1.5, -2, 3}, {0.1, 1e-300, -0.0}});
    Npy.write(dir.resolve("b.npy"), new boolean[][] {{true, false}, {false, true}, {true, true}});
    Npy.write(dir.resolve("i.npy"), new int[] {7, -3, 2_000_000_000});
    Npy.write(dir.resolve("l.npy"), new long[] {-1, 9_000_000_000_000L});
    Npy.write(dir.resolve("e.npy"), new double[0]);
    String out = run(String.join("\n",
        "import numpy as np, sys",
        "d = sys.argv[1]",
        "for n in ['d', 'b', 'i', 'l', 'e']:",
        "    a = np.load(d + '/' + n + '.npy')",
        "    print(n, a.dtype.str, a.shape, a.flags['C_CONTIGUOUS'], repr(a.tolist()))"),
        dir.toString());
    assertThat(out.lines().toList()).containsExactly(
        "d <f8 (2, 3) True [[1.5, -2.0, 3.0], [0.1, 1e-300, -0.0]]",
        "b |b1 (3, 2) True [[True, False], [False, True], [True, True]]",
        "i <i4 (3,) True [7, -3, 2000000000]",
        "l <i8 (2,) True [-1, 9000000000000]",
        "e <f8 (0,) True []").inOrder();
  }

  /** A different input per E neuron, so that every neuron's V differs and a wrong column shows. */
  private static double[] ramp(int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = 0.5 + 0.01 * i;
    }
    return a;
  }

  @Test
  void npzOfARunMatchesTheMonitors() throws Exception {
    DSRunner runner = DSRunner.builder(Fixtures.ei()).input("E.input", ramp(40))
        .monitors("E.spike", "I.V", "E.V").monitors(Monitor.of("E.V", 3, 1).every(3).named("Vsub"))
        .monitors(Monitor.of("E.spike", 7, 2, 5).named("E.spike some"), Monitor.probe("mean E.V", n -> 1.5))
        .build();
    runner.run(2.0);
    MonitorResults mon = runner.mon();
    for (boolean compressed : new boolean[] {true, false}) {
      Path f = Npz.forResults(mon, true).compressed(compressed).write(dir.resolve("run" + compressed + ".npz"));
      String out = run(String.join("\n",
          "import numpy as np, sys",
          "z = np.load(sys.argv[1])",
          "print(sorted(z.files))",
          "print(z['ts'].shape, z['E.spike'].shape, z['E.spike'].dtype.str, int(z['E.spike'].sum()))",
          "print(z['E.spike_times'].dtype.str, z['E.spike_indices'].dtype.str, len(z['E.spike_indices']))",
          "r, c = np.nonzero(z['E.spike'])",
          "print(bool((c == z['E.spike_indices']).all()), bool((z['ts'][r] == z['E.spike_times']).all()))",
          "print(z['I.V'].shape, z['Vsub'].shape, repr(z['Vsub_times'].tolist()))",
          "print(repr(z['Vsub'][-1].tolist()), repr(z['ts'][-1].item()))",
          // the indices: which neuron each column is
          "print(z['Vsub.indices'].dtype.str, z['Vsub.indices'].tolist(), z['E.spike some.indices'].tolist())",
          "print(bool((z['I.V.indices'] == np.arange(10)).all()), bool((z['E.V.indices'] == np.arange(40)).all()))",
          "print(bool(np.array_equal(z['Vsub'], z['E.V'][::3][:, z['Vsub.indices']])),",
          "      bool(np.array_equal(z['E.spike some'], z['E.spike'][:, z['E.spike some.indices']])))"),
          f.toString());
      List<String> lines = out.lines().toList();
      assertThat(lines.get(0)).isEqualTo("['E.V', 'E.V.indices', 'E.spike', 'E.spike some', 'E.spike some.indices', "
          + "'E.spike some_indices', 'E.spike some_times', 'E.spike.indices', 'E.spike_indices', 'E.spike_times', "
          + "'I.V', 'I.V.indices', 'Vsub', 'Vsub.indices', 'Vsub_times', 'mean E.V', 'ts']");
      int spikes = mon.events("E.spike").count();
      assertThat(spikes).isGreaterThan(0);
      assertThat(lines.get(1)).isEqualTo("(20,) (20, 40) |b1 " + spikes);
      assertThat(lines.get(2)).isEqualTo("<f8 <i4 " + spikes);
      assertThat(lines.get(3)).isEqualTo("True True");
      assertThat(lines.get(4)).isEqualTo("(20, 10) (7, 2) " + pyList(mon.times("Vsub")));
      double[][] vsub = mon.values("Vsub");
      assertThat(lines.get(5)).isEqualTo(pyList(vsub[vsub.length - 1]) + " " + mon.ts()[19]);
      assertThat(lines.get(6)).isEqualTo("<i4 [3, 1] [7, 2, 5]");
      assertThat(lines.get(7)).isEqualTo("True True");
      assertThat(lines.get(8)).isEqualTo("True True");
    }
    assertThat(vsubDiffers(mon)).isTrue();
  }

  /** Neurons 3 and 1 differ, so the column check above can fail. */
  private static boolean vsubDiffers(MonitorResults mon) {
    double[] last = mon.values("Vsub")[mon.values("Vsub").length - 1];
    return last[0] != last[1];
  }

  private static String pyList(double[] a) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < a.length; i++) {
      s.append(i == 0 ? "" : ", ").append(a[i]);
    }
    return s.append("]").toString();
  }

  /**
   * A streamed run (two runs appended, written through a small buffer) loads in numpy, also
   * memory-mapped, with the shapes in the headers and the values of {@code mon()}: values are
   * compared as their 64-bit patterns.
   */
  @Test
  void streamedFilesLoadInNumpy() throws Exception {
    Path out = dir.resolve("stream");
    DSRunner runner = DSRunner.builder(Fixtures.ei()).input("E.input", 0.5)
        .monitors("E.spike", "I.V").monitors(Monitor.of("E.V", 3, 1).every(3).named("Vsub"))
        .monitorMode(io.brainstem.runners.MonitorMode.APPEND)
        .streamTo(out).streamBuffer(64).build();
    runner.run(2.0);
    runner.run(1.3);
    runner.close();
    MonitorResults mon = runner.mon();
    String py = run(String.join("\n",
        "import numpy as np, sys",
        "d = sys.argv[1] + '/'",
        "ts = np.load(d + 'ts.npy'); v = np.load(d + 'I.V.npy', mmap_mode='r')",
        "st = np.load(d + 'E.spike_times.npy'); si = np.load(d + 'E.spike_indices.npy')",
        "sub = np.load(d + 'Vsub.npy'); subt = np.load(d + 'Vsub_times.npy')",
        "print(ts.dtype.str, ts.shape, v.dtype.str, v.shape, type(v).__name__)",
        "print(st.dtype.str, st.shape, si.dtype.str, si.shape, sub.shape, subt.shape)",
        "print(bool(np.isin(st, ts).all()), int(si.sum()))",
        "bits = lambda a: ' '.join(str(x) for x in np.ascontiguousarray(a).view(np.int64).ravel())",
        "print(bits(ts[-3:]))",
        "print(bits(v[-1]))",
        "print(bits(sub[-1]), bits(subt))",
        "print(np.load(d + 'Vsub.indices.npy').tolist(), np.load(d + 'I.V.indices.npy').tolist())"),
        out.toString());
    List<String> lines = py.lines().toList();
    int spikes = mon.events("E.spike").count();
    assertThat(spikes).isGreaterThan(0);
    assertThat(lines.get(0)).isEqualTo("<f8 (33,) <f8 (33, 10) memmap");
    assertThat(lines.get(1)).isEqualTo("<f8 (" + spikes + ",) <i4 (" + spikes + ",) (11, 2) (11,)");
    int indexSum = 0;
    for (int i : mon.events("E.spike").indices()) {
      indexSum += i;
    }
    assertThat(lines.get(2)).isEqualTo("True " + indexSum);
    double[] ts = mon.ts();
    assertThat(lines.get(3)).isEqualTo(bits(ts[30], ts[31], ts[32]));
    double[][] v = mon.values("I.V");
    assertThat(lines.get(4)).isEqualTo(bits(v[32]));
    double[][] sub = mon.values("Vsub");
    assertThat(lines.get(5)).isEqualTo(bits(sub[10]) + " " + bits(mon.times("Vsub")));
    assertThat(lines.get(6)).isEqualTo("[3, 1] [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]");
  }

  private static String bits(double... a) {
    StringBuilder s = new StringBuilder();
    for (double x : a) {
      s.append(s.length() == 0 ? "" : " ").append(Double.doubleToRawLongBits(x));
    }
    return s.toString();
  }

  @Test
  void csvTablesParseBack() throws Exception {
    DSRunner runner = DSRunner.builder(Fixtures.ei()).monitors("E.spike").monitors(Monitor.of("I.V", 0, 9))
        .monitors(Monitor.of("E.spike", 7, 2, 5).named("E.spike some"), Monitor.probe("mean E.V", n -> 1.5))
        .build();
    runner.run(1.0);
    MonitorResults mon = runner.mon();
    Csv.write(dir, mon);
    String out = run(String.join("\n",
        "import numpy as np, sys",
        "s = np.genfromtxt(sys.argv[1] + '/E.spike.csv', delimiter=',', names=True)",
        "v = np.genfromtxt(sys.argv[1] + '/I.V.csv', delimiter=',', skip_header=1)",
        "some = np.genfromtxt(sys.argv[1] + '/E.spike some.csv', delimiter=',', names=True)",
        "print(s.dtype.names, len(s), int(s['index'].sum()))",
        "print(open(sys.argv[1] + '/I.V.csv').readline().strip(), v.shape)",
        "print(len(some), sorted(set(some['index'].astype(int).tolist())))",
        "full = set(zip(s['t'].tolist(), s['index'].astype(int).tolist()))",
        "print(all((t, i) in full for t, i in zip(some['t'].tolist(), some['index'].astype(int).tolist())))",
        "print(open(sys.argv[1] + '/mean E.V.csv').readline().strip())"),
        dir.toString());
    List<String> lines = out.lines().toList();
    int indexSum = 0;
    for (int i : mon.events("E.spike").indices()) {
      indexSum += i;
    }
    assertThat(lines.get(0)).isEqualTo("('t', 'index') " + mon.events("E.spike").count() + " " + indexSum);
    // the header names the recorded neurons, I.V[9], not the column I.V[1]
    assertThat(lines.get(1)).isEqualTo("t,I.V[0],I.V[9] (10, 3)");
    // spikes of a monitor with an index list are written with the neuron index, not the column
    assertThat(lines.get(2)).isEqualTo(mon.events("E.spike some").count() + " [2, 5, 7]");
    assertThat(lines.get(3)).isEqualTo("True");
    assertThat(lines.get(4)).isEqualTo("t,mean E.V[0]");
  }
}
