package io.brainstem.connectivity;

import io.brainstem.math.Rng;
import java.util.Arrays;

/**
 * Distance-dependent random connectivity on a 2-D grid (BrainPy's {@code GaussianProb}): both
 * groups are laid out on the same {@code rows × cols} grid (neuron {@code r·cols + c} at row r,
 * column c) and {@code i → j} exists with probability
 *
 * <pre>
 *   p(i, j) = exp(−d(i, j)² / (2·sigma²))
 * </pre>
 *
 * where d is the Euclidean distance in grid units, measured around the torus when {@link
 * #periodic(boolean) periodic(true)}. Self-connections ({@code d = 0}, p = 1) are kept unless
 * {@link #includeSelf(boolean) includeSelf(false)}. Row {@code i} is drawn from {@link Rng#stream
 * stream i} of the seed.
 */
public final class GaussianProb implements Connector {
  private final int rows;
  private final int cols;
  private final double sigma;
  private final long seed;
  private final boolean periodic;
  private final boolean includeSelf;

  /** Both groups on a {@code rows × cols} grid; {@code sigma} in grid units. */
  public GaussianProb(int rows, int cols, double sigma, long seed) {
    this(rows, cols, sigma, seed, false, true);
  }

  private GaussianProb(
      int rows, int cols, double sigma, long seed, boolean periodic, boolean includeSelf) {
    if (rows <= 0 || cols <= 0) {
      throw new IllegalArgumentException(
          "GaussianProb: the grid must be at least 1 x 1, got " + rows + " x " + cols);
    }
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException(
          "GaussianProb: sigma must be a positive number of grid units, got " + sigma);
    }
    this.rows = rows;
    this.cols = cols;
    this.sigma = sigma;
    this.seed = seed;
    this.periodic = periodic;
    this.includeSelf = includeSelf;
  }

  /** A copy measuring distances around the torus ({@code true}) or in the plane (the default). */
  public GaussianProb periodic(boolean wrap) {
    return new GaussianProb(rows, cols, sigma, seed, wrap, includeSelf);
  }

  /** A copy that keeps ({@code true}, the default) or removes self-connections {@code i → i}. */
  public GaussianProb includeSelf(boolean include) {
    return new GaussianProb(rows, cols, sigma, seed, periodic, include);
  }

  /** The connection probability between grid neurons {@code i} and {@code j}. */
  public double probability(int i, int j) {
    double dr = Math.abs(i / cols - j / cols);
    double dc = Math.abs(i % cols - j % cols);
    if (periodic) {
      dr = Math.min(dr, rows - dr);
      dc = Math.min(dc, cols - dc);
    }
    return Math.exp(-(dr * dr + dc * dc) / (2 * sigma * sigma));
  }

  @Override
  public Csr build(int preSize, int postSize) {
    Sizes.check("GaussianProb", preSize, postSize);
    int cells = rows * cols;
    if (preSize != cells || postSize != cells) {
      throw new IllegalArgumentException("GaussianProb: both groups must have rows x cols = "
          + rows + " x " + cols + " = " + cells + " neurons, got pre " + preSize + ", post "
          + postSize);
    }
    int[] indptr = new int[preSize + 1];
    int[] indices = new int[Math.min(16 * preSize, Integer.MAX_VALUE - 8)];
    int nnz = 0;
    for (int i = 0; i < preSize; i++) {
      Rng rng = Rng.stream(seed, i);
      for (int j = 0; j < postSize; j++) {
        // One draw per pair, self included, so includeSelf does not shift the other draws.
        boolean connect = rng.uniform() < probability(i, j);
        if (connect && (includeSelf || i != j)) {
          if (nnz == indices.length) {
            Sizes.checkTotal("GaussianProb", 2L * nnz);
            indices = Arrays.copyOf(indices, 2 * nnz);
          }
          indices[nnz++] = j;
        }
      }
      indptr[i + 1] = nnz;
    }
    return new Csr(preSize, postSize, indptr, Arrays.copyOf(indices, nnz));
  }

  @Override
  public String toString() {
    return "GaussianProb(" + rows + "x" + cols + ", sigma=" + sigma + ", seed=" + seed
        + (periodic ? ", periodic" : "") + (includeSelf ? "" : ", includeSelf=false") + ")";
  }
}
