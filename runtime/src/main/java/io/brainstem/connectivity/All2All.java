package io.brainstem.connectivity;

/**
 * Every presynaptic neuron to every postsynaptic neuron (BrainPy's {@code All2All}); with
 * {@link #includeSelf(boolean) includeSelf(false)} the pairs {@code i → i} are left out.
 */
public final class All2All implements Connector {
  private final boolean includeSelf;

  /** Every pair, {@code i → i} included. */
  public All2All() {
    this(true);
  }

  private All2All(boolean includeSelf) {
    this.includeSelf = includeSelf;
  }

  /** A copy that keeps ({@code true}, the default) or removes self-connections {@code i → i}. */
  public All2All includeSelf(boolean include) {
    return new All2All(include);
  }

  @Override
  public Csr build(int preSize, int postSize) {
    Sizes.check("All2All", preSize, postSize);
    long total = (long) preSize * postSize;
    Sizes.checkTotal("All2All", total);
    int[] indptr = new int[preSize + 1];
    int[] indices = new int[(int) total];
    int nnz = 0;
    for (int i = 0; i < preSize; i++) {
      for (int j = 0; j < postSize; j++) {
        if (includeSelf || i != j) {
          indices[nnz++] = j;
        }
      }
      indptr[i + 1] = nnz;
    }
    return new Csr(preSize, postSize, indptr, java.util.Arrays.copyOf(indices, nnz));
  }

  @Override
  public String toString() {
    return "All2All(" + (includeSelf ? "" : "includeSelf=false") + ")";
  }
}
