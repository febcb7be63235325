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
 * The names are {@link MonitorFiles}'s. The runner calls {@link #step} at the start of every step:
 * it commits the files at that boundary when due (every {@code flushEvery} ms of simulated time, or
 * sooner when a file wrote out many buffers since), then appends the step's time to {@code ts}. Each
 * monitor is described in the directory's manifest ({@code monitor <values|probe|spikes> <ts|own>
 * <name>}), with {@code dt} and {@code t0}, so that the directory can be read back on its own.
 */
public final class Streams {
  private final RecordFiles files;
  private final RecordFile ts;

  /**
   * Creates {@code ts.npy} in {@code files}; the monitors' files are created as they are bound.
   *
   * @param flushEveryMs the longest stretch of simulated time between commits (at least one step)
   */
  public Streams(RecordFiles files, double dt, double t0, double flushEveryMs) {
    this.files = Objects.requireNonNull(files, "files");
    this.ts = files.doubles(MonitorFiles.TS, 0, "the runner's step times ts");
    files.describe("dt " + dt);
    files.describe("t0 " + t0);
    double steps = Math.floor(flushEveryMs / dt * (1 + 1e-9));
    files.flushEvery(steps >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, (long) steps));
  }

  /**
   * Called at the start of every step, before anything records it: commits the files at this
   * boundary when due, then appends {@code t} to {@code ts}.
   */
  public void step(double t) {
    files.boundary();
    ts.put(t);
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

  /** Lists a bound monitor in the manifest: {@code kind} is values, probe or spikes. */
  void describe(Monitor spec, String kind) {
    files.describe("monitor " + kind + " " + (ownsTimes(spec) ? "own" : "ts") + " " + spec.name());
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
