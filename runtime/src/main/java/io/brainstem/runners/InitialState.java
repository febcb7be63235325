package io.brainstem.runners;

import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Network;
import io.brainstem.network.Projection;
import io.brainstem.network.Variable;
import java.util.ArrayList;
import java.util.List;

/** A copy of every variable of every group and projection, taken to be restored by {@code reset()}. */
final class InitialState {
  private final List<NeuronGroup> groups;
  private final List<Projection> projections;
  private final List<Variable> variables = new ArrayList<>();
  private final List<Object> copies = new ArrayList<>();
  private final List<java.util.Map<String, Object>> hidden = new ArrayList<>(); // live arrays
  private final List<java.util.Map<String, Object>> hiddenCopies = new ArrayList<>();

  InitialState(Network network) {
    this.groups = network.groups();
    this.projections = network.projections();
    for (NeuronGroup g : network.groups()) {
      g.variables().forEach(this::keep);
      keepHidden(g.hiddenState());
    }
    for (Projection p : network.projections()) {
      p.variables().forEach(this::keep);
      keepHidden(p.hiddenState());
    }
  }

  private void keepHidden(java.util.Map<String, Object> arrays) {
    hidden.add(arrays);
    hiddenCopies.add(io.brainstem.checkpoint.HiddenArrays.copy(arrays));
  }

  private void keep(Variable v) {
    variables.add(v);
    copies.add(v.isBoolean() ? v.booleans().clone() : v.isFloat() ? v.floats().clone()
        : v.doubles().clone());
  }

  /**
   * Copies the kept values back into the live arrays, rebuilds each group's spike list from its
   * restored flags, and drops delayed spikes in flight.
   */
  void restore() {
    restore(java.util.Set.of());
  }

  /** {@link #restore()}, leaving the variables whose {@code path()} is in {@code keep} as they are. */
  void restore(java.util.Set<String> keep) {
    for (int i = 0; i < variables.size(); i++) {
      Variable v = variables.get(i);
      Object copy = copies.get(i);
      if (keep.contains(v.path())) {
        continue;
      }
      if (v.isBoolean()) {
        System.arraycopy((boolean[]) copy, 0, v.booleans(), 0, v.size());
      } else if (v.isFloat()) {
        System.arraycopy((float[]) copy, 0, v.floats(), 0, v.size());
      } else {
        System.arraycopy((double[]) copy, 0, v.doubles(), 0, v.size());
      }
    }
    for (int i = 0; i < hidden.size(); i++) {
      java.util.Map<String, Object> copy = hiddenCopies.get(i);
      hidden.get(i).forEach((name, a) -> io.brainstem.checkpoint.HiddenArrays.copy(copy.get(name), a));
    }
    groups.forEach(NeuronGroup::syncSpikeList);
    projections.forEach(Projection::dropInFlightSpikes);
  }
}
