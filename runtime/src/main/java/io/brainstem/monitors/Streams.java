package io.brainstem.monitors;

import java.util.Objects;

/**
 * The file layout of a runner's streamed monitors, in the directory of its {@link RecordFiles}
 * (the names of {@code Npz.write}'s entries):
 *
 * <ul>
 *   <li>{@code ts.npy}: float64 {@code (T,)}, the start time of every step since build or reset
 *       (written by the runner);
 *   <li>a value monitor or probe {@code name}: {@code name.npy}, float64 {@code (rows, n)}, and,
 *       when it records every k-th step or a window, {@code name_times.npy} (rows,) with the time
 *       of each row (otherwise row r is step r of {@code ts});
 *   <li>a spike monitor {@code name}: {@code name_times.npy} float64 and {@code name_indices.npy}
 *       int32 (the column), one entry per spike, and, with every k-th step or a window,
 *       {@code name_rowtimes.npy} (rows,) with the time of each recorded row;
 *   <li>a variable monitor (value or spike) {@code name}: {@code name.indices.npy} int32 (n,), the
 *       element index of each column, written when the runner is built.
 * </ul>
 *
 * The names are {@link MonitorFiles}'s.
 */
public final class Streams {
  private final RecordFiles files;
  private final RecordFile ts;

  /** Creates {@code ts.npy} in {@code files}; the monitors' files are created as they are bound. */
  public Streams(RecordFiles files) {
    this.files = Objects.requireNonNull(files, "files");
    this.ts = files.doubles(MonitorFiles.TS, 0, "the runner's step times ts");
  }

  /** The runner's {@code ts} file: one entry per step. */
  public RecordFile ts() {
    return ts;
  }

  /** The files. */
  public RecordFiles files() {
    return files;
  }

  boolean ownsTimes(Monitor spec) {
    return spec.every() > 1 || spec.windowStart() != Double.NEGATIVE_INFINITY
        || spec.windowEnd() != Double.POSITIVE_INFINITY;
  }

  RecordFile timesFor(Monitor spec, boolean spike) {
    if (!ownsTimes(spec)) {
      return ts;
    }
    String name = spec.name();
    return files.doubles(spike ? MonitorFiles.rowTimes(name) : MonitorFiles.times(name), 0, owner(spec));
  }

  RecordFile values(Monitor spec, int columns) {
    if (columns == 0) {
      throw new IllegalArgumentException(
          "monitor " + spec.name() + " records 0 values per step; there is nothing to stream");
    }
    return files.doubles(spec.name(), columns, owner(spec));
  }

  RecordFile spikeTimes(Monitor spec) {
    return files.doubles(MonitorFiles.times(spec.name()), 0, owner(spec));
  }

  RecordFile spikeIndices(Monitor spec) {
    return files.ints(MonitorFiles.spikeColumns(spec.name()), owner(spec));
  }

  /** Writes the element index of each column, {@code <name>.indices.npy}, once. */
  void indices(Monitor spec, int[] ids) {
    files.constantInts(MonitorFiles.indices(spec.name()), ids, owner(spec));
  }

  private static String owner(Monitor spec) {
    return "monitor " + spec.name();
  }
}
