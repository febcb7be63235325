package io.brainstem.math;

/** Functions generated kernels call. */
public final class Exprel {
  private Exprel() {}

  /**
   * {@code exprel(z) = (e^z − 1) / z}, with {@code exprel(0) = 1}; computed with {@code expm1} so it
   * stays accurate for small {@code |z|} (exponential Euler's linear factor).
   */
  public static double exprel(double z) {
    return z == 0.0 ? 1.0 : Math.expm1(z) / z;
  }
}
