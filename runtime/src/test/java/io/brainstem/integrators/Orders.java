package io.brainstem.integrators;

import io.brainstem.annotations.Integrator;

/** Theoretical orders of the explicit methods, and the least-squares order fit. */
final class Orders {
  private Orders() {}

  static int theoretical(Integrator method) {
    return switch (method) {
      case EULER -> 1;
      case MIDPOINT, HEUN, RALSTON2 -> 2;
      case RK3 -> 3;
      case RK4, RK4_38 -> 4;
      case EXP_AUTO, EXP_EULER -> throw new IllegalArgumentException(method.name());
    };
  }

  /** Slope of {@code log(errors)} against {@code log(steps)}. */
  static double fit(double[] steps, double[] errors) {
    int n = steps.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += Math.log(steps[i]) / n;
      my += Math.log(errors[i]) / n;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      double dx = Math.log(steps[i]) - mx;
      sxy += dx * (Math.log(errors[i]) - my);
      sxx += dx * dx;
    }
    return sxy / sxx;
  }
}
