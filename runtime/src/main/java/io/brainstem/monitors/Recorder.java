package io.brainstem.monitors;

import java.util.Arrays;

/**
 * A monitor bound to its variable or probe. A runner calls {@link #start} before each run, then
 * {@link #record} after every step; the recorder decides whether the step is one of its recorded
 * steps (every k-th, inside the window) and copies the values into storage allocated at
 * {@code start}, so recording allocates nothing in steady state.
 */
public abstract class Recorder {
  private final String name;
  private final int every;
  private final double windowStart;
  private final double windowEnd;
  private double[] times = new double[0];
  private int rows;
  private long next = -1; // the next step to record, -1 when none is left in this run
  private long last;

  Recorder(Monitor spec) {
    this.name = spec.name();
    this.every = spec.every();
    this.windowStart = spec.windowStart();
    this.windowEnd = spec.windowEnd();
  }

  /** The monitor's name, the key of its records. */
  public final String name() {
    return name;
  }

  /** Whether the records are spike events rather than {@code double} rows. */
  public abstract boolean isSpike();

  /**
   * Prepares a run of absolute steps {@code first .. first + steps − 1} at {@code t = t0 + k·dt}:
   * works out which of them are recorded and allocates room for them. With {@code append}, the new
   * rows follow those of earlier runs; otherwise earlier rows are dropped (results already handed
   * out keep theirs).
   */
  public final void start(long first, int steps, double t0, double dt, boolean append) {
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
    int count = hi >= lo ? (int) ((hi - lo) / every + 1) : 0;
    int base = append ? rows : 0;
    if (!append) {
      rows = 0;
    }
    double[] grown = Arrays.copyOf(append ? times : new double[0], base + count);
    for (int r = 0; r < count; r++) {
      grown[base + r] = t0 + (lo + (long) r * every) * dt;
    }
    times = grown;
    prepare(count, append);
    next = count > 0 ? lo : -1;
    last = hi;
  }

  /** Called after absolute step {@code step}; records it if it is one of this monitor's steps. */
  public final void record(long step) {
    if (step != next) {
      return;
    }
    store();
    rows++;
    long n = step + every;
    next = n > last ? -1 : n;
  }

  /** Drops every stored row (used by {@code Runner.reset()}). */
  public final void clear() {
    rows = 0;
    times = new double[0];
    next = -1;
    prepare(0, false);
  }

  /** Makes room for {@code count} more rows; without {@code append}, starts from empty storage. */
  abstract void prepare(int count, boolean append);

  /** Stores the current values as the next row. */
  abstract void store();

  /** The records so far: {@code double[rows][n]} or {@link SpikeEvents}. */
  abstract Object snapshot(double[] times, double dt);

  /** Times of the rows stored so far (ms, the start of each recorded step). */
  final double[] times() {
    return Arrays.copyOf(times, rows);
  }

  /** Rows stored so far. */
  final int rows() {
    return rows;
  }

  final int every() {
    return every;
  }
}
