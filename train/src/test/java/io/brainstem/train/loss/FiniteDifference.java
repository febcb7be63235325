package io.brainstem.train.loss;

import java.util.function.ToDoubleFunction;

/** Central finite differences of a scalar function of an array. */
final class FiniteDifference {
  private FiniteDifference() {}

  static double[] gradient(ToDoubleFunction<double[]> f, double[] x, double h) {
    double[] g = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double keep = x[i];
      x[i] = keep + h;
      double up = f.applyAsDouble(x);
      x[i] = keep - h;
      double down = f.applyAsDouble(x);
      x[i] = keep;
      g[i] = (up - down) / (2 * h);
    }
    return g;
  }
}
