package io.brainstem.connectivity;

/**
 * A pre→post connection matrix in compressed sparse rows: the targets of presynaptic neuron
 * {@code i} are {@code indices[indptr[i] .. indptr[i+1])}, sorted ascending.
 */
public record Csr(int preSize, int postSize, int[] indptr, int[] indices) {
  public Csr {
    if (indptr.length != preSize + 1) {
      throw new IllegalArgumentException("indptr must have preSize + 1 = " + (preSize + 1) + " entries");
    }
    if (indptr[preSize] != indices.length) {
      throw new IllegalArgumentException("indptr[preSize] must equal indices.length");
    }
  }

  /** Number of targets of presynaptic neuron {@code i}. */
  public int outDegree(int i) {
    return indptr[i + 1] - indptr[i];
  }
}
