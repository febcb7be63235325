package io.brainstem.train;

import io.brainstem.annotations.Integrator;
import io.brainstem.network.Network;
import java.util.SplittableRandom;

/** Uncoupled leaky reservoirs for the trainers' tests. */
final class TestReservoirs {
  private TestReservoirs() {}

  /** A network with one group "R" of {@code n} leaky units, τ spread over [1, 20] ms. */
  static Network leaky(int n) {
    Network net = new Network();
    double[] tau = new double[n];
    for (int i = 0; i < n; i++) {
      tau[i] = 1 + 19.0 * i / Math.max(1, n - 1);
    }
    net.add(new LeakyGroup("R", n).tau(tau).method(Integrator.EULER));
    return net;
  }

  /** {@code [rows][cols]} uniform in [−scale, scale]. */
  static double[][] uniform(int rows, int cols, double scale, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] w = new double[rows][cols];
    for (double[] row : w) {
      for (int j = 0; j < cols; j++) {
        row[j] = scale * (2 * rng.nextDouble() - 1);
      }
    }
    return w;
  }
}
