package io.brainstem.network;

/**
 * Runs the network's phases of a step ({@link StepPhase#ofNetwork()}): on the caller's thread, or
 * split over a pool of threads ({@link ParallelStep}) with identical results. It does not say in
 * which order the phases run: callers iterate {@link StepPhase}.
 */
public sealed interface NetworkStepper extends AutoCloseable permits SerialStep, ParallelStep {

  /**
   * A stepper for {@code network}'s current groups and projections on {@code threads} threads (the
   * caller included): 1 runs on the caller's thread alone.
   */
  static NetworkStepper of(Network network, int threads) {
    return threads == 1 ? new SerialStep(network) : new ParallelStep(network, threads);
  }

  /**
   * Runs {@code phase} of the step from {@code t} to {@code t + dt}.
   *
   * @throws IllegalArgumentException if {@code phase} is not one of the network's
   */
  void run(StepPhase phase, double t, double dt, boolean jit);

  /**
   * Runs {@link StepPhase#PROJECTIONS}, then {@link StepPhase#GROUPS}, of the step from {@code t}
   * to {@code t + dt}, with the same results; a pool may interleave them (one barrier instead of
   * two, {@link ParallelStep#step}). For callers that run nothing between the two.
   */
  default void step(double t, double dt, boolean jit) {
    run(StepPhase.PROJECTIONS, t, dt, jit);
    run(StepPhase.GROUPS, t, dt, jit);
  }

  /**
   * Sets every input accumulator (and stage array) of every group to 0: {@link StepPhase#CLEAR},
   * split over the pool like the other phases.
   */
  void clearInputs();

  /** The number of threads a phase runs on, the caller included. */
  int threads();

  /** Stops the worker threads of a pool (whose further phases then throw). Idempotent. */
  @Override
  void close();
}
