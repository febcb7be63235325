package io.brainstem.monitors;

import io.brainstem.network.Variable;

/**
 * Records a double variable (all elements or chosen ones) as rows, in memory or streamed; a float
 * variable ({@code Precision.FLOAT}) is recorded widened to double, exactly.
 */
final class ValueRecorder extends Recorder {
  private final double[] source; // null for a float variable
  private final float[] floats;
  private final int[] indices; // null: every element
  private final int[] ids; // the element index of each column
  private final RowStore data;

  ValueRecorder(Monitor spec, Variable v, int[] indices) {
    super(spec);
    this.source = v.doubles();
    this.floats = v.floats();
    this.indices = indices;
    this.ids = columnIds(v.size(), indices);
    this.data = new DoubleRows(width(v, indices));
  }

  /** A streamed recorder writing its rows to {@code <name>.npy} and its column indices to {@code <name>.indices.npy}. */
  ValueRecorder(Monitor spec, Variable v, int[] indices, Streams streams) {
    super(spec, streams.timesFor(spec, false), streams.ownsTimes(spec));
    this.source = v.doubles();
    this.floats = v.floats();
    this.indices = indices;
    this.ids = columnIds(v.size(), indices);
    this.data = new FileRows(streams.values(spec, width(v, indices)));
    streams.indices(spec, ids);
    streams.describe(spec, "values");
  }

  private static int width(Variable v, int[] indices) {
    return indices == null ? v.size() : indices.length;
  }

  @Override
  public boolean mayRead(double[] array) {
    return array == source;
  }

  @Override
  public boolean isSpike() {
    return false;
  }

  @Override
  int[] columnIndices() {
    return ids;
  }

  @Override
  long bytesPerRow() {
    return doubleRowBytes(data.width());
  }

  @Override
  void prepare(int count, boolean append) {
    data.prepare(count, append);
  }

  @Override
  void store(long step) {
    if (floats != null) {
      storeFloats();
      return;
    }
    if (indices == null) {
      data.add(source);
      return;
    }
    double[] dest = data.next();
    int[] idx = indices;
    for (int c = 0; c < idx.length; c++) {
      dest[c] = source[idx[c]];
    }
    data.commit();
  }

  private void storeFloats() {
    double[] dest = data.next();
    int[] idx = indices;
    if (idx == null) {
      for (int c = 0; c < dest.length; c++) {
        dest[c] = floats[c];
      }
    } else {
      for (int c = 0; c < idx.length; c++) {
        dest[c] = floats[idx[c]];
      }
    }
    data.commit();
  }

  @Override
  void saveRecords(io.brainstem.checkpoint.StateOut out) {
    data.save(out);
  }

  @Override
  void restoreRecords(io.brainstem.checkpoint.StateIn in, long rows) {
    data.restore(in);
  }

  @Override
  Object memorySnapshot(double[] times, double dt) {
    return ((DoubleRows) data).snapshot();
  }

  @Override
  Object read(long from, long to, long[] marks, double[] times, double dt) {
    return ((FileRows) data).file().readRows(from, to);
  }
}
