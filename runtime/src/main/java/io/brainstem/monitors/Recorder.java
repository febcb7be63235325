package io.brainstem.monitors;

import io.brainstem.checkpoint.Checkpointed;
import io.brainstem.checkpoint.StateIn;
import io.brainstem.checkpoint.StateOut;
import java.util.Arrays;

/**
 * A monitor bound to its variable or probe. A runner calls {@link #start} before each run, then
 * {@link #record} after every step; the recorder decides whether the step is one of its recorded
 * steps (every k-th, inside the window) and copies the values into storage allocated at
 * {@code start}, so recording allocates nothing in steady state.
 *
 * <p>A streamed recorder ({@link Monitor#bind(io.brainstem.network.Network, Streams)}) appends
 * its rows to {@link RecordFile}s instead and keeps nothing that grows with the run. Its files hold
 * every row since build or {@link #clear()}, whatever the {@code append} flag of {@link #start}; the
 * flag only chooses which rows its results show.
 */
public abstract class Recorder implements Checkpointed {
  private final String name;
  private final int every;
  private final double windowStart;
  private final double windowEnd;
  private final RecordFile timesFile; // streamed: where the row times are; null in memory
  private final boolean ownsTimes; // streamed: this recorder writes timesFile (else it is the runner's ts)
  private double[] times = new double[0]; // in memory only
  private long rows;
  private long viewFrom; // the first row the results show
  private long next = -1; // the next step to record, -1 when none is left in this run
  private long last;
  private double t0;
  private double dt;

  /** An in-memory recorder. */
  Recorder(Monitor spec) {
    this(spec, null, false);
  }

  /**
   * A streamed recorder whose row times are in {@code timesFile}: its own file when it records
   * every k-th step or a window ({@code ownsTimes}), else the runner's {@code ts} file, whose row r
   * is step r as this recorder's row r is.
   */
  Recorder(Monitor spec, RecordFile timesFile, boolean ownsTimes) {
    this.name = spec.name();
    this.every = spec.every();
    this.windowStart = spec.windowStart();
    this.windowEnd = spec.windowEnd();
    this.timesFile = timesFile;
    this.ownsTimes = ownsTimes;
  }

  /** The monitor's name, the key of its records. */
  public final String name() {
    return name;
  }

  /** Whether the records are spike events rather than {@code double} rows. */
  public abstract boolean isSpike();

  /**
   * Whether recording may read {@code array} (a variable's storage): a runner keeps such arrays
   * current after every step. A probe may read anything.
   */
  public boolean mayRead(double[] array) {
    return true;
  }

  /**
   * The element index of each recorded column (the monitor's index list, or 0..n−1 for a whole
   * variable); null for a probe, whose columns are the values it returns. Not copied.
   */
  abstract int[] columnIndices();

  /** The element index of each column: a copy of {@code indices} (results hand it out), or 0..size−1 when it is null. */
  static int[] columnIds(int size, int[] indices) {
    if (indices != null) {
      return indices.clone();
    }
    int[] all = new int[size];
    for (int i = 0; i < size; i++) {
      all[i] = i;
    }
    return all;
  }

  /** Whether the records go to files. */
  public final boolean isStreamed() {
    return timesFile != null;
  }

  /**
   * Prepares a run of absolute steps {@code first .. first + steps − 1} at {@code t = t0 + k·dt}:
   * works out which of them are recorded and allocates room for them. With {@code append}, the new
   * rows follow those of earlier runs; otherwise earlier rows are dropped (results already handed
   * out keep theirs). Streamed recorders keep earlier rows in their files either way.
   */
  public final void start(long first, int steps, double t0, double dt, boolean append) {
    long[] plan = plan(first, steps, t0, dt);
    long lo = plan[0];
    long hi = plan[1];
    int count = (int) plan[2];
    this.t0 = t0;
    this.dt = dt;
    if (isStreamed()) {
      viewFrom = append ? 0 : rows;
    } else {
      int base = append ? (int) rows : 0;
      if (!append) {
        rows = 0;
      }
      double[] grown = Arrays.copyOf(append ? times : new double[0], base + count);
      for (int r = 0; r < count; r++) {
        grown[base + r] = t0 + (lo + (long) r * every) * dt;
      }
      times = grown;
      viewFrom = 0;
    }
    prepare(count, append);
    next = count > 0 ? lo : -1;
    last = hi;
  }

  /** The first and last recorded step of a run and the number of rows: {@code {lo, hi, count}}. */
  private long[] plan(long first, int steps, double t0, double dt) {
    long lo = first;
    long hi = first + steps - 1;
    if (windowStart != Double.NEGATIVE_INFINITY) {
      double s = Math.ceil((windowStart - t0) / dt - 1e-9);
      lo = (long) Math.max(lo, Math.min(s, hi + 1.0));
    }
    if (windowEnd != Double.POSITIVE_INFINITY) {
      double s = Math.ceil((windowEnd - t0) / dt - 1e-9) - 1;
      hi = (long) Math.min(hi, Math.max(s, lo - 1.0));
    }
    lo = Math.floorDiv(lo + every - 1, every) * every;
    long count = hi >= lo ? (hi - lo) / every + 1 : 0;
    return new long[] {lo, hi, count};
  }

