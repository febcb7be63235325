package io.brainstem.mpi;

import io.brainstem.annotations.Integrator;
import io.brainstem.network.NeuronGroup;

/**
 * Every neuron of a group that {@link DistributedNetwork} splits over ranks, as spikes only: after
 * each step's exchange it holds the step's spikes of all ranks, in global indices, so projections
 * from it deliver every presynaptic spike to this rank's neurons. It has no state; its update only
 * withdraws the last exchange's spikes, which the next exchange replaces.
 */
public final class SpikeMirror extends NeuronGroup {
  private final NeuronGroup local;

  SpikeMirror(NeuronGroup local, int globalSize) {
    super(mirrorName(local.name()), "SpikeMirror", globalSize, Integrator.EULER);
    this.local = local;
  }

  /** The name of the mirror of group {@code name}: {@code name@all}. */
  public static String mirrorName(String name) {
    return name + "@all";
  }

  /** The group whose slice this rank steps. */
  public NeuronGroup local() {
    return local;
  }

  @Override
  public int update(double t, double dt, int from, int to, boolean jit) {
    // Clears this range's flags of the last exchange (disjoint ranges write disjoint flags).
    int n = spikeCount();
    for (int c = 0; c < n; c++) {
      int i = spikeIndex[c];
      if (i >= from && i < to) {
        spike[i] = false;
      }
    }
    return from;
  }

  @Override
  public String toString() {
    return name() + " (spikes of all " + size() + " neurons of " + local.name() + ")";
  }
}
