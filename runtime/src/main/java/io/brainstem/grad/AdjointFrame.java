package io.brainstem.grad;

import java.util.Objects;

/**
 * The arrays one {@link BackwardStep} call reads and writes: the forward values of one step of a
 * group (the states at its start, the inputs it read, which elements were held refractory), and
 * the adjoints. Allocated once per group and reused for every step, so the backward pass does not
 * allocate.
 *
 * <p>Before a call, {@link #adjState} holds {@code ∂L/∂x} of the states after the step (after the
 * reset) and {@link #adjSpike} {@code ∂L/∂S} of the step's spikes; the call overwrites {@link
 * #adjState} with {@code ∂L/∂x} of the states before it, writes {@link #adjInput} and adds to
 * {@link #gradParam} (per element; {@link #parameterGradient} sums them).
 */
public final class AdjointFrame {
  /** The states at the start of the step, {@code [state][element]}. */
  public final double[][] state;
  /** The inputs the step read, {@code [input][element]}. */
  public final double[][] input;
  /** Whether each element was held (refractory) during the step; null when none ever is. */
  public boolean[] refractory;
  /** The time at the start of the step. */
  public double t;
  /** The step size. */
  public double dt;
  /** The adjoints of the states: after the step on entry, before it on return. */
  public final double[][] adjState;
  /** {@code ∂L/∂S} of each element's spike in this step; null for none. */
  public double[] adjSpike;
  /**
   * {@code ∂L/∂output} of a synapse's step (the adjoint of what it added to the postsynaptic
   * input), per postsynaptic neuron; null for a neuron group's frame, or for none.
   */
  public double[] adjOutput;
  /** {@code ∂L/∂input} of the step, written by each call. */
  public final double[][] adjInput;
  /** The parameter gradients per element, {@code [param][element]}, accumulated over calls. */
  public final double[][] gradParam;
  /**
   * The per-synapse parameter gradients of a {@link GradedBackwardStep} or a {@link
   * SynapseStateBackward}, {@code [param][synapse]} in CSR order, accumulated over calls; empty
   * for other steps.
   */
  public final double[][] gradSynapse;
  /**
   * The per-synapse states at the start of the step of a {@link SynapseStateBackward}, {@code
   * [state][synapse]}; empty for other steps.
   */
  public final double[][] synapseState;
  /** Their adjoints: after the step on entry, before it on return. */
  public final double[][] adjSynapseState;
  /**
   * Each synapse's spike adjoint in this step (the jump it makes), written by {@link
   * SynapseStateBackward#backwardSynapses}; null for other steps.
   */
  public final double[] synapseSpike;
  /** The presynaptic spikes due in the step (a {@link SynapseStateBackward}'s), one per neuron. */
  public boolean[] preSpiked;
  /** The spike's surrogate derivative {@code dS/dθ}. */
  public Surrogate surrogate = Surrogate.fastSigmoid(10);
  /** Whether the reset passes no gradient through the spike (the reset is "detached"). */
  public boolean detachReset;

  /**
   * A frame for {@code step}'s group, zeroed.
   *
   * @param step the backward step whose shapes it takes
   */
  public AdjointFrame(BackwardStep step) {
    Objects.requireNonNull(step, "step");
    int n = step.size();
    this.state = new double[step.states().size()][n];
    this.input = new double[step.inputs().size()][];
    this.adjInput = new double[step.inputs().size()][];
    for (int k = 0; k < input.length; k++) {
      // a graded step's @Pre inputs have one value per presynaptic neuron
      int size = step instanceof GradedBackwardStep g ? g.inputSize(k) : n;
      input[k] = new double[size];
      adjInput[k] = new double[size];
    }
    this.adjState = new double[step.states().size()][n];
    this.gradParam = new double[step.params().size()][n];
    if (step instanceof GradedBackwardStep g) {
      this.gradSynapse = new double[g.synapseParams().size()][g.synapseCount()];
    } else if (step instanceof SynapseStateBackward s) {
      this.gradSynapse = new double[s.synapseParams().size()][s.synapseCount()];
    } else {
      this.gradSynapse = new double[0][];
    }
    if (step instanceof SynapseStateBackward s) {
      this.synapseState = new double[s.synapseStates().size()][s.synapseCount()];
      this.adjSynapseState = new double[s.synapseStates().size()][s.synapseCount()];
      this.synapseSpike = new double[s.synapseCount()];
    } else {
      this.synapseState = new double[0][];
      this.adjSynapseState = new double[0][];
      this.synapseSpike = null;
    }
  }

  /**
   * The gradient of parameter {@code p} summed over the elements (the gradient of a group-wide
   * parameter), in element order so the sum does not depend on threads.
   *
   * @param p the parameter's index in {@link BackwardStep#params()}
   * @return {@code Σ_i gradParam[p][i]}
   */
  public double parameterGradient(int p) {
    double sum = 0;
    for (double g : gradParam[p]) {
      sum += g;
    }
    return sum;
  }
}
