package io.brainstem.train;

/**
 * A state, error, gradient or loss became NaN or infinite during training or prediction: training
 * stops at once, never silently, with where it happened (the step; the epoch and batch in an
 * epoch/batch loop) and the fix in the message.
 */
public final class TrainingDivergedException extends RuntimeException {
  /** The serialized form's version. */
  private static final long serialVersionUID = 1L;

  /** The step of the call at which a value became non-finite. */
  private final int step;
  /** The epoch (from 0), or -1 outside an epoch loop. */
  private final int epoch;
  /** The batch within the epoch (from 0), or -1 outside a batch loop. */
  private final int batch;

  /**
   * An exception naming the step of the call at which the value became non-finite.
   *
   * @param step the step within the fit or predict call
   * @param message what diverged and how to fix it
   */
  public TrainingDivergedException(int step, String message) {
    this(-1, -1, step, message);
  }

  /**
   * An exception naming the epoch, the batch and the step at which the value became non-finite.
   *
   * @param epoch the epoch, from 0
   * @param batch the batch within the epoch, from 0
   * @param step the step (time step or optimizer step) the message speaks of
   * @param message what diverged and how to fix it
   */
  public TrainingDivergedException(int epoch, int batch, int step, String message) {
    super(message);
    this.step = step;
    this.epoch = epoch;
    this.batch = batch;
  }

  /** The step, counted from the start of the fit or predict call, at which it diverged. */
  public int step() {
    return step;
  }

  /** The epoch (from 0) at which it diverged, or -1 when not training by epochs. */
  public int epoch() {
    return epoch;
  }

  /** The batch within the epoch (from 0) at which it diverged, or -1 when not training by batches. */
  public int batch() {
    return batch;
  }
}
