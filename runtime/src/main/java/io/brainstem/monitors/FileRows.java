package io.brainstem.monitors;

/**
 * Row storage in a 2-D {@link RecordFile}: a row is filled in one reused array, then appended to
 * the file's buffer, so nothing is allocated per row (a probe's row array once, at its first value).
 */
final class FileRows extends RowStore {
  private final RecordFile file;
  private double[] row;

  FileRows(RecordFile file) {
    this.file = file;
    int w = file.columns();
    this.row = w >= 0 ? new double[w] : null;
  }

  RecordFile file() {
    return file;
  }

  @Override
  void prepare(int count, boolean append) {}

  @Override
  int width() {
    return file.columns();
  }

  @Override
  void setWidth(int width) {
    file.setColumns(width);
    row = new double[width];
  }

  @Override
  double[] next() {
    return row;
  }

  @Override
  void save(io.brainstem.checkpoint.StateOut out) {} // the file's length is the checkpoint's

  @Override
  void restore(io.brainstem.checkpoint.StateIn in) {}

  @Override
  void commit() {
    file.put(row, 0, row.length);
  }

  @Override
  void add(double[] values) {
    file.put(values, 0, values.length);
  }
}
