package io.brainstem.connectivity;

/**
 * A pre→post connection matrix in compressed sparse rows: the targets of presynaptic neuron
 * {@code i} are {@code indices[indptr[i] .. indptr[i+1])}, sorted ascending.
 *
 * @param preSize the number of presynaptic neurons (rows)
 * @param postSize the number of postsynaptic neurons (columns)
 * @param indptr where each row starts in {@code indices}, {@code preSize + 1} entries
 * @param indices the postsynaptic neuron of each connection, row by row
 */
public record Csr(int preSize, int postSize, int[] indptr, int[] indices) {
  /** Checks that {@code indptr} and {@code indices} describe {@code preSize} rows. */
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
