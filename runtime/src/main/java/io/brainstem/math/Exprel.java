package io.brainstem.math;

/** Functions generated kernels call. */
public final class Exprel {
  // TAYLOR_k = 1/(k+1)! as doubles: exprel's Taylor coefficients, public so that
  // VectorMath.exprelTaylor evaluates the same polynomial (bit for bit) for the vector kernels.
  /** exprel's Taylor coefficient 14: {@code 1/15!}. */
  public static final double TAYLOR_14 = 7.647163731819816e-13;
  /** exprel's Taylor coefficient 13: {@code 1/14!}. */
  public static final double TAYLOR_13 = 1.1470745597729725e-11;
  /** exprel's Taylor coefficient 12: {@code 1/13!}. */
  public static final double TAYLOR_12 = 1.6059043836821613e-10;
  /** exprel's Taylor coefficient 11: {@code 1/12!}. */
  public static final double TAYLOR_11 = 2.08767569878681e-09;
  /** exprel's Taylor coefficient 10: {@code 1/11!}. */
  public static final double TAYLOR_10 = 2.505210838544172e-08;
  /** exprel's Taylor coefficient 9: {@code 1/10!}. */
  public static final double TAYLOR_9 = 2.755731922398589e-07;
  /** exprel's Taylor coefficient 8: {@code 1/9!}. */
  public static final double TAYLOR_8 = 2.7557319223985893e-06;
  /** exprel's Taylor coefficient 7: {@code 1/8!}. */
  public static final double TAYLOR_7 = 2.48015873015873e-05;
  /** exprel's Taylor coefficient 6: {@code 1/7!}. */
  public static final double TAYLOR_6 = 0.0001984126984126984;
  /** exprel's Taylor coefficient 5: {@code 1/6!}. */
  public static final double TAYLOR_5 = 0.001388888888888889;
  /** exprel's Taylor coefficient 4: {@code 1/5!}. */
  public static final double TAYLOR_4 = 0.008333333333333333;
  /** exprel's Taylor coefficient 3: {@code 1/4!}. */
  public static final double TAYLOR_3 = 0.041666666666666664;
  /** exprel's Taylor coefficient 2: {@code 1/3!}. */
  public static final double TAYLOR_2 = 0.16666666666666666;
  /** exprel's Taylor coefficient 1: {@code 1/2!}. */
  public static final double TAYLOR_1 = 0.5;
  /** exprel's Taylor coefficient 0: {@code 1/1!}. */
  public static final double TAYLOR_0 = 1.0;

  private Exprel() {}

  /**
   * {@code exprel(z) = (e^z − 1) / z}, with {@code exprel(0) = 1} (exponential Euler's linear factor).
   *
   * <p>For {@code |z| < 0.5} — every step of a stable model with {@code dt} well below its time
   * constants — its Taylor series to degree 14 (truncation below 5·10⁻¹⁷), by Estrin's scheme with
   * {@code Math.fma} (an instruction wherever the CPU has FMA: x86-64 since Haswell and Zen, every
   * ARMv8); beyond, {@code (e^z − 1)/z}
   * with the {@code Math.exp} intrinsic. Both stay within 4 ulps, and both avoid {@code Math.expm1},
   * a native (JNI) call on JDK 17 that made this factor the costliest line of conductance kernels.
   */
  public static double exprel(double z) {
    if (Math.abs(z) < 0.5) {
      // 1 + z·(1/2 + z·P(z)): P (coefficients 2..14) by Estrin's scheme, its pairs c_k + c_(k+1)·z
      // joined by z², z⁴, z⁸, then two Horner steps, which keep the result within 1 ulp (Estrin
      // to the end loses 2). Six FMAs deep instead of fourteen, so the vector kernels' lanes do
      // not wait on a chain of dependent FMAs; VectorMath.exprelTaylor does these operations in
      // this order. Each step one fused multiply-add.
      final double z2 = z * z;
      final double z4 = z2 * z2;
      final double z8 = z4 * z4;
      final double q0 = Math.fma(z, TAYLOR_3, TAYLOR_2);
      final double q1 = Math.fma(z, TAYLOR_5, TAYLOR_4);
      final double q2 = Math.fma(z, TAYLOR_7, TAYLOR_6);
      final double q3 = Math.fma(z, TAYLOR_9, TAYLOR_8);
      final double q4 = Math.fma(z, TAYLOR_11, TAYLOR_10);
      final double q5 = Math.fma(z, TAYLOR_13, TAYLOR_12);
      final double r0 = Math.fma(q1, z2, q0);
      final double r1 = Math.fma(q3, z2, q2);
      final double r2 = Math.fma(q5, z2, q4);
      final double s0 = Math.fma(r1, z4, r0);
      final double s1 = Math.fma(z4, TAYLOR_14, r2);
      final double p = Math.fma(s1, z8, s0);
      return Math.fma(Math.fma(p, z, TAYLOR_1), z, TAYLOR_0);
    }
    if (z == Double.NEGATIVE_INFINITY) {
      return 0.0;
    }
    return (Math.exp(z) - 1.0) / z;
  }

  /**
   * {@code exprel'(z) = (e^z·(z − 1) + 1) / z²}, with {@code exprel'(0) = 1/2}: the backward step of
   * exponential Euler differentiates its factor through it. For {@code |z| < 0.5} the derivative of
   * {@link #exprel}'s Taylor series (the same coefficients, {@code Σ k·z^(k−1)/(k+1)!}) by fused
   * Horner steps, within 1 ulp (the vector backward loops evaluate it lane-wise in the same
   * order, bit for bit); beyond, the closed form, within 16 ulps (cancellation near |z| = 0.5).
   *
   * @param z the argument
   * @return the derivative of {@link #exprel} at {@code z}
   */
  public static double derivative(double z) {
    if (Math.abs(z) < 0.5) {
      // Horner with fused multiply-adds, as exprel: one rounding per step
      double p = 14 * TAYLOR_14;
      p = Math.fma(p, z, 13 * TAYLOR_13);
      p = Math.fma(p, z, 12 * TAYLOR_12);
      p = Math.fma(p, z, 11 * TAYLOR_11);
      p = Math.fma(p, z, 10 * TAYLOR_10);
      p = Math.fma(p, z, 9 * TAYLOR_9);
      p = Math.fma(p, z, 8 * TAYLOR_8);
      p = Math.fma(p, z, 7 * TAYLOR_7);
      p = Math.fma(p, z, 6 * TAYLOR_6);
      p = Math.fma(p, z, 5 * TAYLOR_5);
      p = Math.fma(p, z, 4 * TAYLOR_4);
      p = Math.fma(p, z, 3 * TAYLOR_3);
      p = Math.fma(p, z, 2 * TAYLOR_2);
      p = Math.fma(p, z, TAYLOR_1);
      return p;
    }
    if (z == Double.NEGATIVE_INFINITY) {
      return 0.0;
    }
    return (Math.exp(z) * (z - 1.0) + 1.0) / (z * z);
  }
}