  /**
   * The rows {@link #start} would record for this run and the bytes it would hold in memory for
   * them (0 bytes when streamed): {@code {rows, bytes}}. Spike events are not counted, as they grow
   * with the spikes, but their row times are.
   */
  public final long[] plannedMemory(long first, int steps, double t0, double dt, boolean append) {
    long count = plan(first, steps, t0, dt)[2];
    if (isStreamed()) {
      return new long[] {count, 0};
    }
    long base = append ? rows : 0;
    return new long[] {count, Double.BYTES * (base + count) + count * bytesPerRow()};
  }

  /** The bytes one in-memory row takes besides its time; 0 when unknown before recording. */
  long bytesPerRow() {
    return 0;
  }

  /** The bytes of one in-memory {@code double[width]} row: the values, an array header, a reference. */
  static long doubleRowBytes(int width) {
    return width < 0 ? 0 : (long) Double.BYTES * width + 24;
  }

  /** Called after absolute step {@code step}; records it if it is one of this monitor's steps. */
  public final void record(long step) {
    if (step != next) {
      return;
    }
    store(step);
    if (ownsTimes) {
      timesFile.put(t0 + step * dt);
    }
    rows++;
    long n = step + every;
    next = n > last ? -1 : n;
  }

  /** Drops every stored row (used by {@code Runner.reset()}; a streamed recorder's files are emptied by the runner). */
  public final void clear() {
    rows = 0;
    viewFrom = 0;
    times = new double[0];
    next = -1;
    prepare(0, false);
  }

  /**
   * Saves the records and the position within the run: in memory, every row so far; streamed, only
   * the counters (the checkpoint records the files' lengths).
   */
  @Override
  public final void saveState(StateOut out) {
    out.put("counters", new long[] {rows, viewFrom, next, last});
    out.put("clock", new double[] {t0, dt});
    if (!isStreamed()) {
      out.put("times", times);
    }
    saveRecords(out.child("records"));
  }

  /** Restores what {@link #saveState} saved; a run continues recording from there. */
  @Override
  public final void restoreState(StateIn in) {
    long[] c = in.longs("counters", 4);
    double[] clock = in.doubles("clock", 2);
    double[] t = isStreamed() ? times : in.doubles("times", -1);
    if (!isStreamed() && t.length < c[0]) {
      throw new io.brainstem.checkpoint.CheckpointException("monitor " + name + ": the checkpoint holds "
          + t.length + " row times for " + c[0] + " rows");
    }
    restoreRecords(in.child("records"), c[0]);
    rows = c[0];
    viewFrom = c[1];
    next = c[2];
    last = c[3];
    t0 = clock[0];
    dt = clock[1];
    times = t;
  }

  /** Saves the stored rows (in memory) or the positions in the files (streamed). */
  abstract void saveRecords(StateOut out);

  /** Restores what {@link #saveRecords} saved, for {@code rows} rows. */
  abstract void restoreRecords(StateIn in, long rows);

  /** Makes room for {@code count} more rows; without {@code append}, starts from empty storage. */
  abstract void prepare(int count, boolean append);

  /** Stores the values after absolute step {@code step} as the next row. */
  abstract void store(long step);

  /** The in-memory records so far: {@code double[rows][n]} or {@link SpikeEvents}. */
  abstract Object memorySnapshot(double[] times, double dt);

  /**
   * The streamed records of rows {@code from .. to-1} with row times {@code times}, read from the
   * files; {@code marks} are what {@link #marks()} returned when the results were made.
   */
  abstract Object read(long from, long to, long[] marks, double[] times, double dt);

  /** Positions in the recorder's own files that a later {@link #read} needs (a spike recorder's events). */
  long[] marks() {
    return null;
  }

  /** The records the results show: taken now in memory, read on first request when streamed. */
  final Snapshot snapshot(double dt) {
    if (!isStreamed()) {
      double[] t = Arrays.copyOf(times, (int) rows);
      return Snapshot.of(isSpike(), columnIndices(), t, memorySnapshot(t, dt));
    }
    long from = viewFrom;
    long to = rows;
    long[] marks = marks();
    long generation = timesFile.generation();
    return new Snapshot(isSpike(), columnIndices()) {
      @Override
      double[] times() {
        check();
        return timesFile.readDoubles(from, to);
      }

      @Override
      boolean timesAre(RecordFile file, long a, long b) {
        return file == timesFile && a == from && b == to;
      }

      @Override
      Object data(double[] t, double stepMs) {
        check();
        return read(from, to, marks, t, stepMs);
      }

      private void check() {
        if (timesFile.generation() != generation) {
          throw new IllegalStateException(
              "the records of monitor " + name + " were dropped by reset() after these results were made, "
                  + "and its files (" + timesFile.path().getParent() + ") now hold a new recording; "
                  + "read results before calling reset()");
        }
      }
    };
  }

  /** Rows stored so far. */
  final long rows() {
    return rows;
  }

  final int every() {
    return every;
  }

  /** The time of absolute step {@code step} in the current run. */
  final double timeOf(long step) {
    return t0 + step * dt;
  }
}
