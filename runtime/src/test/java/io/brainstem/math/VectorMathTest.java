package io.brainstem.math;

import static com.google.common.truth.Truth.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The spike list a vector kernel builds after its loop from the flags of its listed vectors; the
 * far exprel lanes redone lane-wise.
 */
class VectorMathTest {
  @Test
  void recordFlaggedListsTheFlaggedLanesOfTheListedVectorsInOrder() {
    int lanes = 4;
    double[] flags = new double[16];
    int[] vectors = new int[16];
    boolean[] spike = new boolean[16];
    int[] spikeIndex = new int[16];
    // A range [4, 16): vectors at 4 and 12 fired (lanes 5, 6 and 12, 15); the vector at 8 did
    // not, so its stale flags must not be read.
    flags[5] = 1.0;
    flags[6] = 1.0;
    flags[8] = 1.0;
    flags[12] = 1.0;
    flags[15] = 1.0;
    vectors[4] = 4;
    vectors[5] = 12;
    spikeIndex[0] = 2; // the range before wrote one spike

    int end = VectorMath.recordFlagged(flags, vectors, 4, 6, lanes, spike, spikeIndex, 1);

    assertThat(end).isEqualTo(5);
    assertThat(Arrays.copyOf(spikeIndex, end)).asList().containsExactly(2, 5, 6, 12, 15).inOrder();
    boolean[] expected = new boolean[16];
    expected[5] = expected[6] = expected[12] = expected[15] = true;
    assertThat(spike).isEqualTo(expected);
  }

  @Test
  void recordFlaggedWithNoListedVectorLeavesTheListAlone() {
    int end = VectorMath.recordFlagged(new double[8], new int[8], 0, 0, 8, new boolean[8],
        new int[8], 0);

    assertThat(end).isEqualTo(0);
  }

  /**
   * exprelFarLanewise: lanes with |z| < 0.5 keep the polynomial's factor bit for bit; the others
   * get dt·(e^z − 1)/z within 2 ulps of the scalar Exprel's; −∞ gives 0, NaN stays NaN; a block
   * not a whole number of vectors ends with the scalar formula.
   */
  @Test
  void farExprelLanesRedoneLaneWise() {
    int n = 203;
    double dt = 0.1;
    double[] carry = new double[2 * n];
    java.util.Random random = new java.util.Random(7);
    for (int k = 0; k < n; k++) {
      carry[k] = -3 + 6 * random.nextDouble(); // z
      carry[n + k] = -1.0 - k; // the polynomial's factor, kept where |z| < 0.5
    }
    carry[3] = Double.NEGATIVE_INFINITY;
    carry[4] = Double.NaN;
    carry[5] = 0.25;
    double[] before = carry.clone();
    VectorMath.exprelFarLanewise(carry, 0, n, n, dt);
    int far = 0;
    for (int k = 0; k < n; k++) {
      double z = before[k];
      double factor = carry[n + k];
      if (Math.abs(z) < 0.5) {
        assertThat(factor).isEqualTo(before[n + k]);
      } else if (Double.isNaN(z)) {
        assertThat(factor).isNaN();
      } else {
        far++;
        double scalar = dt * Exprel.exprel(z);
        assertThat(factor).isWithin(2 * Math.ulp(scalar)).of(scalar);
      }
    }
    assertThat(carry[n + 3]).isEqualTo(0.0);
    assertThat(carry[n + 5]).isEqualTo(before[n + 5]);
    assertThat(far).isGreaterThan(n / 2);
  }
}
