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

  /** The fused Horner polynomial, where kernels use it (|z| < 0.5), is within 1 ulp. */
  @Test
  void thePolynomialIsWithinOneUlpWhereKernelsUseIt() {
    SplittableRandom random = new SplittableRandom(11);
    double worst = 0;
    for (int n = 0; n < 5_000; n++) {
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
