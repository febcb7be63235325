package io.brainstem.train.bptt;

import io.brainstem.grad.NetworkGradient;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import java.util.Objects;

/**
 * What a {@link NetworkTrainer} reads as a trial's class scores, one per element of an output group
 * (its size is the number of classes): the group's spike counts over the run, or the mean of one
 * of its states over the run (a leaky readout: a non-spiking group's {@code V}).
 */
public final class Scores {
  private final String group;
  private final String state; // null: spike counts
  private NeuronGroup bound;
  private double[] values;

  private Scores(String group, String state) {
    this.group = Objects.requireNonNull(group, "group");
    this.state = state;
  }

  /**
   * The spike count of each element of {@code group} over the run.
   *
   * @param group the output group's name
   * @return the scores
   */
  public static Scores spikeCounts(String group) {
    return new Scores(group, null);
  }

  /**
   * The mean over the run of {@code state} of each element of {@code group} (after each step).
   *
   * @param group the output group's name
   * @param state a state of its model, e.g. {@code "V"}
   * @return the scores
   */
  public static Scores meanState(String group, String state) {
    return new Scores(group, Objects.requireNonNull(state, "state"));
  }

  /** The output group's name. */
  String group() {
    return group;
  }

  int bind(Network network) {
    this.bound = network.group(group);
    if (state != null) {
      this.values = bound.doubles(state); // names the group's variables when unknown
    }
    return bound.size();
  }

  /** Adds step {@code t}'s contribution to {@code z} (one trial's C scores). */
  void observe(int t, int steps, double[] z) {
    if (state == null) {
      for (int k = 0; k < z.length; k++) {
        z[k] += bound.spike[k] ? 1 : 0;
      }
    } else {
      for (int k = 0; k < z.length; k++) {
        z[k] += values[k] / steps;
      }
    }
  }

  /** Adds {@code ∂L/∂z}'s share of step {@code t} to the engine's adjoints. */
  void adjoint(NetworkGradient g, int steps, double[] dz) {
    double[] a = state == null ? g.spikeAdjoint(bound) : g.stateAdjoint(bound, state);
    double scale = state == null ? 1 : 1.0 / steps;
    for (int k = 0; k < dz.length; k++) {
      a[k] += dz[k] * scale;
    }
  }

  @Override
  public String toString() {
    return state == null ? "spikeCounts(" + group + ")" : "meanState(" + group + ", " + state + ")";
  }
}
