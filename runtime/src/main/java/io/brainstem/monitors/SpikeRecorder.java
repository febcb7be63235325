package io.brainstem.monitors;

import java.util.Arrays;

/**
 * Records a spike variable as events (row, column) in two int arrays that double when full, so in
 * steady state recording allocates nothing and memory grows with the number of spikes.
 */
final class SpikeRecorder extends Recorder {
  private final boolean[] source;
  private final int[] indices; // null: every element
  private final int width;
  private int[] eventRows = new int[1024];
  private int[] eventColumns = new int[1024];
  private int events;
  private int row;

  SpikeRecorder(Monitor spec, boolean[] source, int[] indices) {
    super(spec);
    this.source = source;
    this.indices = indices;
    this.width = indices == null ? source.length : indices.length;
  }

  @Override
  public boolean isSpike() {
    return true;
  }

  @Override
  void prepare(int count, boolean append) {
    if (!append) {
      events = 0; // snapshots own copies, so the buffers are reused
      row = 0;
    }
  }

  @Override
  void store() {
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
  Object snapshot(double[] times, double dt) {
    return new SpikeEvents(
        name(), times, Arrays.copyOf(eventRows, events), Arrays.copyOf(eventColumns, events), width, dt);
  }
}
