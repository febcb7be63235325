package io.brainstem.grad;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SharedGather} with 4-lane vectors: lane {@code l} is partial sum {@code l} (a
 * multiplication, then an addition, as in the scalar loop: no fused multiply-add), so the bits are
 * the scalar loop's on any machine. Only loaded when the {@code jdk.incubator.vector} module is
 * present.
 */
final class SharedGatherVector {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

  private SharedGatherVector() {}

  static void gather(double[] w, int hidden, int blocks, double[] a, double[] out) {
    int whole = hidden & ~3;
    for (int b = 0; b < blocks; b++) {
      int base = b * hidden;
      for (int k = 0; k < hidden; k++) {
        int row = k * hidden;
        DoubleVector sum = DoubleVector.zero(S);
        int h = 0;
        for (; h < whole; h += 4) {
          sum = sum.add(DoubleVector.fromArray(S, w, row + h)
              .mul(DoubleVector.fromArray(S, a, base + h)));
        }
        double s0 = sum.lane(0);
        for (; h < hidden; h++) {
          s0 += w[row + h] * a[base + h];
        }
        out[base + k] = (s0 + sum.lane(1)) + (sum.lane(2) + sum.lane(3));
      }
    }
  }
}
