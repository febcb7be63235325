package io.brainstem.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Two builds in one JVM, each in its own class loader, stepping the same network in alternation
 * (ABBA order, chunk after chunk), with the thread's CPU time of every chunk: a load that comes
 * and goes hits both alike, so a difference of 2 % shows on a machine whose run-to-run noise is
 * 20 %. Prints each build's ns per neuron-step (min, quartile, median), how often B was the
 * faster of a pair, and the median of B/A over the pairs.
 *
 * <pre>
 * SideBySide model N chunkMs rounds classpathA classpathB
 * </pre>
 * Each class path holds a build's {@code bench} classes and its runtime (the bench module's
 * {@code target/classpath.txt} with its own {@code target/classes} in front).
 */
public final class SideBySide {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private SideBySide() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      throw new IllegalArgumentException(
          "usage: SideBySide model N chunkMs rounds classpathA classpathB");
    }
    String model = args[0];
    int n = Integer.parseInt(args[1]);
    double chunkMs = Double.parseDouble(args[2]);
    int rounds = Integer.parseInt(args[3]);
    Build[] builds = {new Build(args[4], model, n), new Build(args[5], model, n)};
    for (int w = 0; w < 3; w++) { // the JIT compiles both with this network's profile
      for (Build b : builds) {
        b.run(100);
      }
    }
    double[][] cpu = new double[2][rounds];
    for (int k = 0; k < rounds; k++) {
      for (int s = 0; s < 2; s++) {
        int which = k % 2 == 0 ? s : 1 - s;
        long c0 = THREADS.getCurrentThreadCpuTime();
        builds[which].run(chunkMs);
        cpu[which][k] = (THREADS.getCurrentThreadCpuTime() - c0) * 1e-9;
      }
    }
    double perNeuronStep = 1e9 / (n * Math.round(chunkMs / BenchNetworks.DT));
    for (int s = 0; s < 2; s++) {
      double[] x = cpu[s].clone();
      Arrays.sort(x);
      System.out.printf(Locale.ROOT, "%s: min %.2f, q1 %.2f, median %.2f ns per neuron-step%n",
          s == 0 ? "A" : "B", x[0] * perNeuronStep, x[rounds / 4] * perNeuronStep,
          x[rounds / 2] * perNeuronStep);
    }
    double[] ratio = new double[rounds];
    int bFaster = 0;
    for (int k = 0; k < rounds; k++) {
      ratio[k] = cpu[1][k] / cpu[0][k];
      bFaster += cpu[1][k] < cpu[0][k] ? 1 : 0;
    }
    Arrays.sort(ratio);
    System.out.printf(Locale.ROOT, "B faster in %d of %d pairs; median B/A %.3f%n",
        bFaster, rounds, ratio[rounds / 2]);
  }

  /** One build's network and runner, reached by reflection through its own class loader. */
  private static final class Build {
    private final Object runner;
    private final Method run;

    Build(String classpath, String model, int n) throws Exception {
      URL[] urls = Arrays.stream(classpath.split(java.io.File.pathSeparator))
          .map(SideBySide::url).toArray(URL[]::new);
      ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
      Class<?> networks = loader.loadClass(BenchNetworks.class.getName());
      Object bench = networks.getMethod("build", String.class, int.class, double.class, long.class)
          .invoke(null, model, n, 80.0, 42L);
      Object network = bench.getClass().getMethod("network").invoke(bench);
      Class<?> ds = loader.loadClass("io.brainstem.runners.DSRunner");
      Method builderOf = Arrays.stream(ds.getMethods())
          .filter(m -> m.getName().equals("builder") && m.getParameterCount() == 1)
          .findFirst().orElseThrow();
      Object builder = builderOf.invoke(null, network);
      builder.getClass().getMethod("dt", double.class).invoke(builder, BenchNetworks.DT);
      builder.getClass().getMethod("threads", int.class).invoke(builder, 1);
      double inputE = (double) bench.getClass().getMethod("inputE").invoke(bench);
      if (inputE != 0) { // as BenchMain
        Method input = builder.getClass().getMethod("input", String.class, double.class);
        input.invoke(builder, "E.input", inputE);
        input.invoke(builder, "I.input", bench.getClass().getMethod("inputI").invoke(bench));
      }
      runner = builder.getClass().getMethod("build").invoke(builder);
      run = runner.getClass().getMethod("run", double.class);
    }

    void run(double ms) throws Exception {
      run.invoke(runner, ms);
    }
  }

  private static URL url(String path) {
    try {
      return Path.of(path).toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a class path entry: " + path, e);
    }
  }
}
