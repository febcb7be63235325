package io.brainstem.train;

/**
 * A state, error or loss became NaN or infinite during training or prediction: training stops at
 * once, never silently, with the step (counted from the start of the fit or predict call) and the
 * fix in the message.
 */
public final class TrainingDivergedException extends RuntimeException {
  /** The serialized form's version. */
  private static final long serialVersionUID = 1L;

  /** The step of the call at which a value became non-finite. */
  private final int step;

  /**
   * An exception naming the step of the call at which the value became non-finite.
   *
   * @param step the step within the fit or predict call
   * @param message what diverged and how to fix it
   */
  public TrainingDivergedException(int step, String message) {
    super(message);
    this.step = step;
  }

  /** The step, counted from the start of the fit or predict call, at which it diverged. */
  public int step() {
    return step;
  }
}
