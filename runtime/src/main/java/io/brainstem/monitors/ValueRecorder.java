package io.brainstem.monitors;

/** Records a double variable (all elements or chosen ones) as rows, in memory or streamed. */
final class ValueRecorder extends Recorder {
  private final double[] source;
  private final int[] indices; // null: every element
  private final RowStore data;

  ValueRecorder(Monitor spec, double[] source, int[] indices) {
    super(spec);
    this.source = source;
    this.indices = indices;
    this.data = new DoubleRows(width(source, indices));
  }

  /** A streamed recorder writing its rows to {@code <name>.npy}. */
  ValueRecorder(Monitor spec, double[] source, int[] indices, Streams streams) {
    super(spec, streams.timesFor(spec, false), streams.ownsTimes(spec));
    this.source = source;
    this.indices = indices;
    this.data = new FileRows(streams.values(spec, width(source, indices)));
  }

  private static int width(double[] source, int[] indices) {
    return indices == null ? source.length : indices.length;
  }

  @Override
  public boolean isSpike() {
    return false;
  }

  @Override
  void prepare(int count, boolean append) {
    data.prepare(count, append);
  }

  @Override
  void store(long step) {
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

  @Override
  Object memorySnapshot(double[] times, double dt) {
    return ((DoubleRows) data).snapshot();
  }

  @Override
  Object read(long from, long to, long[] marks, double[] times, double dt) {
    return ((FileRows) data).file().readRows(from, to);
  }
}
