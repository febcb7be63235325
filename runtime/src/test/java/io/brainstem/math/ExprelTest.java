package io.brainstem.math;

import static com.google.common.truth.Truth.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExprelTest {

  /** (e^z − 1)/z to 40 digits, from the series (|z| ≤ 1) or BigDecimal arithmetic on e^z. */
  private static double reference(double z) {
    MathContext mc = new MathContext(40);
    BigDecimal x = new BigDecimal(z);
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ONE;
    for (int k = 2; k < 200; k++) {
      term = term.multiply(x, mc).divide(BigDecimal.valueOf(k), mc);
      sum = sum.add(term, mc);
      if (term.abs().compareTo(BigDecimal.ONE.movePointLeft(45)) < 0) {
        break;
      }
    }
    return sum.doubleValue();
  }

  @Test
  void withinFourUlpsOfTheTrueValueFromTinyToLargeArguments() {
    SplittableRandom random = new SplittableRandom(7);
    double worst = 0;
    for (int n = 0; n < 2_000; n++) {
      double z = Math.copySign(Math.pow(10, random.nextDouble(-12, 1.3)), random.nextDouble() - 0.5);
      double got = Exprel.exprel(z);
      double want = reference(z);
      worst = Math.max(worst, Math.abs(got - want) / Math.ulp(want));
    }
    assertThat(worst).isAtMost(4.0);
  }

  /** The fused polynomial (Estrin, then Horner), where kernels use it (|z| < 0.5), is within 1 ulp. */
  @Test
  void thePolynomialIsWithinOneUlpWhereKernelsUseIt() {
    SplittableRandom random = new SplittableRandom(11);
    double worst = 0;
    for (int n = 0; n < 50_000; n++) {
      double z = random.nextDouble(-0.5, 0.5);
      worst = Math.max(worst, Math.abs(Exprel.exprel(z) - reference(z)) / Math.ulp(reference(z)));
    }
    assertThat(worst).isAtMost(1.0);
  }

  /** The vector kernels' polynomial equals the scalar exprel lane for lane, bit for bit. */
  @Test
  void theVectorPolynomialEqualsTheScalarBitForBit() {
    var species = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED;
    SplittableRandom random = new SplittableRandom(13);
    double[] z = new double[species.length()];
    double[] got = new double[species.length()];
    for (int n = 0; n < 2_000; n++) {
      for (int lane = 0; lane < z.length; lane++) {
        z[lane] = n % 2 == 0 ? random.nextDouble(-0.5, 0.5) : random.nextDouble(-1e-3, 1e-3);
      }
      VectorMath.exprelTaylor(jdk.incubator.vector.DoubleVector.fromArray(species, z, 0))
          .intoArray(got, 0);
      for (int lane = 0; lane < z.length; lane++) {
        assertThat(got[lane]).isEqualTo(Exprel.exprel(z[lane]));
      }
    }
  }

  /** exprel'(z) = Σ_{k≥1} k·z^(k−1)/(k+1)! to 40 digits (|z| ≤ 1), or from BigDecimal e^z beyond. */
  private static double derivativeReference(double z) {
    MathContext mc = new MathContext(40);
    BigDecimal x = new BigDecimal(z);
    if (Math.abs(z) > 1) {
      // (e^z·(z − 1) + 1)/z² with e^z summed to 40 digits
      BigDecimal e = BigDecimal.ONE;
      BigDecimal term = BigDecimal.ONE;
      for (int k = 1; k < 400; k++) {
        term = term.multiply(x, mc).divide(BigDecimal.valueOf(k), mc);
        e = e.add(term, mc);
      }
      return e.multiply(x.subtract(BigDecimal.ONE), mc).add(BigDecimal.ONE)
          .divide(x.multiply(x, mc), mc).doubleValue();
    }
    BigDecimal power = BigDecimal.ONE; // z^(k−1)
    BigDecimal factorial = BigDecimal.valueOf(2); // (k+1)!
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 1; k < 80; k++) {
      sum = sum.add(power.multiply(BigDecimal.valueOf(k)).divide(factorial, mc), mc);
      power = power.multiply(x, mc);
      factorial = factorial.multiply(BigDecimal.valueOf(k + 2));
    }
    return sum.doubleValue();
  }

  /** The derivative's fused series (|z| < 0.5) is within 1 ulp of the true value. */
  @Test
  void theDerivativeSeriesIsWithinOneUlp() {
    SplittableRandom random = new SplittableRandom(17);
    double worst = 0;
    for (int n = 0; n < 5_000; n++) {
      double z = n % 2 == 0 ? random.nextDouble(-0.5, 0.5) : random.nextDouble(-1e-6, 1e-6);
      double want = derivativeReference(z);
      worst = Math.max(worst, Math.abs(Exprel.derivative(z) - want) / Math.ulp(want));
    }
    assertThat(worst).isAtMost(1.0);
  }

  /**
   * The closed form beyond (0.5 ≤ |z| ≤ 20) loses a few bits to the cancellation in
   * {@code e^z·(z − 1) + 1} near |z| = 0.5 (9 ulps measured): within 16 ulps.
   */
  @Test
  void theDerivativeClosedFormIsWithinSixteenUlps() {
    SplittableRandom random = new SplittableRandom(19);
    double worst = 0;
    for (int n = 0; n < 2_000; n++) {
      double z = Math.copySign(random.nextDouble(0.5, 20), random.nextDouble() - 0.5);
      double want = derivativeReference(z);
      worst = Math.max(worst, Math.abs(Exprel.derivative(z) - want) / Math.ulp(want));
    }
    assertThat(worst).isAtMost(16.0);
    assertThat(Exprel.derivative(0.0)).isEqualTo(0.5);
    assertThat(Exprel.derivative(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
  }

  @Test
  void edgeCases() {
    assertThat(Exprel.exprel(0.0)).isEqualTo(1.0);
    assertThat(Exprel.exprel(-0.0)).isEqualTo(1.0);
    assertThat(Exprel.exprel(1e-300)).isEqualTo(1.0);
    assertThat(Exprel.exprel(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
    assertThat(Exprel.exprel(-1000)).isEqualTo(1e-3);
    assertThat(Exprel.exprel(1000)).isPositiveInfinity();
    assertThat(Exprel.exprel(Double.NaN)).isNaN();

  }
}
