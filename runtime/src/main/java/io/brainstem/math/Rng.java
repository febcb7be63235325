package io.brainstem.math;

/**
 * A seeded pseudo-random source whose output is fixed by this class alone, never by the JDK: the
 * uniform stream is SplitMix64 (Steele, Lea &amp; Flood 2014) and Gaussians come from the Marsaglia
 * polar method, so the same seed gives the same numbers on every JVM.
 *
 * <p>Use {@link #stream(long, long)} to derive independent streams (one per row, per group, per
 * thread) without sharing state; not thread-safe itself.
 *
 * <pre>{@code
 * Rng rng = new Rng(42);
 * rng.fillNormal(E.V, -55, 2);   // BrainPy: E.V[:] = randn(n) * 2 - 55
 * }</pre>
 */
public final class Rng implements io.brainstem.checkpoint.Checkpointed {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long state;
  private double spareGaussian;
  private boolean hasSpare;

  /** A generator whose whole output is determined by {@code seed}. */
  public Rng(long seed) {
    this.state = seed;
  }

  /**
   * Stream number {@code index} derived from {@code seed}: deterministic, and starting at a point of
   * the SplitMix64 sequence scrambled from (seed, index), so streams of different indices do not
   * overlap in practice (2^64 possible starts, short streams).
   */
  public static Rng stream(long seed, long index) {
    return new Rng(mix64(seed ^ mix64(index * GOLDEN_GAMMA + GOLDEN_GAMMA)));
  }

  /** The SplitMix64 finaliser (variant 13 of Stafford's mixers). */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Saves the position in the stream and the spare Gaussian, so a restored generator goes on alike. */
  @Override
  public void saveState(io.brainstem.checkpoint.StateOut out) {
    out.put("state", new long[] {state, hasSpare ? 1 : 0, Double.doubleToRawLongBits(spareGaussian)});
  }

  /** Restores what {@link #saveState} saved. */
  @Override
  public void restoreState(io.brainstem.checkpoint.StateIn in) {
    long[] s = in.longs("state", 3);
    state = s[0];
    hasSpare = s[1] != 0;
    spareGaussian = Double.longBitsToDouble(s[2]);
  }

  /** 64 uniformly distributed bits. */
  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix64(state);
  }

  /**
   * A uniform integer in {@code [0, bound)}, without modulo bias (Lemire's multiply-and-reject
   * method on 32-bit draws).
   */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    long product = (nextLong() >>> 32) * bound;
    long low = product & 0xFFFFFFFFL;
    if (low < bound) {
      long threshold = (0x1_0000_0000L - bound) % bound;
      while (low < threshold) {
        product = (nextLong() >>> 32) * bound;
        low = product & 0xFFFFFFFFL;
      }
    }
    return (int) (product >>> 32);
  }

  /** A uniform double in {@code [0, 1)} with 53 random bits. */
  public double uniform() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  /** A uniform double in {@code [low, high)}. */
  public double uniform(double low, double high) {
    if (!(low < high)) {
      throw new IllegalArgumentException("uniform(low, high) needs low < high, got " + low + ", " + high);
    }
    return low + (high - low) * uniform();
  }

  /** A standard normal draw (mean 0, standard deviation 1). */
  public double normal() {
    if (hasSpare) {
      hasSpare = false;
      return spareGaussian;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double factor = Math.sqrt(-2 * Math.log(s) / s);
    spareGaussian = v * factor;
    hasSpare = true;
    return u * factor;
  }

  /** A normal draw with the given mean and standard deviation ({@code sd ≥ 0}). */
  public double normal(double mean, double sd) {
    checkSd(sd);
    return mean + sd * normal();
  }

  /** Fills {@code a} with normal draws: {@code a[i] = mean + sd · N(0, 1)}. */
  public void fillNormal(double[] a, double mean, double sd) {
    checkSd(sd);
    for (int i = 0; i < a.length; i++) {
      a[i] = mean + sd * normal();
    }
  }

  /**
   * Fills a float state ({@code Precision.FLOAT}) with the draws {@link #fillNormal(double[],
   * double, double)} would make, each rounded to float.
   */
  public void fillNormal(float[] a, double mean, double sd) {
    checkSd(sd);
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) (mean + sd * normal());
    }
  }

  /** Fills {@code a} with uniform draws in {@code [low, high)}. */
  public void fillUniform(double[] a, double low, double high) {
    if (!(low < high)) {
      throw new IllegalArgumentException("fillUniform needs low < high, got " + low + ", " + high);
    }
    for (int i = 0; i < a.length; i++) {
      a[i] = low + (high - low) * uniform();
    }
  }

  /** {@code n} standard normal draws, like NumPy's {@code randn(n)}. */
  public double[] randn(int n) {
    double[] a = new double[n];
    fillNormal(a, 0, 1);
    return a;
  }

  private static void checkSd(double sd) {
    if (!(sd >= 0) || Double.isInfinite(sd)) {
      throw new IllegalArgumentException("standard deviation must be finite and >= 0, got " + sd);
    }
  }
}
