package io.brainstem.connectivity;

import java.util.Arrays;
import java.util.Objects;

/**
 * Another connector's pairs made symmetric: {@code i → j} and {@code j → i} for every pair either
 * one makes, each once, rows in ascending order. For a projection from a group onto itself where
 * each connection works both ways, such as a {@code GapJunction}; give both directions the same
 * value with a constant or {@link SynapseInit#symmetric()}.
 */
public final class Symmetric implements Connector {
  private final Connector connector;

  /** The symmetric closure of {@code connector}'s pairs. */
  public Symmetric(Connector connector) {
    this.connector = Objects.requireNonNull(connector,
        "connector is null; pass one such as new FixedProb(0.1, seed)");
  }

  @Override
  public Csr build(int preSize, int postSize) {
    if (preSize != postSize) {
      throw new IllegalArgumentException("Symmetric(" + connector + ") needs a group onto itself "
          + "(or groups of one size), got " + preSize + " -> " + postSize);
    }
    Csr csr = connector.build(preSize, postSize);
    int n = preSize;
    int[] degree = new int[n];
    for (int i = 0; i < n; i++) {
      for (int k = csr.indptr()[i]; k < csr.indptr()[i + 1]; k++) {
        degree[i]++;
        degree[csr.indices()[k]]++;
      }
    }
    int[][] rows = new int[n][];
    int[] fill = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = new int[degree[i]];
    }
    for (int i = 0; i < n; i++) {
      for (int k = csr.indptr()[i]; k < csr.indptr()[i + 1]; k++) {
        int j = csr.indices()[k];
        rows[i][fill[i]++] = j;
        rows[j][fill[j]++] = i;
      }
    }
    int[] indptr = new int[n + 1];
    int[] indices = new int[Math.toIntExact(Arrays.stream(degree).asLongStream().sum())];
    int nnz = 0;
    for (int i = 0; i < n; i++) {
      int[] row = rows[i];
      Arrays.sort(row);
      for (int m = 0; m < row.length; m++) {
        if (m == 0 || row[m] != row[m - 1]) {
          indices[nnz++] = row[m];
        }
      }
      indptr[i + 1] = nnz;
    }
    return new Csr(n, n, indptr, Arrays.copyOf(indices, nnz));
  }

  @Override
  public String toString() {
    return "Symmetric(" + connector + ")";
  }
}
