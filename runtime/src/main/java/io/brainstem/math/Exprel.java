package io.brainstem.math;

/** Functions generated kernels call. */
public final class Exprel {
  private Exprel() {}

  /**
   * {@code exprel(z) = (e^z − 1) / z}, with {@code exprel(0) = 1} (exponential Euler's linear factor).
   *
   * <p>For {@code |z| < 0.5} — every step of a stable model with {@code dt} well below its time
   * constants — its Taylor series to degree 14 (truncation below 5·10⁻¹⁷); beyond, {@code (e^z − 1)/z}
   * with the {@code Math.exp} intrinsic. Both stay within 4 ulps, and both avoid {@code Math.expm1},
   * a native (JNI) call on JDK 17 that made this factor the costliest line of conductance kernels.
   */
  public static double exprel(double z) {
    if (Math.abs(z) < 0.5) {
      // Horner with the coefficients 1/(k+1)!, k = 14 .. 0 (doubles, as 1.0/((k+1)!) rounds)
      double p = 7.647163731819816e-13;
      p = p * z + 1.1470745597729725e-11;
      p = p * z + 1.6059043836821613e-10;
      p = p * z + 2.08767569878681e-09;
      p = p * z + 2.505210838544172e-08;
      p = p * z + 2.755731922398589e-07;
      p = p * z + 2.7557319223985893e-06;
      p = p * z + 2.48015873015873e-05;
      p = p * z + 0.0001984126984126984;
      p = p * z + 0.001388888888888889;
      p = p * z + 0.008333333333333333;
      p = p * z + 0.041666666666666664;
      p = p * z + 0.16666666666666666;
      p = p * z + 0.5;
      p = p * z + 1.0;
      return p;
    }
    if (z == Double.NEGATIVE_INFINITY) {
      return 0.0;
    }
    return (Math.exp(z) - 1.0) / z;
  }
}
