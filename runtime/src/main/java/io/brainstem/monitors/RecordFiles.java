package io.brainstem.monitors;

import java.nio.file.Path;

/**
 * Where a runner's streamed monitors put their files: one {@link RecordFile} per array, named
 * {@code <stem>.npy} in {@link #directory()}. Implemented by {@code io.brainstem.export.NpyDirectory}.
 */
public interface RecordFiles {
  /** The directory the files are in. */
  Path directory();

  /**
   * A float64 file {@code <stem>.npy}: 1-D with {@code columns == 0}, {@code [rows, columns]} with
   * {@code columns > 0}, 2-D of a width fixed later with {@code columns == -1}.
   *
   * @param owner what writes it, for error messages ("monitor E.V")
   * @throws IllegalArgumentException if another array already uses that file name
   */
  RecordFile doubles(String stem, int columns, String owner);

  /** A 1-D int32 file {@code <stem>.npy}; see {@link #doubles}. */
  RecordFile ints(String stem, String owner);

  /**
   * Writes a 1-D int32 file {@code <stem>.npy} holding {@code values}, complete at once and kept
   * as it is by {@link #clear()} (it describes the recording, e.g. a monitor's column indices).
   *
   * @throws IllegalArgumentException if another array already uses that file name
   * @throws java.io.UncheckedIOException naming the file when it cannot be written
   */
  void constantInts(String stem, int[] values, String owner);

  /**
   * Adds a line describing the recording to the directory's manifest ({@code dt 0.1},
   * {@code monitor values ts E.V}), before the first {@link #flush()}.
   */
  void describe(String line);

  /** Commits at a {@link #boundary()} once {@code steps} steps have passed since the last commit. */
  void flushEvery(long steps);

  /**
   * Called at every step boundary, before the step's first value: commits ({@link #flush()}) if
   * {@link #flushEvery} steps have passed since the last commit or a file asked for one (it wrote
   * out many buffers since).
   */
  void boundary();

  /**
   * Commits: writes out every file's buffer and makes every file, and the manifest, count the rows
   * appended so far (called at step boundaries, so that all files end at the same step).
   */
  void flush();

  /**
   * The rows and columns ({@code {rows, columns}}) of every appended file, by file name, buffered
   * rows included: what a checkpoint records after a {@link #flush()}.
   */
  java.util.Map<String, long[]> fileRows();

  /**
   * Continues the files named in {@code rows} (as {@link #fileRows()} gave them) after that many
   * rows when they are created, instead of replacing them: a resumed run appends to its files.
   * Call before any file is created.
   */
  void continueFiles(java.util.Map<String, long[]> rows);

  /** Empties every file ({@code Runner.reset()}). */
  void clear();

  /** Flushes and closes every file. Idempotent. */
  void close();

  /** Whether {@link #close()} was called. */
  boolean closed();
}
