package io.brainstem.monitors;

/** Where a value recorder keeps its {@code double} rows: in memory ({@link DoubleRows}) or in a file ({@link FileRows}). */
abstract class RowStore {
  /** Room for {@code count} more rows; without {@code append}, earlier rows are dropped. */
  abstract void prepare(int count, boolean append);

  /** The row width, or -1 while a probe's width is unknown. */
  abstract int width();

  /** Fixes the width of a probe on its first value. */
  abstract void setWidth(int width);

  /** The row to fill next; {@link #commit()} stores it. */
  abstract double[] next();

  /** Stores the row {@link #next()} returned. */
  abstract void commit();

  /** Saves the stored rows for a checkpoint. */
  abstract void save(io.brainstem.checkpoint.StateOut out);

  /** Restores what {@link #save} saved. */
  abstract void restore(io.brainstem.checkpoint.StateIn in);

  /** Stores {@code values} (of length {@link #width()}) as the next row. */
  void add(double[] values) {
    System.arraycopy(values, 0, next(), 0, values.length);
    commit();
  }
}
