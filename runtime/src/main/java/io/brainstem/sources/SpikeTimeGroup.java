package io.brainstem.sources;

import io.brainstem.annotations.Integrator;
import io.brainstem.network.NeuronGroup;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Spikes at given times, BrainPy's {@code SpikeTimeGroup(size, indices, times)}: neuron
 * {@code indices[j]} spikes at time {@code times[j]} ms. A spike at time s is emitted in the step
 * whose start t satisfies {@code t ≤ s < t + dt} (with a tolerance of 10⁻⁶·dt so that
 * {@code t = k·dt} rounding does not move it by a step); times outside every run are never
 * emitted. Several spikes of one neuron in one step count once.
 *
 * <pre>{@code
 * SpikeTimeGroup input = net.add(new SpikeTimeGroup("S", 3, new double[] {1, 2, 2.5}, new int[] {0, 2, 1}));
 * }</pre>
 *
 * The events of a step are found by binary search on the sorted times, so the group has no cursor
 * that a {@code Runner.reset()} would have to rewind.
 */
public final class SpikeTimeGroup extends NeuronGroup {
  private final double[] times; // sorted
  private final int[] indices; // in the order of times

  /** {@code size} neurons; neuron {@code indices[j]} spikes at {@code times[j]} ms. */
  public SpikeTimeGroup(String name, int size, double[] times, int[] indices) {
    super(name, "SpikeTime", size, Integrator.EULER);
    if (times == null || indices == null || times.length != indices.length) {
      throw new IllegalArgumentException(
          "SpikeTimeGroup " + name + ": times and indices must have the same length, got "
              + (times == null ? "null" : times.length) + " times and "
              + (indices == null ? "null" : indices.length) + " indices");
    }
    for (int j = 0; j < times.length; j++) {
      if (!Double.isFinite(times[j])) {
        throw new IllegalArgumentException(
            "SpikeTimeGroup " + name + ": time " + j + " must be finite, got " + times[j]);
      }
      if (indices[j] < 0 || indices[j] >= size) {
        throw new IllegalArgumentException(
            "SpikeTimeGroup " + name + ": index " + indices[j] + " (event " + j
                + ") is out of range for " + size + " neurons (valid: 0.." + (size - 1) + ")");
      }
    }
    Integer[] order = IntStream.range(0, times.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(j -> times[j])); // stable: ties keep their order
    this.times = new double[times.length];
    this.indices = new int[times.length];
    for (int j = 0; j < order.length; j++) {
      this.times[j] = times[order[j]];
      this.indices[j] = indices[order[j]];
    }
  }

  @Override
  public int update(double t, double dt, int from, int to, boolean jit) {
    // A pure function of t, so disjoint ranges may run on different threads.
    boolean[] s = spike;
    java.util.Arrays.fill(s, from, to, false);
    double tolerance = 1e-6 * dt;
    double end = t + dt - tolerance;
    for (int e = lowerBound(t - tolerance); e < times.length && times[e] < end; e++) {
      int i = indices[e];
      if (i >= from && i < to) {
        s[i] = true;
      }
    }
    int c = from;
    for (int i = from; i < to; i++) {
      if (s[i]) {
        spikeIndex[c++] = i;
      }
    }
    return c;
  }

  /** The first event with time ≥ {@code x}. */
  private int lowerBound(double x) {
    int lo = 0;
    int hi = times.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Number of events given. */
  public int eventCount() {
    return times.length;
  }

  @Override
  public String toString() {
    return name() + " (spike times, " + size() + " neurons, " + times.length + " events)";
  }
}
