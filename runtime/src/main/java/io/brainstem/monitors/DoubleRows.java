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

  @Override
  void save(io.brainstem.checkpoint.StateOut out) {
    out.put("shape", new long[] {rows.length, count, width});
    int w = Math.max(0, width);
    double[] flat = new double[count * w];
    for (int r = 0; r < count; r++) {
      System.arraycopy(rows[r], 0, flat, r * w, w);
    }
    out.put("values", flat);
  }

  @Override
  void restore(io.brainstem.checkpoint.StateIn in) {
    long[] shape = in.longs("shape", 3);
    int capacity = (int) shape[0];
    int n = (int) shape[1];
    int w = (int) shape[2];
    if (n > capacity || (w < 0 && n > 0) || (width >= 0 && w != width)) {
      throw new io.brainstem.checkpoint.CheckpointException("a monitor's saved rows have shape "
          + java.util.Arrays.toString(shape) + ", which does not fit its width " + width);
    }
    double[] flat = in.doubles("values", n * Math.max(0, w));
    double[][] restored = new double[capacity][];
    for (int r = 0; r < capacity; r++) {
      if (w >= 0) {
        restored[r] = new double[w];
      }
      if (r < n) {
        System.arraycopy(flat, r * w, restored[r], 0, w);
      }
    }
    rows = restored;
    count = n;
    width = w;
  }

  double[][] snapshot() {
    return Arrays.copyOf(rows, count);
  }
}
