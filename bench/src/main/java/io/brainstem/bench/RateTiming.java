package io.brainstem.bench;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.connectivity.SynapseInit;
import io.brainstem.math.Rng;
import io.brainstem.models.LeakyTanhGroup;
import io.brainstem.models.RateProjectionProjection;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The cost of graded coupling: a chaotic rate network ({@code LeakyTanh} units, tau 10 ms, coupled
 * by a {@code RateProjection} with {@code FixedProb(p)} and normal weights of gain 1.5), its step
 * timed by the stepping thread's CPU time, with the units' vector kernels and with their scalar
 * ones, next to a hand-written loop doing the same arithmetic (the sum over each neuron's
 * partners by a CSC index, then the Euler step) as the floor.
 *
 * <pre>
 * RateTiming [N 2000] [p 0.1] [reps 7] [runMs 200]
 * </pre>
 *
 * Prints, per variant, the median µs per step and ns per synapse per step.
 */
public final class RateTiming {
  private static final double DT = 0.1;

  private RateTiming() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    double p = args.length > 1 ? Double.parseDouble(args[1]) : 0.1;
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    double runMs = args.length > 3 ? Double.parseDouble(args[3]) : 200;
    int steps = (int) Math.rint(runMs / DT);
    LeakyTanhGroup units = new LeakyTanhGroup("R", n).tau(10);
    new Rng(1).fillNormal(units.r, 0, 0.5);
    RateProjectionProjection rec = new RateProjectionProjection("W", units, units,
        new FixedProb(p, 1)).w(SynapseInit.normal(0, 1.5 / Math.sqrt(p * n)));
    Network net = new Network();
    net.add(units);
    net.add(rec);
    long synapses = rec.synapseCount();
    System.out.printf(Locale.ROOT, "N %d, p %.3f: %d synapses; %s; JDK %s%n", n, p, synapses,
        units.kernels(), System.getProperty("java.version"));
    try (DSRunner runner = DSRunner.builder(net).dt(DT).build()) {
      for (boolean scalar : new boolean[] {false, true}) {
        units.scalarKernels(scalar);
        runner.run(100.); // warm-up
        double[] perStep = new double[reps];
        for (int r = 0; r < reps; r++) {
          runner.reset();
          long cpu = cpuNanos();
          runner.run(runMs);
          perStep[r] = (cpuNanos() - cpu) / (double) steps;
        }
        report(scalar ? "brainstem, scalar unit kernels" : "brainstem, vector unit kernels",
            perStep, synapses);
      }
    }
    report("hand-written CSC loop + Euler", handWritten(rec, n, steps, reps), synapses);
  }

  /** The same step written by hand: gather by postsynaptic neuron, then Euler on tanh. */
  private static double[] handWritten(RateProjectionProjection rec, int n, int steps, int reps) {
    int[] pre = rec.preIndices();
    int[] post = rec.postIndices();
    double[] w = rec.synapseValues("w");
    int[] starts = new int[n + 1];
    for (int j : post) {
      starts[j + 1]++;
    }
    for (int j = 0; j < n; j++) {
      starts[j + 1] += starts[j];
    }
    int[] fill = java.util.Arrays.copyOf(starts, n);
    int[] src = new int[pre.length];
    double[] wc = new double[pre.length];
    for (int k = 0; k < pre.length; k++) {
      int c = fill[post[k]]++;
      src[c] = pre[k];
      wc[c] = w[k];
    }
    double[] r = new double[n];
    double[] input = new double[n];
    double[] perStep = new double[reps];
    double a = DT / 10;
    for (int rep = -1; rep < reps; rep++) {
      new Rng(1).fillNormal(r, 0, 0.5);
      long cpu = cpuNanos();
      for (int s = 0; s < steps; s++) {
        for (int j = 0; j < n; j++) {
          double sum = 0;
          for (int c = starts[j]; c < starts[j + 1]; c++) {
            sum += wc[c] * r[src[c]];
          }
          input[j] = sum;
        }
        for (int j = 0; j < n; j++) {
          r[j] += a * (-r[j] + Math.tanh(input[j]));
        }
      }
      if (rep >= 0) {
        perStep[rep] = (cpuNanos() - cpu) / (double) steps;
      }
    }
    if (Double.isNaN(r[0])) {
      throw new IllegalStateException("NaN rate"); // keeps the loop's result live
    }
    return perStep;
  }

  private static void report(String what, double[] nanosPerStep, long synapses) {
    double[] sorted = nanosPerStep.clone();
    java.util.Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    System.out.printf(Locale.ROOT, "%-34s %9.1f us/step %6.2f ns/synapse%n", what,
        median / 1e3, median / synapses);
  }

  private static long cpuNanos() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadCpuTime();
  }
}
