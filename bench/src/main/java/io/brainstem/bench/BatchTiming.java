package io.brainstem.bench;

import io.brainstem.train.EchoStateNetwork;
import io.brainstem.train.RidgeTrainer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * B trials in one network against B one-trial runs: an echo-state network ({@code units} units,
 * ρ 1.25, 10 % connectivity, leak 0.3) runs {@code B} input sequences of {@code T} steps, either
 * as B calls of a one-trial trainer or as one call of a trainer of B trials
 * ({@link EchoStateNetwork#network(int)}), timed by the calling thread's CPU time (one thread), in
 * alternated pairs. Two calls: {@code predict} (the run and the readout) and {@code fit} (the run
 * and the ridge solve: B solves of T rows against one of B·T rows).
 *
 * <pre>
 * BatchTiming [units 300] [B 8] [T 1000] [pairs 5]
 * </pre>
 */
public final class BatchTiming {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private BatchTiming() {}

  public static void main(String[] args) {
    int units = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int trials = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int steps = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int pairs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    EchoStateNetwork esn = new EchoStateNetwork(units, 1, 1.25, 0.1, 0.5, 0.2, 0.3, 42);
    SplittableRandom rng = new SplittableRandom(1);
    double[][][] u = new double[trials][steps][1];
    double[][][] y = new double[trials][steps][1];
    for (int b = 0; b < trials; b++) {
      for (int t = 0; t < steps; t++) {
        u[b][t][0] = rng.nextDouble() - 0.5;
        y[b][t][0] = t == 0 ? 0 : u[b][t - 1][0];
      }
    }
    System.out.printf(Locale.ROOT, "ESN %d units, B %d, T %d; JDK %s%n", units, trials, steps,
        System.getProperty("java.version"));
    try (RidgeTrainer one = esn.ridgeTrainer(50, 1e-6, 1).threads(1).build();
        RidgeTrainer batch = esn.ridgeTrainer(50, 1e-6, trials).threads(1).build()) {
      one.fit(u[0], y[0]);
      batch.fit(u, y);
      for (String call : new String[] {"predict", "fit"}) {
        boolean fit = call.equals("fit");
        for (int w = 0; w < 3; w++) { // warm-up
          sequential(one, u, y, fit);
          batched(batch, u, y, fit);
        }
        double[] seq = new double[pairs];
        double[] bat = new double[pairs];
        for (int p = 0; p < pairs; p++) {
          seq[p] = sequential(one, u, y, fit);
          bat[p] = batched(batch, u, y, fit);
        }
        System.out.printf(Locale.ROOT, "%-7s %d one-trial calls: %s ms; one call of B = %d: %s ms;"
            + " median ratio %.2f%n", call, trials, show(seq), trials, show(bat),
            median(seq) / median(bat));
      }
    }
  }

  private static double sequential(RidgeTrainer one, double[][][] u, double[][][] y, boolean fit) {
    long start = CPU.getCurrentThreadCpuTime();
    for (int b = 0; b < u.length; b++) {
      one.reset();
      if (fit) {
        one.fit(u[b], y[b]);
      } else {
        one.predict(u[b]);
      }
    }
    return (CPU.getCurrentThreadCpuTime() - start) / 1e6;
  }

  private static double batched(RidgeTrainer batch, double[][][] u, double[][][] y, boolean fit) {
    long start = CPU.getCurrentThreadCpuTime();
    batch.reset();
    if (fit) {
      batch.fit(u, y);
    } else {
      batch.predict(u);
    }
    return (CPU.getCurrentThreadCpuTime() - start) / 1e6;
  }

  private static String show(double[] ms) {
    StringBuilder s = new StringBuilder();
    for (double v : ms) {
      s.append(s.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.0f", v));
    }
    return s.toString();
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
