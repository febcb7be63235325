package io.brainstem.testing;

import io.brainstem.annotations.Integrator;
import io.brainstem.network.NeuronGroup;

/**
 * A deterministic test group: neuron {@code i} spikes on its update number {@code u} (0-based) when
 * {@code (u + i) % period == 0}. It sums its input into {@code V}, copies the input it saw into
 * {@code seen}, and stores the {@code t} it was updated with in {@code t}.
 */
public final class Pacemaker extends NeuronGroup {
  public final double[] V;
  public final double[] seen;
  public final double[] t;
  public final double[] input;
  private final int period;
  private volatile long updates;
  /** Neurons updated in the current update: ranges run in any order, on any thread. */
  private final java.util.concurrent.atomic.AtomicInteger updated =
      new java.util.concurrent.atomic.AtomicInteger();
  /** The {@code jit} flag of the last update. */
  public Boolean lastJit;

  public Pacemaker(String name, int size, int period) {
    super(name, "Pacemaker", size, Integrator.EULER);
    if (period <= 0) {
      throw new IllegalArgumentException("period must be positive");
    }
    this.period = period;
    this.V = state("V", 0.0);
    this.seen = state("seen", 0.0);
    this.t = state("t", Double.NaN);
    this.input = input("input");
  }

  @Override
  public int update(double time, double dt, int from, int to, boolean jit) {
    long updates = this.updates;
    int end = from;
    for (int i = from; i < to; i++) {
      V[i] += input[i];
      seen[i] = input[i];
      t[i] = time;
      spike[i] = (updates + i) % period == 0;
      if (spike[i]) {
        spikeIndex[end++] = i;
      }
    }
    // The range that completes the group ends its update; every range has read the count by then.
    if (updated.addAndGet(to - from) >= size()) {
      updated.set(0);
      this.updates = updates + 1;
    }
    lastJit = jit;
    return end;
  }
}
