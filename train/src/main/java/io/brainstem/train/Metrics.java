package io.brainstem.train;

/** Errors of predictions against targets. */
public final class Metrics {
  private Metrics() {}

  /** The mean squared error over every row and column. */
  public static double mse(double[][] predicted, double[][] target) {
    Shapes.checkRows("predictions", predicted, "targets", target);
    double s = 0;
    long n = 0;
    for (int t = 0; t < target.length; t++) {
      if (predicted[t].length != target[t].length) {
        throw new IllegalArgumentException("prediction row " + t + " has " + predicted[t].length
            + " values, target row " + target[t].length);
      }
      for (int j = 0; j < target[t].length; j++) {
        double d = predicted[t][j] - target[t][j];
        s += d * d;
        n++;
      }
    }
    return s / n;
  }

  /**
   * The normalised root mean squared error {@code sqrt(mean((p − y)²)) / std(y)}, {@code std} the
   * population standard deviation of the target over the same samples: 0 is perfect, 1 is as good
   * as predicting the mean (Jaeger &amp; Haas 2004 report this error).
   *
   * @throws IllegalArgumentException if the lengths differ, are 0, or the target is constant
   */
  public static double nrmse(double[] predicted, double[] target) {
    if (predicted.length != target.length || target.length == 0) {
      throw new IllegalArgumentException("nrmse of " + predicted.length + " predictions against "
          + target.length + " targets: pass as many, at least one");
    }
    double mean = 0;
    for (double y : target) {
      mean += y;
    }
    mean /= target.length;
    double var = 0;
    double err = 0;
    for (int i = 0; i < target.length; i++) {
      var += (target[i] - mean) * (target[i] - mean);
      err += (predicted[i] - target[i]) * (predicted[i] - target[i]);
    }
    if (var == 0) {
      throw new IllegalArgumentException("the target is constant: its NRMSE is undefined");
    }
    return Math.sqrt(err / var);
  }
}
