package io.brainstem.math;

/**
 * Counter-based standard normal draws for stochastic models: {@link #at} is a pure function of
 * (seed, element, step, stream), so a noisy simulation gives the same numbers however its elements
 * are ordered or split between threads, and the {@code jit(false)} debug loop sees exactly the
 * draws the kernels see.
 *
 * <p>The bits come from Philox4x32-10 (Salmon, Moraes, Dror &amp; Shaw, "Parallel random numbers:
 * as easy as 1, 2, 3", SC 2011; the generator behind JAX's and cuRAND's counter-based streams),
 * keyed by the seed, with the counter (step, element, stream); the normal deviate is Box–Muller's
 * cosine branch, computed with {@link StrictMath} so it is the same on every JVM.
 */
public final class Gaussian {
  private static final long MULTIPLIER_0 = 0xD2511F53L;
  private static final long MULTIPLIER_1 = 0xCD9E8D57L;
  private static final int WEYL_0 = 0x9E3779B9;
  private static final int WEYL_1 = 0xBB67AE85;
  private static final long MASK_32 = 0xFFFF_FFFFL;
  private static final double DOUBLE_UNIT = 0x1.0p-53;
  private static final double TWO_PI = 2 * Math.PI;

  private Gaussian() {}

  /**
   * A standard normal draw (mean 0, variance 1) for {@code element} at {@code step} of noise term
   * {@code stream}, under {@code seed}. Different arguments give independent draws.
   */
  public static double at(long seed, long element, long step, int stream) {
    int[] bits = philox(
        new int[] {(int) step, (int) (step >>> 32), (int) element, stream ^ (int) (element >>> 32)},
        (int) seed, (int) (seed >>> 32));
    // u1 in (0, 1] so the logarithm is finite; u2 in [0, 1)
    double u1 = (bits64(bits[0], bits[1]) + 1) * DOUBLE_UNIT;
    double u2 = bits64(bits[2], bits[3]) * DOUBLE_UNIT;
    return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(TWO_PI * u2);
  }

  /** The top 53 of the 64 bits {@code hi:lo}. */
  private static long bits64(int hi, int lo) {
    return (((hi & MASK_32) << 32) | (lo & MASK_32)) >>> 11;
  }

  /** Philox4x32 with 10 rounds: encrypts the 128-bit {@code counter} under the 64-bit key. */
  static int[] philox(int[] counter, int key0, int key1) {
    int x0 = counter[0];
    int x1 = counter[1];
    int x2 = counter[2];
    int x3 = counter[3];
    int k0 = key0;
    int k1 = key1;
    for (int round = 0; round < 10; round++) {
      if (round > 0) {
        k0 += WEYL_0;
        k1 += WEYL_1;
      }
      long p0 = MULTIPLIER_0 * (x0 & MASK_32);
      long p1 = MULTIPLIER_1 * (x2 & MASK_32);
      int y0 = (int) (p1 >>> 32) ^ x1 ^ k0;
      int y2 = (int) (p0 >>> 32) ^ x3 ^ k1;
      x1 = (int) p1;
      x3 = (int) p0;
      x0 = y0;
      x2 = y2;
    }
    return new int[] {x0, x1, x2, x3};
  }
}
