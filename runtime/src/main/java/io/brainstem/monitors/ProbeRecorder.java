package io.brainstem.monitors;

import io.brainstem.network.Network;

/** Records what a callable probe returns. */
final class ProbeRecorder extends Recorder {
  private final Network network;
  private final ScalarProbe scalar;
  private final ArrayProbe array;
  private final DoubleRows data;

  ProbeRecorder(Monitor spec, Network network, ScalarProbe scalar, ArrayProbe array) {
    super(spec);
    this.network = network;
    this.scalar = scalar;
    this.array = array;
    this.data = new DoubleRows(scalar != null ? 1 : -1);
  }

  @Override
  public boolean isSpike() {
    return false;
  }

  @Override
  void prepare(int count, boolean append) {
    data.prepare(count, append);
  }

  @Override
  void store() {
    if (scalar != null) {
      data.next()[0] = scalar.value(network);
      return;
    }
    double[] values = array.values(network);
    if (values == null) {
      throw new IllegalStateException("monitor " + name() + ": the probe returned null");
    }
    if (data.width() < 0) {
      data.setWidth(values.length);
    } else if (values.length != data.width()) {
      throw new IllegalStateException(
          "monitor " + name() + ": the probe returned " + values.length + " values, but "
              + data.width() + " before; a probe must return the same number of values every step");
    }
    System.arraycopy(values, 0, data.next(), 0, values.length);
  }

  @Override
  Object snapshot(double[] times, double dt) {
    return data.snapshot();
  }
}
