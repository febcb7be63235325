package io.brainstem.connectivity;

/**
 * Connectivity the user already has: compressed sparse rows, (pre, post) pairs or a dense boolean
 * matrix. The arrays are copied and checked when the projection is built: sizes must match the
 * groups, indices must lie inside them, and a pair may appear only once. Rows come out sorted.
 */
public final class Matrices {
  private Matrices() {}

  /** CSR: the targets of pre neuron {@code i} are {@code indices[indptr[i] .. indptr[i+1])}. */
  public static Connector csr(int[] indptr, int[] indices) {
    java.util.Objects.requireNonNull(indptr, "Matrices.csr: indptr is null");
    java.util.Objects.requireNonNull(indices, "Matrices.csr: indices is null");
    int[] ptr = indptr.clone();
    int[] idx = indices.clone();
    return (preSize, postSize) -> {
      Sizes.check("Matrices.csr", preSize, postSize);
      if (ptr.length != preSize + 1) {
        throw new IllegalArgumentException("Matrices.csr: indptr has " + ptr.length
            + " entries, but a presynaptic group of " + preSize + " needs preSize + 1 = "
            + (preSize + 1));
      }
      if (ptr[0] != 0 || ptr[preSize] != idx.length) {
        throw new IllegalArgumentException("Matrices.csr: indptr must start at 0 and end at"
            + " indices.length = " + idx.length + ", got " + ptr[0] + " .. " + ptr[preSize]);
      }
      for (int i = 0; i < preSize; i++) {
        if (ptr[i + 1] < ptr[i]) {
          throw new IllegalArgumentException("Matrices.csr: indptr must not decrease, but indptr["
              + (i + 1) + "] = " + ptr[i + 1] + " < indptr[" + i + "] = " + ptr[i]);
        }
        for (int s = ptr[i]; s < ptr[i + 1]; s++) {
          if (idx[s] < 0 || idx[s] >= postSize) {
            throw new IllegalArgumentException("Matrices.csr: indices[" + s + "] = " + idx[s]
                + " (row " + i + ") is outside the postsynaptic group of " + postSize);
          }
        }
      }
      int[] sorted = idx.clone();
      Coo.sortRows("Matrices.csr", preSize, ptr, sorted);
      return new Csr(preSize, postSize, ptr.clone(), sorted);
    };
  }

  /** Pairs: synapse {@code s} connects {@code pre[s] → post[s]}. */
  public static Connector coo(int[] pre, int[] post) {
    java.util.Objects.requireNonNull(pre, "Matrices.coo: pre is null");
    java.util.Objects.requireNonNull(post, "Matrices.coo: post is null");
    int[] i = pre.clone();
    int[] j = post.clone();
    return (preSize, postSize) -> {
      Sizes.check("Matrices.coo", preSize, postSize);
      return Coo.toCsr("Matrices.coo", preSize, postSize, i, j);
    };
  }

  /** A dense matrix: {@code connected[i][j]} is true when {@code i → j} exists. */
  public static Connector dense(boolean[][] connected) {
    java.util.Objects.requireNonNull(connected, "Matrices.dense: connected is null");
    boolean[][] m = new boolean[connected.length][];
    for (int r = 0; r < m.length; r++) {
      m[r] = java.util.Objects.requireNonNull(connected[r], "Matrices.dense: row " + r + " is null")
          .clone();
    }
    return (preSize, postSize) -> {
      Sizes.check("Matrices.dense", preSize, postSize);
      if (m.length != preSize) {
        throw new IllegalArgumentException("Matrices.dense: the matrix has " + m.length
            + " rows, but the presynaptic group has " + preSize + " neurons");
      }
      int nnz = 0;
      for (int r = 0; r < preSize; r++) {
        if (m[r].length != postSize) {
          throw new IllegalArgumentException("Matrices.dense: row " + r + " has " + m[r].length
              + " columns, but the postsynaptic group has " + postSize + " neurons");
        }
        for (boolean b : m[r]) {
          nnz += b ? 1 : 0;
        }
      }
      int[] indptr = new int[preSize + 1];
      int[] indices = new int[nnz];
      int s = 0;
      for (int r = 0; r < preSize; r++) {
        for (int c = 0; c < postSize; c++) {
          if (m[r][c]) {
            indices[s++] = c;
          }
        }
        indptr[r + 1] = s;
      }
      return new Csr(preSize, postSize, indptr, indices);
    };
  }
}
