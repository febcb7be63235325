package io.brainstem.bench;

import io.brainstem.runners.DSRunner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Fused inputs against the projections' own passes ({@code RunnerBuilder.fuseSynapses}), in one
 * JVM: two copies of a bench network, one runner each, run alternately in rounds of {@code ms} of
 * simulated time after a warm-up of both, so that load and JIT state are shared; prints the CPU ns
 * per neuron-step of each round and the medians (docs/benchmarks-history.md, "Fused inputs").
 *
 * <pre>
 * FusionTiming [model coba|cuba|einet|cobahh] [N 4000] [ms 200] [rounds 9]
 * </pre>
 */
public final class FusionTiming {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private FusionTiming() {}

  public static void main(String[] args) {
    String model = args.length > 0 ? args[0] : "einet";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
    double ms = args.length > 2 ? Double.parseDouble(args[2]) : 200;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 9;
    DSRunner[] runners = new DSRunner[2];
    for (int f = 0; f < 2; f++) {
      BenchNetworks.Bench bench = BenchNetworks.build(model, n, 80, 1);
      DSRunner.Builder builder = DSRunner.builder(bench.network()).dt(BenchNetworks.DT).threads(1)
          .fuseSynapses(f == 0);
      if (bench.inputE() != 0) {
        builder.input("E.input", bench.inputE()).input("I.input", bench.inputI());
      }
      runners[f] = builder.build();
      runners[f].run(300); // warm-up
    }
    double steps = ms / BenchNetworks.DT;
    double[][] ns = new double[2][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < 2; k++) {
        int f = (r + k) % 2; // alternate which goes first
        long c0 = THREADS.getCurrentThreadCpuTime();
        runners[f].run(ms);
        ns[f][r] = (THREADS.getCurrentThreadCpuTime() - c0) / (steps * n);
      }
      System.out.printf(Locale.ROOT, "round %d: fused %.3f, unfused %.3f ns per neuron-step%n", r,
          ns[0][r], ns[1][r]);
    }
    System.out.printf(Locale.ROOT, "%s %d: fused %s, unfused %s (median ns per neuron-step; %s)%n",
        model, n, median(ns[0]), median(ns[1]), String.join("; ", runners[0].fusedInputs()));
    for (DSRunner runner : runners) {
      runner.close();
    }
  }

  private static String median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "%.3f", sorted[sorted.length / 2]);
  }
}
