package io.brainstem.network;

/**
 * Where, in each CSR row, the synapses onto each of a fixed set of postsynaptic ranges start, so
 * that a range's delivery walks only its own synapses of a spiking row instead of the whole row.
 *
 * <p>For ranges {@code bounds[0] = 0 < bounds[1] <= ... <= bounds[n] = post size}, {@code
 * table()[i · stride() + p] .. table()[i · stride() + p + 1]} are the positions in {@code indices}
 * of row {@code i}'s targets in {@code [bounds[p], bounds[p + 1])}. Row targets are sorted
 * ascending (see {@code Csr}), so each range's targets are one contiguous run; built once, in one
 * pass over the synapses. A row's {@code n + 1} cuts lie side by side (cut {@code p} is both range
 * {@code p - 1}'s end and range {@code p}'s start): a spiking row costs the ranges of one thread one
 * cache miss for all their cuts, where one array per cut cost two per range (docs/benchmarks-history.md,
 * "Row cuts side by side").
 */
public final class RowCuts {
  private final int[] bounds;
  private final int[] table;

  private RowCuts(int[] bounds, int[] table) {
    this.bounds = bounds;
    this.table = table;
  }

  /**
   * The cuts of the CSR rows {@code indptr}/{@code indices} at the range boundaries {@code
   * bounds}, or null when a row's targets are not sorted ascending (a range must then walk whole
   * rows and skip the targets outside it).
   *
   * @throws IllegalArgumentException if {@code bounds} has fewer than two entries or decreases
   */
  public static RowCuts of(int[] indptr, int[] indices, int[] bounds) {
    if (bounds.length < 2) {
      throw new IllegalArgumentException(
          "bounds must hold at least 2 range boundaries, got " + bounds.length);
    }
    for (int p = 1; p < bounds.length; p++) {
      if (bounds[p] < bounds[p - 1]) {
        throw new IllegalArgumentException("bounds must not decrease, but bounds[" + p + "] = "
            + bounds[p] + " < bounds[" + (p - 1) + "] = " + bounds[p - 1]);
      }
    }
    int rows = indptr.length - 1;
    int stride = bounds.length;
    long size = (long) rows * stride;
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("RowCuts: " + rows + " rows x " + stride
          + " cuts exceed one int[]; use fewer threads");
    }
    int[] table = new int[(int) size];
    for (int i = 0; i < rows; i++) {
      int k = indptr[i];
      int end = indptr[i + 1];
      for (int s = k + 1; s < end; s++) {
        if (indices[s] < indices[s - 1]) {
          return null;
        }
      }
      // cut p of row i: the first position whose target is at least bounds[p]
      int at = i * stride;
      for (int p = 0; p < stride; p++) {
        while (k < end && indices[k] < bounds[p]) {
          k++;
        }
        table[at + p] = k;
      }
    }
    return new RowCuts(bounds.clone(), table);
  }

  /**
   * The index of the range {@code [from, to)} among this table's ranges, or -1 if it is not one of
   * them (the bounds of a table are few: a linear search).
   */
  public int range(int from, int to) {
    for (int p = 0; p + 1 < bounds.length; p++) {
      if (bounds[p] == from && bounds[p + 1] == to) {
        return p;
      }
    }
    return -1;
  }

  /** Every row's cuts, {@link #stride()} per row: range {@code p} of row {@code i} starts at {@code i · stride() + p}. */
  public int[] table() {
    return table;
  }

  /** The cuts per row: the number of ranges plus one. */
  public int stride() {
    return bounds.length;
  }

  /** How many ranges the table cuts. */
  public int ranges() {
    return bounds.length - 1;
  }
}
