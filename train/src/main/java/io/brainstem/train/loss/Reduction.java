package io.brainstem.train.loss;

/** How a loss combines its terms (elements for {@link Mse}, samples for cross-entropy). */
public enum Reduction {
  /** The mean of the terms: the loss does not grow with the batch size. */
  MEAN,
  /** The sum of the terms. */
  SUM
}
