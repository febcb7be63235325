package io.brainstem.monitors;

import io.brainstem.network.Network;

/** Records what a callable probe returns, in memory or streamed. */
final class ProbeRecorder extends Recorder {
  private final Network network;
  private final ScalarProbe scalar;
  private final ArrayProbe array;
  private final RowStore data;

  ProbeRecorder(Monitor spec, Network network, ScalarProbe scalar, ArrayProbe array) {
    super(spec);
    this.network = network;
    this.scalar = scalar;
    this.array = array;
    this.data = new DoubleRows(scalar != null ? 1 : -1);
  }

  /** A streamed recorder writing its rows to {@code <name>.npy}. */
  ProbeRecorder(Monitor spec, Network network, ScalarProbe scalar, ArrayProbe array, Streams streams) {
    super(spec, streams.timesFor(spec, false), streams.ownsTimes(spec));
    this.network = network;
    this.scalar = scalar;
    this.array = array;
    this.data = new FileRows(streams.values(spec, scalar != null ? 1 : -1));
    streams.describe(spec, "probe");
  }

  @Override
  public boolean isSpike() {
    return false;
  }

  @Override
  int[] columnIndices() {
    return null;
  }

  @Override
  long bytesPerRow() {
    return doubleRowBytes(data.width());
  }

  @Override
  void prepare(int count, boolean append) {
    data.prepare(count, append);
  }

  @Override
  void store(long step) {
    if (scalar != null) {
      double value = scalar.value(network); // before next(): a probe that throws stores no row
      data.next()[0] = value;
      data.commit();
      return;
    }
    double[] values = array.values(network);
    if (values == null) {
      throw new IllegalStateException("monitor " + name() + ": the probe returned null");
    }
    if (data.width() < 0) {
      if (values.length == 0 && isStreamed()) {
        throw new IllegalStateException(
            "monitor " + name() + ": the probe returned no values; a streamed probe must return at least one");
      }
      data.setWidth(values.length);
    } else if (values.length != data.width()) {
      throw new IllegalStateException(
          "monitor " + name() + ": the probe returned " + values.length + " values, but "
              + data.width() + " before; a probe must return the same number of values every step");
    }
    data.add(values);
  }

  @Override
  void saveRecords(io.brainstem.checkpoint.StateOut out) {
    data.save(out);
  }

  @Override
  void restoreRecords(io.brainstem.checkpoint.StateIn in, long rows) {
    data.restore(in);
  }

  @Override
  Object memorySnapshot(double[] times, double dt) {
    return ((DoubleRows) data).snapshot();
  }

  @Override
  Object read(long from, long to, long[] marks, double[] times, double dt) {
    return ((FileRows) data).file().readRows(from, to);
  }
}
