package io.brainstem.connectivity;

import io.brainstem.math.Rng;
import java.util.Arrays;

/**
 * Random connectivity with a fixed out-degree, as BrainPy ≥ 2.3's {@code FixedProb}: every
 * presynaptic neuron gets exactly {@code k = (int) (postSize · prob)} distinct targets drawn
 * uniformly without replacement; with {@link #includeSelf(boolean) includeSelf(false)} the target
 * equal to the presynaptic index is removed afterwards, so that row has {@code k − 1}.
 *
 * <p>Rows are drawn with Floyd's algorithm from {@link Rng#stream(long, long) stream i} of the seed,
 * so the matrix depends only on (prob, seed, includeSelf, sizes) — not on the JDK, and not on the
 * order rows are built in (rows can be built in parallel later).
 */
public final class FixedProb implements Connector {
  private final double prob;
  private final long seed;
  private final boolean includeSelf;

  /**
   * @param prob connection probability in [0, 1]; each row gets {@code (int) (postSize · prob)} targets
   * @param seed the seed that fixes the whole matrix
   */
  public FixedProb(double prob, long seed) {
    this(prob, seed, true);
  }

  private FixedProb(double prob, long seed, boolean includeSelf) {
    if (!(prob >= 0 && prob <= 1)) {
      throw new IllegalArgumentException("FixedProb: prob must be in [0, 1], got " + prob);
    }
    this.prob = prob;
    this.seed = seed;
    this.includeSelf = includeSelf;
  }

  /** A copy that keeps ({@code true}, the default) or removes self-connections {@code i → i}. */
  public FixedProb includeSelf(boolean include) {
    return new FixedProb(prob, seed, include);
  }

  /** The connection probability. */
  public double prob() {
    return prob;
  }

  /** The seed that fixes the matrix. */
  public long seed() {
    return seed;
  }

  /** Whether {@code i → i} connections are kept. */
  public boolean includesSelf() {
    return includeSelf;
  }

  /** The out-degree every row is drawn with for a postsynaptic group of {@code postSize}. */
  public int degree(int postSize) {
    return (int) (postSize * prob);
  }

  @Override
  public Csr build(int preSize, int postSize) {
    if (preSize <= 0 || postSize <= 0) {
      throw new IllegalArgumentException(
          "FixedProb: group sizes must be positive, got pre " + preSize + ", post " + postSize);
    }
    int k = degree(postSize);
    long total = (long) preSize * k;
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "FixedProb: " + preSize + " x " + k + " = " + total + " synapses exceed one int[] CSR");
    }
    int[] indptr = new int[preSize + 1];
    int[] indices = new int[(int) total];
    // marks[j] == row + 1 means j was already drawn for this row: no clearing between rows.
    int[] marks = new int[postSize];
    int nnz = 0;
    for (int i = 0; i < preSize; i++) {
      drawRow(Rng.stream(seed, i), postSize, k, i + 1, marks, indices, nnz);
      Arrays.sort(indices, nnz, nnz + k);
      int end = nnz + k;
      if (!includeSelf) {
        end = removeValue(indices, nnz, end, i);
      }
      nnz = end;
      indptr[i + 1] = nnz;
    }
    return new Csr(preSize, postSize, indptr, nnz == indices.length ? indices : Arrays.copyOf(indices, nnz));
  }

  /**
   * Draws every row as {@link #build} does (each row's stream must be consumed whole, so the work is
   * the whole matrix's) but keeps only the targets in {@code [from, to)}: memory for the slice only.
   */
  @Override
  public Csr buildPostSlice(int preSize, int postSize, int from, int to) {
    if (preSize <= 0 || postSize <= 0) {
      throw new IllegalArgumentException(
          "FixedProb: group sizes must be positive, got pre " + preSize + ", post " + postSize);
    }
    Sizes.checkSlice("FixedProb", postSize, from, to);
    int k = degree(postSize);
    int[] indptr = new int[preSize + 1];
    int[] row = new int[k];
    int[] marks = new int[postSize];
    // Expected size plus slack; grows if a draw is denser than expected.
    long expected = (long) preSize * k * (to - from) / postSize;
    int[] indices = new int[(int) Math.min(Integer.MAX_VALUE - 8, expected + expected / 8 + 16)];
    int nnz = 0;
    for (int i = 0; i < preSize; i++) {
      drawRow(Rng.stream(seed, i), postSize, k, i + 1, marks, row, 0);
      Arrays.sort(row, 0, k);
      int lo = lowerBound(row, k, from);
      int hi = lowerBound(row, k, to);
      if (nnz + (hi - lo) > indices.length) {
        indices = Arrays.copyOf(indices, Math.max(indices.length * 2, nnz + hi - lo));
      }
      for (int s = lo; s < hi; s++) {
        if (includeSelf || row[s] != i) {
          indices[nnz++] = row[s] - from;
        }
      }
      indptr[i + 1] = nnz;
    }
    return new Csr(preSize, to - from, indptr, Arrays.copyOf(indices, nnz));
  }

  /** The first position of the sorted {@code a[0 .. n)} holding a value ≥ {@code x}. */
  private static int lowerBound(int[] a, int n, int x) {
    int at = Arrays.binarySearch(a, 0, n, x);
    return at >= 0 ? at : -at - 1;
  }

  /** Floyd's algorithm: k distinct uniform values of [0, n) into out[from .. from + k). */
  private static void drawRow(Rng rng, int n, int k, int stamp, int[] marks, int[] out, int from) {
    int pos = from;
    for (int j = n - k; j < n; j++) {
      int t = rng.nextInt(j + 1);
      int chosen = marks[t] == stamp ? j : t;
      marks[chosen] = stamp;
      out[pos++] = chosen;
    }
  }

  /** Removes {@code value} from the sorted range [from, end) in place; returns the new end. */
  private static int removeValue(int[] a, int from, int end, int value) {
    int at = Arrays.binarySearch(a, from, end, value);
    if (at < 0) {
      return end;
    }
    System.arraycopy(a, at + 1, a, at, end - at - 1);
    return end - 1;
  }

  @Override
  public String toString() {
    return "FixedProb(prob=" + prob + ", seed=" + seed + (includeSelf ? "" : ", includeSelf=false") + ")";
  }
}
