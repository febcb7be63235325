package io.brainstem.train;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Ridge regression by EJML: {@code W = argmin ||X·W − Y||² + α·||W||²}. With {@code α > 0} the
 * normal equations {@code (XᵀX + α·I)·W = XᵀY} ({@code XᵀX} summed over blocks of
 * 256 rows, as a streamed fit sums batches) are solved by Cholesky, or, when rounding leaves
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
    NormalEquations normal = new NormalEquations(f, o, bias);
    int cols = f + (bias ? 1 : 0);
    DMatrixRMaj w = new DMatrixRMaj(cols, o);
    if (alpha == 0) {
      if (n < cols) {
        throw new IllegalArgumentException("ridge α = 0 with fewer samples (" + n + ") than "
            + "features (" + cols + "): the least-squares solution is not unique; use α > 0 or "
            + "more samples");
      }
      solve(LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false), normal.design(x, 0, n),
          new DMatrixRMaj(y), w, alpha);
      return normal.readout(w);
    }
    normal.add(x, y);
    DMatrixRMaj chol = normal.cholesky(alpha);
    if (chol != null) {
      return normal.readout(chol);
    }
    DMatrixRMaj xm = normal.design(x, 0, n);
    DMatrixRMaj ym = new DMatrixRMaj(y);
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
    return normal.readout(w);
  }

  /**
   * Solves the ridge problem of normal equations summed batch by batch (a streamed fit): by
   * Cholesky only, for the QR forms need every row at once.
   *
   * @throws IllegalArgumentException if α = 0, or the sums are not positive definite at this α
   *     (the message names the fixes: a larger α, or an in-memory fit, whose QR needs no such luck)
   */
  static Readout solve(NormalEquations normal, double alpha) {
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("a streamed ridge fit needs α > 0, got α = " + alpha
          + ": α = 0 is solved by QR on all rows at once, which a stream does not keep; set α > 0,"
          + " or fit the rows in memory");
    }
    if (normal.rows() == 0) {
      throw new IllegalArgumentException("nothing to fit: the stream held no rows after the washout");
    }
    DMatrixRMaj w = normal.cholesky(alpha);
    if (w == null) {
      throw new IllegalArgumentException("the streamed ridge problem is not positive definite at α = "
          + alpha + " (α tiny against the states' scale, or states that repeat one another): "
          + "increase α, or fit in memory, where a QR fallback on the stacked rows handles it");
    }
    return normal.readout(w);
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
