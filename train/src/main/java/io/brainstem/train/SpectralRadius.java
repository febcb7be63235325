package io.brainstem.train;

import io.brainstem.connectivity.Csr;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** The spectral radius (largest |eigenvalue|) of a connectivity's weight matrix, by EJML. */
public final class SpectralRadius {
  private SpectralRadius() {}

  /**
   * The spectral radius of the square matrix {@code W[post][pre]} of a connectivity and its weights
   * (in the connectivity's CSR order, one per synapse; repeated pairs add up).
   *
   * @throws IllegalArgumentException if the connectivity is not square or the weights do not match it
   */
  public static double of(Csr csr, double[] weights) {
    if (csr.preSize() != csr.postSize()) {
      throw new IllegalArgumentException("a spectral radius needs a square connectivity (recurrent), "
          + "got " + csr.preSize() + " → " + csr.postSize());
    }
    if (weights.length != csr.indices().length) {
      throw new IllegalArgumentException(weights.length + " weights for " + csr.indices().length
          + " synapses: pass one per synapse, in CSR order");
    }
    int n = csr.preSize();
    DMatrixRMaj w = new DMatrixRMaj(n, n);
    for (int pre = 0; pre < n; pre++) {
      for (int k = csr.indptr()[pre]; k < csr.indptr()[pre + 1]; k++) {
        w.add(csr.indices()[k], pre, weights[k]);
      }
    }
    return of(w);
  }

  /** The spectral radius of a dense square matrix. */
  public static double of(double[][] matrix) {
    return of(new DMatrixRMaj(matrix));
  }

  private static double of(DMatrixRMaj w) {
    if (w.numRows != w.numCols) {
      throw new IllegalArgumentException("a spectral radius needs a square matrix, got "
          + w.numRows + " × " + w.numCols);
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(w.numRows, false);
    if (!eig.decompose(w)) {
      throw new IllegalArgumentException("the eigenvalue decomposition did not converge (a matrix "
          + "with NaN or infinite weights?)");
    }
    double max = 0;
    for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
      Complex_F64 v = eig.getEigenvalue(i);
      max = Math.max(max, v.getMagnitude());
    }
    return max;
  }
}
