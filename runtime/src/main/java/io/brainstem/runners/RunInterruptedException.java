package io.brainstem.runners;

/**
 * Thrown by {@link Runner#run} when its thread was interrupted during the run. The runner checks the
 * interrupt before every step and stops before the next one, so the runner is consistent: its clock
 * ({@link Runner#step()}, {@link Runner#t()}), {@link Runner#mon()} (every step taken, streamed
 * files flushed) and {@link Runner#lastRun()} reflect the steps taken, and a later {@code run}
 * continues from there. Like {@link InterruptedException}, it consumes the interrupt: the thread's
 * flag is clear when it is thrown (set it again with {@code Thread.currentThread().interrupt()} to
 * pass the interrupt on).
 */
public final class RunInterruptedException extends RuntimeException {
  /** The first step not taken (serialized, as each field here). */
  private final long step;
  /** Its time, ms. */
  private final double t;
  /** How many steps of the run were taken. */
  private final int stepsTaken;

  RunInterruptedException(long step, double t, int stepsTaken, String message) {
    super(message);
    this.step = step;
    this.t = t;
    this.stepsTaken = stepsTaken;
  }

  /** The absolute index of the first step not taken, the runner's {@link Runner#step()}. */
  public long step() {
    return step;
  }

  /** The time of that step in ms, the runner's {@link Runner#t()}. */
  public double t() {
    return t;
  }

  /** How many steps of the interrupted run were taken. */
  public int stepsTaken() {
    return stepsTaken;
  }
}
