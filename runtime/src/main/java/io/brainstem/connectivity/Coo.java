package io.brainstem.connectivity;

import java.util.Arrays;

/** Turns (pre, post) pairs into a {@link Csr} with sorted rows, rejecting bad or repeated pairs. */
final class Coo {
  private Coo() {}

  static Csr toCsr(String connector, int preSize, int postSize, int[] pre, int[] post) {
    if (pre.length != post.length) {
      throw new IllegalArgumentException(connector + ": the pre and post index arrays must have"
          + " the same length, got " + pre.length + " and " + post.length);
    }
    int[] indptr = new int[preSize + 1];
    for (int s = 0; s < pre.length; s++) {
      if (pre[s] < 0 || pre[s] >= preSize || post[s] < 0 || post[s] >= postSize) {
        throw new IllegalArgumentException(connector + ": pair " + s + " (" + pre[s] + " -> "
            + post[s] + ") is outside the groups (pre size " + preSize + ", post size " + postSize
            + ")");
      }
      indptr[pre[s] + 1]++;
    }
    for (int i = 0; i < preSize; i++) {
      indptr[i + 1] += indptr[i];
    }
    int[] fill = Arrays.copyOf(indptr, preSize);
    int[] indices = new int[pre.length];
    for (int s = 0; s < pre.length; s++) {
      indices[fill[pre[s]]++] = post[s];
    }
    sortRows(connector, preSize, indptr, indices);
    return new Csr(preSize, postSize, indptr, indices);
  }

  /** Sorts each row ascending; a repeated target is an error naming the pair. */
  static void sortRows(String connector, int preSize, int[] indptr, int[] indices) {
    for (int i = 0; i < preSize; i++) {
      Arrays.sort(indices, indptr[i], indptr[i + 1]);
      for (int s = indptr[i] + 1; s < indptr[i + 1]; s++) {
        if (indices[s] == indices[s - 1]) {
          throw new IllegalArgumentException(connector + ": the pair " + i + " -> " + indices[s]
              + " is given twice; each pre -> post pair may appear once");
        }
      }
    }
  }
}
