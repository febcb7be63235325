package io.brainstem.grad;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.connectivity.Csr;
import io.brainstem.network.Kernels;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared-weight gather is the CSR gather of the block-diagonal synapses; vector = scalar bits. */
class SharedGatherTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 4, 37, 100})
  void isTheCsrGatherOfTheBlockDiagonalSynapses(int hidden) {
    int blocks = 5;
    Random random = new Random(hidden);
    double[] w = gaussians(random, hidden * hidden);
    double[] a = gaussians(random, blocks * hidden);
    int n = blocks * hidden;
    int[] indptr = new int[n + 1];
    int[] indices = new int[n * hidden];
    double[] weights = new double[n * hidden];
    for (int row = 0; row < n; row++) {
      for (int h = 0; h < hidden; h++) {
        indices[row * hidden + h] = row / hidden * hidden + h;
        weights[row * hidden + h] = w[row % hidden * hidden + h];
      }
      indptr[row + 1] = (row + 1) * hidden;
    }
    double[] csr = new double[n];
    new ProjectionBackward(new Csr(n, n, indptr, indices)).spikeAdjoint(weights, a, csr, 0, n);
    double[] shared = new double[n];
    SharedGather.gather(w, hidden, blocks, a, shared);
    for (int i = 0; i < n; i++) {
      assertThat(shared[i]).isWithin(1e-12 * (1 + Math.abs(csr[i]))).of(csr[i]);
    }
    double[] scalar = new double[n];
    SharedGather.scalar(w, hidden, blocks, a, scalar);
    assertWithMessage("vector kernels are off: %s", Kernels.whyScalar()).that(Kernels.vector())
        .isTrue();
    assertThat(shared).isEqualTo(scalar); // the vector loop's bits are the scalar loop's
  }

  private static double[] gaussians(Random random, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextGaussian();
    }
    return x;
  }
}
