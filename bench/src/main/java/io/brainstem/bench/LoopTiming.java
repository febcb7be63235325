package io.brainstem.bench;

import io.brainstem.runners.DSRunner;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The step loop's cost per step, for comparing two builds on a shared machine: one network, a
 * 300 ms warm-up, then {@code reps} runs of {@code runMs} (default 500 ms, 5 000 steps at dt 0.1),
 * each from {@code reset()}, printing per run the thread's CPU time and the wall time per step in
 * µs. CPU
 * time counts only the stepping thread's own work, so it is far less disturbed by other processes
 * than wall time (it is the measure of the one-thread loop; with {@code threads > 1} the workers'
 * time is not counted).
 *
 * <pre>
 * LoopTiming coba|cuba|cobahh|einet [reps 12] [threads 1] [N 4000] [k 80] [runMs 500]
 * </pre>
 */
public final class LoopTiming {
  private LoopTiming() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      throw new IllegalArgumentException(
          "usage: LoopTiming coba|cuba|cobahh|einet [reps] [threads] [N] [k] [runMs]");
    }
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int n = args.length > 3 ? Integer.parseInt(args[3]) : 4000;
    double perNeuron = args.length > 4 ? Double.parseDouble(args[4]) : 80;
    double runMs = args.length > 5 ? Double.parseDouble(args[5]) : 500;
    double steps = Math.rint(runMs / BenchNetworks.DT);
    BenchNetworks.Bench bench = BenchNetworks.build(args[0], n, perNeuron, 1);
    DSRunner.Builder builder = DSRunner.builder(bench.network()).dt(BenchNetworks.DT).threads(threads);
    if (bench.inputE() != 0) {
      builder.input("E.input", bench.inputE()).input("I.input", bench.inputI());
    }
    com.sun.management.ThreadMXBean clock =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    try (DSRunner runner = builder.build()) {
      runner.run(300.);
      StringBuilder out = new StringBuilder();
      for (int k = 0; k < reps; k++) {
        runner.reset();
        long cpu = clock.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        runner.run(runMs);
        long wallEnd = System.nanoTime();
        long cpuEnd = clock.getCurrentThreadCpuTime();
        out.append(String.format(Locale.ROOT, "%.2f %.2f%n", (cpuEnd - cpu) / steps / 1e3,
            (wallEnd - wall) / steps / 1e3));
      }
      System.out.print(out);
    }
  }
}
