package io.brainstem.math;

import static com.google.common.truth.Truth.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The spike list a vector kernel builds after its loop from the flags of its listed vectors. */
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
}
