package io.brainstem.monitors;

import java.util.Arrays;

/** Row storage for double records: rows are allocated before a run and never rewritten. */
final class DoubleRows extends RowStore {
  private double[][] rows = new double[0][];
  private int count;
  private int width;

  DoubleRows(int width) {
    this.width = width;
  }

  /** Room for {@code extra} rows of {@code width} (a negative width allocates rows later). */
  @Override
  void prepare(int extra, boolean append) {
    if (!append) {
      rows = new double[extra][];
      count = 0;
    } else {
      rows = Arrays.copyOf(rows, count + extra);
    }
    if (width >= 0) {
      for (int r = count; r < rows.length; r++) {
        rows[r] = new double[width];
      }
    }
  }

  @Override
  int width() {
    return width;
  }

  /** Fixes the width of a probe on its first value and allocates the pending rows. */
  @Override
  void setWidth(int w) {
    width = w;
    for (int r = count; r < rows.length; r++) {
      rows[r] = new double[w];
    }
  }

  /** The row to fill next; the caller fills it, then the row counts as stored. */
  @Override
  double[] next() {
    return rows[count++];
  }

  @Override
  void commit() {}

  double[][] snapshot() {
    return Arrays.copyOf(rows, count);
  }
}
