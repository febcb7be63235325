package io.brainstem.monitors;

import java.nio.file.Path;

/**
 * One array a streamed monitor writes to disk as a run goes: 1-D ({@code [rows]}) or 2-D
 * ({@code [rows, columns]}), of float64 or int32, growing by appending. Appends go into a fixed-size
 * buffer that is written out when full, so memory does not grow with the run; {@link #flush} writes
 * what is buffered and makes the file complete up to the last appended value. The runner flushes
 * after every run, so results read the files only. Implemented by {@code io.brainstem.export.NpyAppender}.
 *
 * <p>I/O errors are {@link java.io.UncheckedIOException}s naming the file.
 */
public interface RecordFile {
  /** The file. */
  Path path();

  /** Columns of a 2-D file; 0 for a 1-D file; -1 for a 2-D file whose width is not known yet. */
  int columns();

  /** Fixes the width of a 2-D file created with width -1 (a probe's length is known at its first value). */
  void setColumns(int columns);

  /** Rows appended since creation or {@link #clear}, written out or still buffered. */
  long rows();

  /** Appends one float64 value. */
  void put(double value);

  /** Appends {@code length} float64 values of {@code values} from {@code offset}. */
  void put(double[] values, int offset, int length);

  /** Appends one int32 value. */
  void putInt(int value);

  /** Writes out what is buffered and records the number of rows in the file's header. */
  void flush();

  /** Drops every row: the file is emptied (used by {@code Runner.reset()}). */
  void clear();

  /** Counts {@link #clear} calls, so that results read later can tell their rows were dropped. */
  long generation();

  /** Rows {@code from .. to-1} of a 1-D float64 file (flushes first). */
  double[] readDoubles(long from, long to);

  /** Rows {@code from .. to-1} of a 2-D float64 file (flushes first). */
  double[][] readRows(long from, long to);

  /** Rows {@code from .. to-1} of a 1-D int32 file (flushes first). */
  int[] readInts(long from, long to);

  /** Flushes and closes the file; appending afterwards throws, reading still works. Idempotent. */
  void close();
}
