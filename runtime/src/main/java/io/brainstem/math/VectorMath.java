package io.brainstem.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * What generated vector kernels use besides {@code DoubleVector} itself: per-thread buffers and
 * the scalar redo of far {@code exprel} lanes. Only loaded when the {@code jdk.incubator.vector}
 * module is present.
 */
public final class VectorMath {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  /** A vector's worth of doubles per thread (kernels may run on several threads). */
  private static final ThreadLocal<double[]> SCRATCH =
      ThreadLocal.withInitial(() -> new double[S.length()]);
  /** Per thread, a holder of the carry buffer (grown on demand). */
  private static final ThreadLocal<double[][]> CARRY = ThreadLocal.withInitial(() -> new double[1][0]);

  private VectorMath() {}

  /** Doubles per preferred vector on this machine. */
  public static int lanes() {
    return S.length();
  }

  /**
   * The calling thread's buffer of at least {@code doubles}, for kernels that run as several loops
   * to hand values from one loop to the next (allocated once, then reused).
   */
  public static double[] carry(int doubles) {
    double[][] holder = CARRY.get();
    if (holder[0].length < doubles) {
      holder[0] = new double[doubles];
    }
    return holder[0];
  }

  /**
   * For vector kernels, after a loop stored {@code dt·exprel(z)} by the Taylor polynomial into
   * {@code carry[factorAt ..]} for the {@code z} in {@code carry[zAt ..]} ({@code n} of each):
   * recomputes, with the scalar {@link Exprel#exprel}, the factors of the lanes with
   * {@code |z| ≥ 0.5} (or NaN), where the polynomial is not exact. Then every factor is the scalar
   * kernel's, bit for bit.
   */
  public static void exprelFar(double[] carry, int zAt, int factorAt, int n, double dt) {
    for (int k = 0; k < n; k++) {
      double z = carry[zAt + k];
      if (!(Math.abs(z) < 0.5)) {
        carry[factorAt + k] = dt * Exprel.exprel(z);
      }
    }
  }

  /** The calling thread's scratch buffer of one vector (kernels read spike masks through it). */
  public static double[] scratch() {
    return SCRATCH.get();
  }
}
