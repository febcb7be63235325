package io.brainstem.grad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.DoubleUnaryOperator;

/** What the gradient checks share: a backward step over thread ranges, and the finite difference. */
final class GradChecks {
  private GradChecks() {}

  /** A backward step over the elements {@code [from, to)}. */
  interface Range {
    void run(int from, int to);
  }

  /** Runs {@code range} over {@code [0, n)}: whole on the caller's thread, or split over {@code pool}. */
  static void ranges(ExecutorService pool, int threads, int n, Range range) {
    if (pool == null) {
      range.run(0, n);
      return;
    }
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int p = 0; p < threads; p++) {
        int from = p * n / threads;
        int to = (p + 1) * n / threads;
        parts.add(pool.submit(() -> range.run(from, to)));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The indices of the true entries: the spikes a group is given. */
  static int[] indices(boolean[] spiked) {
    int n = 0;
    int[] out = new int[spiked.length];
    for (int i = 0; i < spiked.length; i++) {
      if (spiked[i]) {
        out[n++] = i;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The five-point central difference of {@code loss(h)} at 0, its step scaled to {@code at}. */
  static double fivePoint(double at, DoubleUnaryOperator loss) {
    double h = 1e-4 * Math.max(1, Math.abs(at));
    return (8 * (loss.applyAsDouble(h) - loss.applyAsDouble(-h))
        - (loss.applyAsDouble(2 * h) - loss.applyAsDouble(-2 * h))) / (12 * h);
  }

  /** Checks backward against finite-difference values and keeps the worst relative error seen. */
  static final class Tally {
    private final double tolerance;
    private double worst;
    private String worstCase = "";

    Tally(double tolerance) {
      this.tolerance = tolerance;
    }

    /** Adds a failure to {@code failures} when the relative error exceeds the tolerance. */
    synchronized void check(List<String> failures, String what, double analytic, double fd) {
      double scale = Math.max(Math.max(Math.abs(analytic), Math.abs(fd)), 1e-6);
      double rel = Math.abs(analytic - fd) / scale;
      if (Boolean.getBoolean("gradcheck.print")) { // -Dgradcheck.print=true lists every check
        System.out.println("CHECK " + what + " " + analytic + " " + fd);
      }
      if (rel > worst) {
        worst = rel;
        worstCase = what + ": " + analytic + " vs " + fd;
      }
      if (rel > tolerance) {
        failures.add(what + ": backward " + analytic + ", finite differences " + fd + " (rel "
            + rel + ")");
      }
    }

    synchronized String summary() {
      return worst + " (" + worstCase + ")";
    }
  }
}
