package io.brainstem.monitors;

import java.util.Arrays;

/**
 * Records a spike variable as events (row, column). In memory: two int arrays that double when
 * full, so in steady state recording allocates nothing and memory grows with the number of spikes.
 * Streamed: each event appends its time and column to two files.
 */
final class SpikeRecorder extends Recorder {
  private final boolean[] source;
  private final int[] indices; // null: every element
  private final int[] ids; // the element index of each column
  private final int width;
  private final RecordFile timesOut; // streamed only
  private final RecordFile indicesOut; // streamed only
  private long eventsFrom; // streamed: the first event the results show
  private int[] eventRows = new int[1024];
  private int[] eventColumns = new int[1024];
  private int events;
  private int row;

  SpikeRecorder(Monitor spec, boolean[] source, int[] indices) {
    super(spec);
    this.source = source;
    this.indices = indices;
    this.width = indices == null ? source.length : indices.length;
    this.ids = columnIds(source.length, indices);
    this.timesOut = null;
    this.indicesOut = null;
  }

  /**
   * A streamed recorder writing {@code <name>_times.npy} and {@code <name>_indices.npy}, and its
   * column indices to {@code <name>.indices.npy}.
   */
  SpikeRecorder(Monitor spec, boolean[] source, int[] indices, Streams streams) {
    super(spec, streams.timesFor(spec, true), streams.ownsTimes(spec));
    this.source = source;
    this.indices = indices;
    this.width = indices == null ? source.length : indices.length;
    this.ids = columnIds(source.length, indices);
    this.timesOut = streams.spikeTimes(spec);
    this.indicesOut = streams.spikeIndices(spec);
    streams.indices(spec, ids);
    streams.describe(spec, "spikes");
    this.eventRows = null;
    this.eventColumns = null;
  }

  @Override
  public boolean mayRead(double[] array) {
    return false; // the spike flags only
  }

  @Override
  public boolean isSpike() {
    return true;
  }

  @Override
  int[] columnIndices() {
    return ids;
  }

  @Override
  void prepare(int count, boolean append) {
    if (timesOut != null) {
      eventsFrom = append ? 0 : indicesOut.rows();
    } else if (!append) {
      events = 0; // snapshots own copies, so the buffers are reused
      row = 0;
    }
  }

  @Override
  void store(long step) {
    if (timesOut != null) {
      stream(timeOf(step));
      return;
    }
    boolean[] s = source;
    int r = row++;
    if (indices == null) {
      for (int i = 0; i < s.length; i++) {
        if (s[i]) {
          add(r, i);
        }
      }
    } else {
      int[] idx = indices;
      for (int c = 0; c < idx.length; c++) {
        if (s[idx[c]]) {
          add(r, c);
        }
      }
    }
  }

  private void stream(double t) {
    boolean[] s = source;
    if (indices == null) {
      for (int i = 0; i < s.length; i++) {
        if (s[i]) {
          timesOut.put(t);
          indicesOut.putInt(i);
        }
      }
    } else {
      int[] idx = indices;
      for (int c = 0; c < idx.length; c++) {
        if (s[idx[c]]) {
          timesOut.put(t);
          indicesOut.putInt(c);
        }
      }
    }
  }

  private void add(int r, int column) {
    if (events == eventRows.length) {
      int capacity = Math.max(1024, eventRows.length * 2);
      eventRows = Arrays.copyOf(eventRows, capacity);
      eventColumns = Arrays.copyOf(eventColumns, capacity);
    }
    eventRows[events] = r;
    eventColumns[events] = column;
    events++;
  }

  @Override
  void saveRecords(io.brainstem.checkpoint.StateOut out) {
    if (timesOut != null) {
      out.putLong("eventsFrom", eventsFrom);
      return;
    }
    out.putLong("row", row);
    out.put("eventRows", Arrays.copyOf(eventRows, events));
    out.put("eventColumns", Arrays.copyOf(eventColumns, events));
  }

  @Override
  void restoreRecords(io.brainstem.checkpoint.StateIn in, long rows) {
    if (timesOut != null) {
      eventsFrom = in.getLong("eventsFrom");
      return;
    }
    long r = in.getLong("row");
    int[] savedRows = in.ints("eventRows", -1);
    int[] savedColumns = in.ints("eventColumns", savedRows.length);
    int n = savedRows.length;
    eventRows = Arrays.copyOf(savedRows, Math.max(1024, n));
    eventColumns = Arrays.copyOf(savedColumns, Math.max(1024, n));
    events = n;
    row = (int) r;
  }

  @Override
  Object memorySnapshot(double[] times, double dt) {
    return new SpikeEvents(
        name(), times, Arrays.copyOf(eventRows, events), Arrays.copyOf(eventColumns, events), width, dt);
  }

  @Override
  long[] marks() {
    return new long[] {eventsFrom, indicesOut.rows()};
  }

  /** Reads the events and finds each one's row by its time (both ascending; times are computed alike). */
  @Override
  Object read(long from, long to, long[] marks, double[] times, double dt) {
    return read(name(), timesOut, indicesOut, marks[0], marks[1], times, width, dt);
  }

  /** Events {@code from .. to-1} of a spike monitor's files, each matched to its row of {@code times}. */
  static SpikeEvents read(String name, RecordFile timesOut, RecordFile indicesOut, long from, long to,
      double[] times, int width, double dt) {
    double[] eventTimes = timesOut.readDoubles(from, to);
    int[] columns = indicesOut.readInts(from, to);
    int[] rows = new int[eventTimes.length];
    int r = 0;
    for (int e = 0; e < eventTimes.length; e++) {
      while (r < times.length && times[r] != eventTimes[e]) {
        r++;
      }
      if (r == times.length) {
        throw new IllegalStateException(
            "monitor " + name + ": spike " + (from + e) + " in " + timesOut.path() + " at t = "
                + eventTimes[e] + " ms matches no recorded row; the files were changed on disk");
      }
      rows[e] = r;
    }
    return new SpikeEvents(name, times, rows, columns, width, dt);
  }
}
