package io.brainstem.grad;

import io.brainstem.annotations.RefractoryRule;
import io.brainstem.network.NeuronGroup;

/**
 * One group in a {@link NetworkGradient}: its spike flags at each step's start (the spikes due to
 * its projections), and for a stepped group its backward step, frame and the stored states,
 * inputs and refractory flags of a segment.
 */
final class GroupTape {
  final NeuronGroup group;
  /** Null for an input group (its spikes come from the caller, it is not stepped). */
  final BackwardStep step;
  final AdjointFrame frame;
  final int n;
  final double[][] states;
  final double[][] inputs;
  /** ∂L/∂S of the spikes of the step before the one being differentiated (from the gathers). */
  final double[] spikeNext;
  private final double[] lastSpike;
  private final int refractoryParam;
  private final RefractoryRule rule;
  boolean[][] spikeTape;
  double[][][] stateTape;
  double[][][] inputTape;
  boolean[][] heldTape;

  GroupTape(NeuronGroup group, BackwardStep step, Surrogate surrogate, boolean detach) {
    this.group = group;
    this.step = step;
    this.n = group.size();
    if (step == null) {
      this.frame = null;
      this.states = new double[0][];
      this.inputs = new double[0][];
      this.spikeNext = null;
      this.lastSpike = null;
      this.refractoryParam = -1;
      this.rule = null;
      return;
    }
    this.frame = new AdjointFrame(step);
    frame.surrogate = surrogate;
    frame.detachReset = detach;
    frame.adjSpike = new double[n];
    this.states = arrays(group, step.states());
    this.inputs = arrays(group, step.inputs());
    this.spikeNext = new double[n];
    boolean timed = group.variables().stream().anyMatch(v -> v.name().equals("t_last_spike"));
    int p = group.params().names().indexOf("tau_ref");
    if (timed && p < 0) {
      throw new IllegalArgumentException("group " + group.name() + " (" + group.model()
          + ") is refractory but its period is not a parameter named tau_ref, which the"
          + " backward pass reads to know which steps were held; name the @Refractory"
          + " parameter tau_ref");
    }
    this.lastSpike = timed ? group.doubles("t_last_spike") : null;
    this.refractoryParam = timed ? p : -1;
    this.rule = timed ? rule(group) : null;
  }

  private static double[][] arrays(NeuronGroup group, java.util.List<String> names) {
    double[][] out = new double[names.size()][];
    for (int k = 0; k < out.length; k++) {
      out[k] = group.doubles(names.get(k));
    }
    return out;
  }

  private static RefractoryRule rule(NeuronGroup group) {
    try {
      return (RefractoryRule) group.getClass().getMethod("refractoryRule").invoke(group);
    } catch (ReflectiveOperationException e) {
      return RefractoryRule.BRAINPY;
    }
  }

  void allocate(int segment) {
    if (spikeTape != null && spikeTape.length == segment) {
      return;
    }
    spikeTape = new boolean[segment][n];
    if (step != null) {
      stateTape = new double[segment][states.length][n];
      inputTape = new double[segment][inputs.length][n];
      heldTape = lastSpike == null ? null : new boolean[segment][n];
    }
  }

  /** Before the projections of step {@code t}: the due spikes and the states at its start. */
  void recordStart(int k) {
    System.arraycopy(group.spike, 0, spikeTape[k], 0, n);
    for (int s = 0; s < states.length; s++) {
      System.arraycopy(states[s], 0, stateTape[k][s], 0, n);
    }
  }

  /** After the projections: the inputs the group's step reads, and which elements it holds. */
  void recordInputs(int k, double t, double dt) {
    for (int s = 0; s < inputs.length; s++) {
      System.arraycopy(inputs[s], 0, inputTape[k][s], 0, n);
    }
    if (heldTape != null) {
      boolean[] held = heldTape[k];
      for (int i = 0; i < n; i++) {
        double period = group.params().value(refractoryParam, i);
        held[i] = t - lastSpike[i] < rule.holdTime(period, dt);
      }
    }
  }

  /** Points the frame at step {@code t}'s stored values. */
  void load(int k, double t) {
    for (int s = 0; s < states.length; s++) {
      frame.state[s] = stateTape[k][s];
    }
    for (int s = 0; s < inputs.length; s++) {
      frame.input[s] = inputTape[k][s];
    }
    frame.refractory = heldTape == null ? null : heldTape[k];
    frame.t = t;
  }
}
