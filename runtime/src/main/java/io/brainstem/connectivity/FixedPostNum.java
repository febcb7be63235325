package io.brainstem.connectivity;

import io.brainstem.math.Rng;
import java.util.Arrays;

/**
 * Every presynaptic neuron gets exactly {@code k} distinct postsynaptic targets, drawn uniformly
 * (BrainPy's {@code FixedPostNum}; {@link FixedProb} is the same with {@code k = postSize · prob}).
 * With {@link #includeSelf(boolean) includeSelf(false)} the target {@code i} is excluded from row
 * {@code i}'s draw, so the row still has {@code k}. Row {@code i} is drawn from {@link Rng#stream
 * stream i} of the seed: the matrix depends only on (k, seed, includeSelf, sizes).
 */
public final class FixedPostNum implements Connector {
  private final int k;
  private final long seed;
  private final boolean includeSelf;

  /**
   * {@code k} targets for each presynaptic neuron, self-connections allowed.
   *
   * @param k the number of targets of each presynaptic neuron
   * @param seed seeds the random draw
   */
  public FixedPostNum(int k, long seed) {
    this(k, seed, true);
  }

  private FixedPostNum(int k, long seed, boolean includeSelf) {
    if (k < 0) {
      throw new IllegalArgumentException("FixedPostNum: k must be >= 0, got " + k);
    }
    this.k = k;
    this.seed = seed;
    this.includeSelf = includeSelf;
  }

  /** A copy that keeps ({@code true}, the default) or excludes self-connections {@code i → i}. */
  public FixedPostNum includeSelf(boolean include) {
    return new FixedPostNum(k, seed, include);
  }

  @Override
  public Csr build(int preSize, int postSize) {
    Sizes.check("FixedPostNum", preSize, postSize);
    int candidates = includeSelf ? postSize : postSize - 1;
    if (k > candidates) {
      throw new IllegalArgumentException("FixedPostNum: k = " + k + " distinct targets cannot be"
          + " drawn from " + candidates + " postsynaptic neurons" + (includeSelf ? "" : " (self"
          + " excluded)") + "; use k <= " + candidates);
    }
    Sizes.checkTotal("FixedPostNum", (long) preSize * k);
    int[] indptr = new int[preSize + 1];
    int[] indices = new int[preSize * k];
    int[] marks = new int[postSize];
    for (int i = 0; i < preSize; i++) {
      int excluded = !includeSelf && i < postSize ? i : -1;
      Sizes.draw(Rng.stream(seed, i), postSize, k, excluded, i + 1, marks, indices, i * k);
      Arrays.sort(indices, i * k, (i + 1) * k);
      indptr[i + 1] = (i + 1) * k;
    }
    return new Csr(preSize, postSize, indptr, indices);
  }

  @Override
  public String toString() {
    return "FixedPostNum(k=" + k + ", seed=" + seed + (includeSelf ? "" : ", includeSelf=false")
        + ")";
  }
}
