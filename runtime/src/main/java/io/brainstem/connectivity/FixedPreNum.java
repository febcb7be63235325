package io.brainstem.connectivity;

import io.brainstem.math.Rng;

/**
 * Every postsynaptic neuron receives exactly {@code k} distinct presynaptic partners, drawn
 * uniformly (BrainPy's {@code FixedPreNum}). With {@link #includeSelf(boolean) includeSelf(false)}
 * the partner {@code j} is excluded from neuron {@code j}'s draw. Column {@code j} is drawn from
 * {@link Rng#stream stream j} of the seed, so the matrix depends only on (k, seed, includeSelf,
 * sizes).
 */
public final class FixedPreNum implements Connector {
  private final int k;
  private final long seed;
  private final boolean includeSelf;

  /**
   * {@code k} sources for each postsynaptic neuron, self-connections allowed.
   *
   * @param k the number of sources of each postsynaptic neuron
   * @param seed seeds the random draw
   */
  public FixedPreNum(int k, long seed) {
    this(k, seed, true);
  }

  private FixedPreNum(int k, long seed, boolean includeSelf) {
    if (k < 0) {
      throw new IllegalArgumentException("FixedPreNum: k must be >= 0, got " + k);
    }
    this.k = k;
    this.seed = seed;
    this.includeSelf = includeSelf;
  }

  /** A copy that keeps ({@code true}, the default) or excludes self-connections {@code j → j}. */
  public FixedPreNum includeSelf(boolean include) {
    return new FixedPreNum(k, seed, include);
  }

  @Override
  public Csr build(int preSize, int postSize) {
    Sizes.check("FixedPreNum", preSize, postSize);
    int candidates = includeSelf ? preSize : preSize - 1;
    if (k > candidates) {
      throw new IllegalArgumentException("FixedPreNum: k = " + k + " distinct partners cannot be"
          + " drawn from " + candidates + " presynaptic neurons" + (includeSelf ? "" : " (self"
          + " excluded)") + "; use k <= " + candidates);
    }
    Sizes.checkTotal("FixedPreNum", (long) postSize * k);
    int[] pre = new int[postSize * k];
    int[] post = new int[postSize * k];
    int[] marks = new int[preSize];
    for (int j = 0; j < postSize; j++) {
      int excluded = !includeSelf && j < preSize ? j : -1;
      Sizes.draw(Rng.stream(seed, j), preSize, k, excluded, j + 1, marks, pre, j * k);
      java.util.Arrays.fill(post, j * k, (j + 1) * k, j);
    }
    return Coo.toCsr("FixedPreNum", preSize, postSize, pre, post);
  }

  /** Draws only the columns {@code [from, to)}: each column has its own stream. */
  @Override
  public Csr buildPostSlice(int preSize, int postSize, int from, int to) {
    Sizes.check("FixedPreNum", preSize, postSize);
    Sizes.checkSlice("FixedPreNum", postSize, from, to);
    int candidates = includeSelf ? preSize : preSize - 1;
    if (k > candidates) {
      return build(preSize, postSize); // throws, naming the fix
    }
    int n = to - from;
    Sizes.checkTotal("FixedPreNum", (long) n * k);
    int[] pre = new int[n * k];
    int[] post = new int[n * k];
    int[] marks = new int[preSize];
    for (int j = from; j < to; j++) {
      int excluded = !includeSelf && j < preSize ? j : -1;
      int at = (j - from) * k;
      Sizes.draw(Rng.stream(seed, j), preSize, k, excluded, j + 1, marks, pre, at);
      java.util.Arrays.fill(post, at, at + k, j - from);
    }
    return Coo.toCsr("FixedPreNum", preSize, n, pre, post);
  }

  @Override
  public String toString() {
    return "FixedPreNum(k=" + k + ", seed=" + seed + (includeSelf ? "" : ", includeSelf=false")
        + ")";
  }
}
