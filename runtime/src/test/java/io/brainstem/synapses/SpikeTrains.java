package io.brainstem.synapses;

import io.brainstem.sources.SpikeTimeGroup;
import java.util.ArrayList;
import java.util.List;

/** Test input: a {@link SpikeTimeGroup} firing given trains, neuron {@code i} at {@code trains[i]}. */
final class SpikeTrains {
  private SpikeTrains() {}

  static SpikeTimeGroup group(String name, int size, double[][] trains) {
    List<Double> times = new ArrayList<>();
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < trains.length; i++) {
      for (double t : trains[i]) {
        times.add(t);
        indices.add(i);
      }
    }
    return new SpikeTimeGroup(name, size, times.stream().mapToDouble(Double::doubleValue).toArray(),
        indices.stream().mapToInt(Integer::intValue).toArray());
  }
}
