package io.brainstem.monitors;

/**
 * One monitor's records as {@link MonitorResults} holds them: row times and data ({@code double[][]}
 * or {@link SpikeEvents}), either taken at once (memory) or read from the files on first request
 * (streamed monitors).
 */
abstract class Snapshot {
  private final boolean spike;
  private final int[] indices; // null for a probe

  Snapshot(boolean spike, int[] indices) {
    this.spike = spike;
    this.indices = indices;
  }

  final boolean isSpike() {
    return spike;
  }

  /** The element index of each column of a variable monitor; null for a probe. */
  final int[] indices() {
    return indices;
  }

  /** The time of each row, ms. */
  abstract double[] times();

  /** Whether the row times are rows {@code from .. to-1} of {@code file} (then they can be shared). */
  boolean timesAre(RecordFile file, long from, long to) {
    return false;
  }

  /** The records: {@code double[rows][n]} or {@link SpikeEvents} with row times {@code times}. */
  abstract Object data(double[] times, double dt);

  /** A snapshot of records already in memory. */
  static Snapshot of(boolean spike, int[] indices, double[] times, Object data) {
    return new Snapshot(spike, indices) {
      @Override
      double[] times() {
        return times;
      }

      @Override
      Object data(double[] t, double dt) {
        return data;
      }
    };
  }
}
