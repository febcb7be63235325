package io.brainstem.grad;

import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.math.Exprel;
import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/**
 * The vector backward loops' exprel factor and derivative equal the scalar {@link Exprel} lane for
 * lane, bit for bit: the fused series where every lane has {@code |z| < 0.5}, and vectors mixing
 * near, far (the scalar closed form), zero, infinite and NaN lanes.
 */
class VectorAdjointTest {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

  @Test
  void exprelFactorAndDerivativeEqualTheScalarBitForBit() {
    SplittableRandom random = new SplittableRandom(23);
    double[] z = new double[S.length()];
    double[] factor = new double[S.length()];
    double[] slope = new double[S.length()];
    double[] special = {0.0, -0.0, 0.5, -0.5, Double.NEGATIVE_INFINITY, Double.NaN, 3.0, -40.0};
    double dt = 0.025;
    for (int n = 0; n < 3_000; n++) {
      for (int lane = 0; lane < z.length; lane++) {
        z[lane] = switch (n % 3) {
          case 0 -> random.nextDouble(-0.5, 0.5);
          case 1 -> random.nextDouble() < 0.2 ? random.nextDouble(-8, 8)
              : random.nextDouble(-0.5, 0.5);
          default -> random.nextDouble() < 0.3 ? special[random.nextInt(special.length)]
              : random.nextDouble(-1e-4, 1e-4);
        };
      }
      DoubleVector v = DoubleVector.fromArray(S, z, 0);
      VectorAdjoint.exprelFactor(v, dt, VectorAdjoint.lanes()).intoArray(factor, 0);
      VectorAdjoint.exprelDerivative(v, VectorAdjoint.lanes()).intoArray(slope, 0);
      for (int lane = 0; lane < z.length; lane++) {
        assertWithMessage("dt·exprel(%s)", z[lane]).that(factor[lane])
            .isEqualTo(dt * Exprel.exprel(z[lane]));
        assertWithMessage("exprel'(%s)", z[lane]).that(slope[lane])
            .isEqualTo(Exprel.derivative(z[lane]));
      }
    }
  }
}
