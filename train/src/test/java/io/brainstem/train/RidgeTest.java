package io.brainstem.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RidgeTest {
  @Test
  void leastSquaresRecoversAnExactLinearMap() {
    SplittableRandom rng = new SplittableRandom(1);
    double[][] x = new double[50][3];
    double[][] y = new double[50][2];
    for (int i = 0; i < 50; i++) {
      for (int j = 0; j < 3; j++) {
        x[i][j] = rng.nextDouble() - 0.5;
      }
      y[i][0] = 2 * x[i][0] - 3 * x[i][1] + 0.5;
      y[i][1] = x[i][2] - 1;
    }
    Readout r = Ridge.solve(x, y, 0, true);
    assertThat(r.weights()[0]).usingTolerance(1e-12).containsExactly(2, -3, 0).inOrder();
    assertThat(r.weights()[1]).usingTolerance(1e-12).containsExactly(0, 0, 1).inOrder();
    assertThat(r.bias()).usingTolerance(1e-12).containsExactly(0.5, -1).inOrder();
  }

  /** Ridge is least squares on X stacked over √α·I (targets 0 there): an independent route. */
  @Test
  void ridgeEqualsLeastSquaresOnTheAugmentedProblem() {
    SplittableRandom rng = new SplittableRandom(2);
    int n = 30;
    int f = 8;
    double alpha = 0.7;
    double[][] x = new double[n][f];
    double[][] y = new double[n][1];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < f; j++) {
        x[i][j] = rng.nextGaussian();
      }
      y[i][0] = rng.nextGaussian();
    }
    double[][] xa = new double[n + f][];
    double[][] ya = new double[n + f][];
    for (int i = 0; i < n; i++) {
      xa[i] = x[i];
      ya[i] = y[i];
    }
    for (int j = 0; j < f; j++) {
      xa[n + j] = new double[f];
      xa[n + j][j] = Math.sqrt(alpha);
      ya[n + j] = new double[1];
    }
    double[] ridge = Ridge.solve(x, y, alpha, false).weights()[0];
    double[] augmented = Ridge.solve(xa, ya, 0, false).weights()[0];
    assertThat(ridge).usingTolerance(1e-12).containsExactly(augmented).inOrder();
    // and the penalty shrinks: ||w_ridge|| < ||w_ls||
    double[] ls = Ridge.solve(x, y, 0, false).weights()[0];
    assertThat(norm(ridge)).isLessThan(norm(ls));
  }

  /** Nearly dependent columns and a tiny α: Cholesky fails, the QR route still solves it. */
  @Test
  void aTinyPenaltyOnNearlyDependentStatesStillSolves() {
    SplittableRandom rng = new SplittableRandom(3);
    int n = 200;
    double[][] x = new double[n][3];
    double[][] y = new double[n][1];
    for (int i = 0; i < n; i++) {
      double a = rng.nextDouble();
      x[i][0] = a;
      x[i][1] = a + 1e-9 * rng.nextDouble();
      x[i][2] = rng.nextDouble();
      y[i][0] = 2 * a - x[i][2];
    }
    Readout r = Ridge.solve(x, y, 1e-20, true);
    assertThat(Metrics.mse(r.apply(x), y)).isLessThan(1e-18);
  }

  @Test
  void theBiasIsNotPenalised() {
    double[][] x = {{0}, {0}, {0}};
    double[][] y = {{5}, {5}, {5}};
    Readout r = Ridge.solve(x, y, 1e3, true);
    assertThat(r.bias()[0]).isWithin(1e-12).of(5);
  }

  @Test
  void badInputNamesTheFix() {
    double[][] x = {{1, 2}, {3, 4}};
    IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
        () -> Ridge.solve(x, new double[3][1], 1, true));
    assertThat(rows).hasMessageThat().contains("one row of each per time step");
    IllegalArgumentException singular = assertThrows(IllegalArgumentException.class,
        () -> Ridge.solve(new double[][] {{1, 1}, {2, 2}, {3, 3}}, new double[3][1], 0, false));
    assertThat(singular).hasMessageThat().contains("increase α");
    IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
        () -> Ridge.solve(new double[][] {{1, 1}, {2}}, new double[2][1], 1, false));
    assertThat(ragged).hasMessageThat().contains("ragged");
    assertThrows(IllegalArgumentException.class, () -> Ridge.solve(x, new double[2][1], -1, true));
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d * d;
    }
    return Math.sqrt(s);
  }
}
