package io.brainstem.train.loss;

/**
 * The squared error {@code Σᵢ (yᵢ − tᵢ)²}, divided by the number of elements under
 * {@link Reduction#MEAN}; its gradient {@code dL/dyᵢ = 2(yᵢ − tᵢ)} (over the number of elements
 * under {@code MEAN}). Arrays are flat (e.g. row-major {@code (B, T, N)} readout values).
 */
public final class Mse {
  private final Reduction reduction;

  private Mse(Reduction reduction) {
    this.reduction = reduction;
  }

  /**
   * The mean squared error (the mean over every element).
   *
   * @return the loss
   */
  public static Mse mean() {
    return new Mse(Reduction.MEAN);
  }

  /**
   * The squared error with the given reduction.
   *
   * @param reduction mean or sum over the elements
   * @return the loss
   */
  public static Mse of(Reduction reduction) {
    if (reduction == null) {
      throw new IllegalArgumentException("reduction is null: pass Reduction.MEAN or SUM");
    }
    return new Mse(reduction);
  }

  /**
   * The loss of {@code output} against {@code target}; writes (overwrites) dLoss/dOutput into
   * {@code dOutput} unless it is null. Allocates nothing.
   *
   * @param output the predictions
   * @param target the targets, same length
   * @param dOutput the gradient, same length, or null
   * @return the loss
   */
  public double loss(double[] output, double[] target, double[] dOutput) {
    Lengths.check("output", output, "target", target);
    if (dOutput != null) {
      Lengths.check("output", output, "dOutput", dOutput);
    }
    double scale = reduction == Reduction.MEAN ? 1.0 / output.length : 1.0;
    double sum = 0;
    for (int i = 0; i < output.length; i++) {
      double e = output[i] - target[i];
      sum += e * e;
      if (dOutput != null) {
        dOutput[i] = 2 * e * scale;
      }
    }
    return sum * scale;
  }

  /**
   * The reduction of this loss.
   *
   * @return mean or sum
   */
  public Reduction reduction() {
    return reduction;
  }
}
