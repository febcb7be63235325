package io.brainstem.runners;

/**
 * Observes a {@link ReportRunner} step by step. {@link #afterStep} is called once per step, after
 * the network has updated and before input accumulators are cleared (where monitors record), in
 * registration order after the runner's own monitors.
 */
@FunctionalInterface
public interface StepListener {

  /** Called once before a run of {@code steps} steps starting at absolute step {@code firstStep}. */
  default void runStarted(long firstStep, int steps) {}

  /**
   * Called after absolute step {@code step}; {@code t} is the time at the start of that step (the
   * same convention as {@code ts}).
   */
  void afterStep(long step, double t);

  /**
   * Called once after the last step of a run, also of a run stopped by an interrupt; not after a
   * run that failed.
   */
  default void runFinished() {}
}
