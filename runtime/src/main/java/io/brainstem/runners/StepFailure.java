package io.brainstem.runners;

/**
 * Where a run failed: added by {@link Runner#run} as a suppressed exception to whatever an input,
 * the network, a monitor or a listener threw, which then propagates unchanged (same type and
 * message). Its message names the step, its time and what failed, and says where the runner's
 * clock now is; {@link #of} finds it.
 */
public final class StepFailure extends RuntimeException {
  /** The step that failed (serialized, as each field here). */
  private final long step;
  /** Its time, ms. */
  private final double t;
  /** What failed in it. */
  private final String where;

  StepFailure(long step, double t, String where, String message) {
    super(message, null, false, false);
    this.step = step;
    this.t = t;
    this.where = where;
  }

  /** The StepFailure attached to {@code e} by a runner, or null if a run did not throw it. */
  public static StepFailure of(Throwable e) {
    for (Throwable s : e.getSuppressed()) {
      if (s instanceof StepFailure f) {
        return f;
      }
    }
    return null;
  }

  /** The absolute index of the step that failed. */
  public long step() {
    return step;
  }

  /** The time at the start of that step, ms. */
  public double t() {
    return t;
  }

  /**
   * What failed, e.g. {@code "applying input 0 (E.input)"}, {@code "stepping the network"},
   * {@code "recording monitor E.V"} or {@code "calling listener 1 (MyListener)"}.
   */
  public String where() {
    return where;
  }
}
