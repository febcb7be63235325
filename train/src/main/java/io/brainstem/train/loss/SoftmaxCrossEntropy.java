package io.brainstem.train.loss;

/**
 * Softmax cross-entropy of class scores against integer labels: for each sample {@code b} with
 * scores {@code z} (a row of {@code K} values: readout values, or spike counts per output neuron)
 * and label {@code y}, {@code ℓ_b = log Σₖ exp(zₖ) − z_y}, computed stably as
 * {@code m + log Σₖ exp(zₖ − m)} with {@code m = maxₖ zₖ}; its gradient is
 * {@code dℓ_b/dzₖ = softmax(z)ₖ − [k = y]}. The loss is the mean over samples under
 * {@link Reduction#MEAN} (the gradient divided by {@code B} too), else the sum. Scores are flat
 * row-major {@code (B, K)}.
 */
public final class SoftmaxCrossEntropy {
  private final int classes;
  private final Reduction reduction;

  private SoftmaxCrossEntropy(int classes, Reduction reduction) {
    this.classes = classes;
    this.reduction = reduction;
  }

  /**
   * Cross-entropy over {@code classes} classes, averaged over the samples.
   *
   * @param classes the number of classes {@code K}, at least 2
   * @return the loss
   */
  public static SoftmaxCrossEntropy mean(int classes) {
    return of(classes, Reduction.MEAN);
  }

  /**
   * Cross-entropy over {@code classes} classes with the given reduction over the samples.
   *
   * @param classes the number of classes {@code K}, at least 2
   * @param reduction mean or sum over the samples
   * @return the loss
   */
  public static SoftmaxCrossEntropy of(int classes, Reduction reduction) {
    if (classes < 2) {
      throw new IllegalArgumentException("cross-entropy over " + classes
          + " classes: pass at least 2");
    }
    if (reduction == null) {
      throw new IllegalArgumentException("reduction is null: pass Reduction.MEAN or SUM");
    }
    return new SoftmaxCrossEntropy(classes, reduction);
  }

  /**
   * The loss of {@code scores} {@code (B, K)} against {@code labels} {@code (B)}; writes
   * (overwrites) dLoss/dScores into {@code dScores} unless it is null. Allocates nothing.
   *
   * @param scores the class scores, {@code B·K} values, sample-major
   * @param labels the class of each sample, in {@code [0, K)}
   * @param dScores the gradient, {@code B·K} values, or null
   * @return the loss
   */
  public double loss(double[] scores, int[] labels, double[] dScores) {
    int samples = samples(scores, labels);
    if (dScores != null) {
      Lengths.check("scores", scores, "dScores", dScores);
    }
    double scale = reduction == Reduction.MEAN ? 1.0 / samples : 1.0;
    double total = 0;
    for (int b = 0; b < samples; b++) {
      int label = labels[b];
      if (label < 0 || label >= classes) {
        throw new IllegalArgumentException("label of sample " + b + " is " + label
            + ": pass a class in [0, " + classes + ")");
      }
      int row = b * classes;
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < classes; k++) {
        max = Math.max(max, scores[row + k]);
      }
      double sum = 0;
      for (int k = 0; k < classes; k++) {
        sum += Math.exp(scores[row + k] - max);
      }
      double logSum = max + Math.log(sum);
      total += logSum - scores[row + label];
      if (dScores != null) {
        for (int k = 0; k < classes; k++) {
          double p = Math.exp(scores[row + k] - logSum);
          dScores[row + k] = scale * (k == label ? p - 1 : p);
        }
      }
    }
    return total * scale;
  }

  /**
   * The fraction of samples whose highest score is at their label (the first highest on ties).
   *
   * @param scores the class scores, {@code B·K} values, sample-major
   * @param labels the class of each sample
   * @return the accuracy in [0, 1]
   */
  public double accuracy(double[] scores, int[] labels) {
    int samples = samples(scores, labels);
    int correct = 0;
    for (int b = 0; b < samples; b++) {
      if (predicted(scores, b) == labels[b]) {
        correct++;
      }
    }
    return (double) correct / samples;
  }

  /**
   * The predicted class of sample {@code b}: the index of its highest score (the first on ties).
   *
   * @param scores the class scores, sample-major
   * @param b the sample
   * @return the class
   */
  public int predicted(double[] scores, int b) {
    int row = b * classes;
    int best = 0;
    for (int k = 1; k < classes; k++) {
      if (scores[row + k] > scores[row + best]) {
        best = k;
      }
    }
    return best;
  }

  /**
   * The number of classes {@code K}.
   *
   * @return {@code K}
   */
  public int classes() {
    return classes;
  }

  private int samples(double[] scores, int[] labels) {
    if (scores == null || labels == null) {
      throw new IllegalArgumentException((scores == null ? "scores" : "labels") + " is null");
    }
    if (labels.length == 0) {
      throw new IllegalArgumentException("labels is empty: pass at least one sample");
    }
    if (scores.length != labels.length * classes) {
      throw new IllegalArgumentException("scores has " + scores.length + " values but "
          + labels.length + " labels × " + classes + " classes need " + labels.length * classes
          + ": pass (B, K) scores, K = " + classes);
    }
    return labels.length;
  }
}
