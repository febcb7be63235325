package io.brainstem.network;

/**
 * The phases of one step, in the order every runner runs them: this enum's declaration order is the
 * step order, and the one place it is written. Runners iterate {@link #values()}; the network's
 * phases ({@link #PROJECTIONS}, {@link #GROUPS}, {@link #SPIKES}) run through a
 * {@link NetworkStepper}, on the caller's thread or on a pool ({@link ParallelStep}), which gives
 * the same results.
 *
 * <p>Step {@code k} starts at {@code t = t0 + k·dt}; the constants, in order, are BrainPy's
 * schedule (docs/runners.md, "One step").
 */
public enum StepPhase {
  /** The runner's inputs are added to the groups' input accumulators, in the order given. */
  INPUTS,
  /**
   * Every projection, in the order added: integrates its state, delivers the spikes its presynaptic
   * group emitted in the previous step (or earlier, under a delay), adds its output to the
   * postsynaptic input using the postsynaptic state from the start of the step.
   */
  PROJECTIONS,
  /**
   * Every group, in the order added: integrates from {@code t} to {@code t + dt} with the summed
   * input, holds refractory neurons, evaluates the threshold, resets. After it the spike flags
   * ({@code group.spike}) are this step's.
   */
  GROUPS,
  /**
   * The step's spike lists are complete: {@code spikeCount()} and {@code spikeIndices()} give this
   * step's spikes, ascending (on several threads, the per-range lists are joined here). A hook
   * after this phase may replace a group's spikes ({@code setSpikes}), e.g. with spikes received
   * from another process, and projections deliver them in the next step.
   */
  SPIKES,
  /**
   * Monitors record the values after the step, with {@code ts[k] = t} (the start of the step);
   * streamed files commit when due; listeners are called; the NaN guard checks when due.
   */
  RECORD,
  /**
   * Every input accumulator (and stage array) is set to 0; under a plan ({@link
   * Network#assignOutputs}) those a projection assigns in the next step are left to it.
   */
  CLEAR;

  private static final StepPhase[] ORDER = values();

  /** The phases in step order (a copy; runners keep one). */
  public static StepPhase[] order() {
    return ORDER.clone();
  }

  /** Whether this phase updates the network itself: {@link #PROJECTIONS}, {@link #GROUPS}, {@link #SPIKES}. */
  public boolean ofNetwork() {
    return this == PROJECTIONS || this == GROUPS || this == SPIKES;
  }

  /** Whether the network has completed the step once this phase has run (the phases after {@link #SPIKES}). */
  public boolean afterNetwork() {
    return compareTo(SPIKES) > 0;
  }
}
