package io.brainstem.math;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * What generated vector kernels use besides {@code DoubleVector} itself: per-thread buffers, and
 * loads and stores of a partial vector. Only loaded when the {@code jdk.incubator.vector} module is
 * present.
 */
public final class VectorMath {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  /** A vector's worth of doubles per thread (kernels may run on several threads). */
  private static final ThreadLocal<double[]> SCRATCH =
      ThreadLocal.withInitial(() -> new double[S.length()]);

  private VectorMath() {}

  /** Doubles per preferred vector on this machine. */
  public static int lanes() {
    return S.length();
  }

  private static final ThreadLocal<double[][]> CARRY = ThreadLocal.withInitial(() -> new double[1][0]);

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

  /** The calling thread's scratch buffer for {@link #load} and {@link #store}. */
  public static double[] scratch() {
    return SCRATCH.get();
  }

  /**
   * {@code a[i .. i+n)} in the first {@code n} lanes (the rest zero), through {@code scratch}:
   * masked loads that reach past an array's end leave the intrinsic path and allocate.
   */
  public static DoubleVector load(
      VectorSpecies<Double> s, double[] a, int i, int n, double[] scratch) {
    System.arraycopy(a, i, scratch, 0, n);
    Arrays.fill(scratch, n, s.length(), 0.0);
    return DoubleVector.fromArray(s, scratch, 0);
  }

  /** Writes the first {@code n} lanes of {@code v} to {@code a[i .. i+n)}, through {@code scratch}. */
  public static void store(DoubleVector v, double[] a, int i, int n, double[] scratch) {
    v.intoArray(scratch, 0);
    System.arraycopy(scratch, 0, a, i, n);
  }
}
