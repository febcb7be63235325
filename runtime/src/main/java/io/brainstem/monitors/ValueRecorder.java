package io.brainstem.monitors;

/** Records a double variable (all elements or chosen ones) as rows. */
final class ValueRecorder extends Recorder {
  private final double[] source;
  private final int[] indices; // null: every element
  private final DoubleRows data;

  ValueRecorder(Monitor spec, double[] source, int[] indices) {
    super(spec);
    this.source = source;
    this.indices = indices;
    this.data = new DoubleRows(indices == null ? source.length : indices.length);
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
  void store() {
    double[] dest = data.next();
    if (indices == null) {
      System.arraycopy(source, 0, dest, 0, dest.length);
    } else {
      int[] idx = indices;
      for (int c = 0; c < idx.length; c++) {
        dest[c] = source[idx[c]];
      }
    }
  }

  @Override
  Object snapshot(double[] times, double dt) {
    return data.snapshot();
  }
}
