package io.brainstem.train.loss;

import io.brainstem.train.TrainingDivergedException;

/** The check a trainer applies to each batch's loss: NaN or infinity stops training at once. */
public final class LossCheck {
  private LossCheck() {}

  /**
   * Returns {@code loss} if it is finite.
   *
   * @param loss the batch's loss
   * @param epoch the epoch, from 0
   * @param batch the batch within the epoch, from 0
   * @return {@code loss}
   * @throws TrainingDivergedException naming the epoch and the batch if the loss is NaN or
   *     infinite
   */
  public static double finite(double loss, int epoch, int batch) {
    if (!Double.isFinite(loss)) {
      throw new TrainingDivergedException(epoch, batch, -1, "the loss is " + loss + " at epoch "
          + epoch + ", batch " + batch + ": lower the learning rate, clip the gradients "
          + "(clipGlobalNorm on the optimizer) or check the inputs of that batch for NaN");
    }
    return loss;
  }
}
