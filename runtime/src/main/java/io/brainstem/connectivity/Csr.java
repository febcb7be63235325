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

  /**
   * The columns {@code from .. to-1} of this matrix, with postsynaptic indices shifted down by
   * {@code from}: the synapses onto those neurons, rows in the same order (a new matrix).
   *
   * @throws IllegalArgumentException if the range is empty or outside {@code [0, postSize)}
   */
  public Csr postSlice(int from, int to) {
    Sizes.checkSlice("Csr", postSize, from, to);
    int[] ptr = new int[preSize + 1];
    int nnz = 0;
    for (int i = 0; i < preSize; i++) {
      for (int s = indptr[i]; s < indptr[i + 1]; s++) {
        if (indices[s] >= from && indices[s] < to) {
          nnz++;
        }
      }
      ptr[i + 1] = nnz;
    }
    int[] kept = new int[nnz];
    int at = 0;
    for (int s = 0; s < indices.length; s++) {
      if (indices[s] >= from && indices[s] < to) {
        kept[at++] = indices[s] - from;
      }
    }
    return new Csr(preSize, to - from, ptr, kept);
  }
}
