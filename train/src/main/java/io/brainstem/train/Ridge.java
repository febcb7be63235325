package io.brainstem.train;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Ridge regression by EJML: {@code W = argmin ||X·W − Y||² + α·||W||²}. With {@code α > 0} the
 * normal equations {@code (XᵀX + α·I)·W = XᵀY} are solved by Cholesky, or, when rounding leaves
 * them not positive definite (α tiny against the states' scale), the same problem as least squares
 * on {@code X} stacked over {@code √α·I} by column-pivoted QR; with {@code α = 0} the least squares
 * problem {@code X·W = Y} itself by column-pivoted QR (no squared condition number).
 * With a bias, a column of ones is appended to {@code X} and its weight is not penalised
 * (ReservoirPy's choice; BrainPy penalises it): the bias fits the mean whatever α.
 */
public final class Ridge {
  private Ridge() {}

  /**
   * Solves the ridge problem.
   *
   * @param x the states, {@code [samples][features]}
   * @param y the targets, {@code [samples][outputs]}
   * @param alpha the penalty, {@code ≥ 0}
   * @param bias whether to fit an unpenalised bias
   * @return the readout ({@code outputs × features} weights and, with a bias, one bias per output)
   * @throws IllegalArgumentException if the shapes disagree, α is negative or not finite, or the
   *     problem is singular (the message names the fix: a positive α)
   */
  public static Readout solve(double[][] x, double[][] y, double alpha, boolean bias) {
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("ridge α must be finite and ≥ 0, got " + alpha);
    }
    Shapes.checkRows("states", x, "targets", y);
    int n = x.length;
    int f = Shapes.width("states", x);
    int o = Shapes.width("targets", y);
    int cols = f + (bias ? 1 : 0);
    DMatrixRMaj xm = new DMatrixRMaj(n, cols);
    for (int i = 0; i < n; i++) {
      System.arraycopy(x[i], 0, xm.data, i * cols, f);
      if (bias) {
        xm.data[i * cols + f] = 1;
      }
    }
    DMatrixRMaj ym = new DMatrixRMaj(y);
    DMatrixRMaj w = new DMatrixRMaj(cols, o);
    if (alpha == 0) {
      if (n < cols) {
        throw new IllegalArgumentException("ridge α = 0 with fewer samples (" + n + ") than "
            + "features (" + cols + "): the least-squares solution is not unique; use α > 0 or "
            + "more samples");
      }
      solve(LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false), xm, ym, w, alpha);
    } else {
      DMatrixRMaj a = new DMatrixRMaj(cols, cols);
      CommonOps_DDRM.multInner(xm, a); // XᵀX
      for (int i = 0; i < f; i++) {
        a.add(i, i, alpha);
      }
      DMatrixRMaj b = new DMatrixRMaj(cols, o);
      CommonOps_DDRM.multTransA(xm, ym, b);
      LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(cols);
      boolean definite = chol.setA(a);
      if (definite) {
        chol.solve(b, w);
      }
      if (!definite || !finite(w)) {
        // XᵀX + αI lost its definiteness to rounding (α tiny against the states' scale): solve
        // the same problem as least squares on X stacked over √α·I by QR, without squaring
        DMatrixRMaj xa = new DMatrixRMaj(n + f, cols);
        CommonOps_DDRM.insert(xm, xa, 0, 0);
        for (int i = 0; i < f; i++) {
          xa.set(n + i, i, Math.sqrt(alpha));
        }
        DMatrixRMaj ya = new DMatrixRMaj(n + f, o);
        CommonOps_DDRM.insert(ym, ya, 0, 0);
        solve(LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false), xa, ya, w, alpha);
      }
    }
    double[][] weights = new double[o][f];
    double[] biases = bias ? new double[o] : null;
    for (int j = 0; j < o; j++) {
      for (int i = 0; i < f; i++) {
        weights[j][i] = w.get(i, j);
      }
      if (bias) {
        biases[j] = w.get(f, j);
      }
    }
    return new Readout(weights, biases);
  }

  private static boolean finite(DMatrixRMaj m) {
    for (double v : m.data) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  private static void solve(LinearSolverDense<DMatrixRMaj> solver, DMatrixRMaj a, DMatrixRMaj b,
      DMatrixRMaj w, double alpha) {
    // QR's quality(): the smallest over the largest pivot, ~0 for dependent columns (α = 0 only:
    // with α > 0 the matrix is positive definite, however badly conditioned)
    if (!solver.setA(a) || (alpha == 0 && !(solver.quality() > 1e-14))) {
      throw new IllegalArgumentException("the ridge problem is singular at α = " + alpha
          + " (states that are constant or repeat one another): increase α");
    }
    solver.solve(b, w);
    for (double v : w.data) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("the ridge solution is not finite at α = " + alpha
            + " (ill-conditioned states): increase α, or check the states for huge values");
      }
    }
  }
}
