package io.brainstem.train;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The ridge problem's normal equations {@code XᵀX} and {@code XᵀY} summed batch by batch (EJML), so
 * that memory is {@code (features + 1)²} whatever the number of rows: what a streamed fit keeps.
 * With a bias, {@code X} carries a column of ones, whose weight is not penalised.
 */
final class NormalEquations {
  /** Rows per block of {@code XᵀX}: 256 rows of 300 states are 0.6 MB, within L2/L3. */
  static final int BLOCK_ROWS = 256;

  final int features;
  final int outputs;
  final boolean bias;
  private final DMatrixRMaj xtx;
  private final DMatrixRMaj xty;
  private long rows;
  private double sumSquaredTargets;

  NormalEquations(int features, int outputs, boolean bias) {
    this.features = features;
    this.outputs = outputs;
    this.bias = bias;
    int cols = features + (bias ? 1 : 0);
    this.xtx = new DMatrixRMaj(cols, cols);
    this.xty = new DMatrixRMaj(cols, outputs);
  }

  /** The rows added so far. */
  long rows() {
    return rows;
  }

  /** {@code X} of the states {@code x[from .. to-1]}, with a column of ones for the bias. */
  DMatrixRMaj design(double[][] x, int from, int to) {
    int cols = xtx.numCols;
    DMatrixRMaj xm = new DMatrixRMaj(to - from, cols);
    for (int i = from; i < to; i++) {
      System.arraycopy(x[i], 0, xm.data, (i - from) * cols, features);
      if (bias) {
        xm.data[(i - from) * cols + features] = 1;
      }
    }
    return xm;
  }

  /**
   * Adds the states {@code x} and their targets {@code y}, in blocks of {@link #BLOCK_ROWS} rows
   * that stay in cache (one product over a tall {@code X} is memory-bound: 4× slower at 7600 rows).
   */
  void add(double[][] x, double[][] y) {
    for (int from = 0; from < x.length; from += BLOCK_ROWS) {
      int to = Math.min(x.length, from + BLOCK_ROWS);
      DMatrixRMaj ym = new DMatrixRMaj(to - from, outputs);
      for (int i = from; i < to; i++) {
        System.arraycopy(y[i], 0, ym.data, (i - from) * outputs, outputs);
      }
      add(design(x, from, to), ym);
    }
  }

  /** Adds the rows {@code xm} ({@link #design}) and their targets {@code ym}. */
  void add(DMatrixRMaj xm, DMatrixRMaj ym) {
    DMatrixRMaj a = new DMatrixRMaj(xtx.numRows, xtx.numCols);
    CommonOps_DDRM.multInner(xm, a);
    CommonOps_DDRM.addEquals(xtx, a);
    DMatrixRMaj b = new DMatrixRMaj(xty.numRows, xty.numCols);
    CommonOps_DDRM.multTransA(xm, ym, b);
    CommonOps_DDRM.addEquals(xty, b);
    rows += xm.numRows;
    for (double v : ym.data) {
      sumSquaredTargets += v * v;
    }
  }

  /**
   * The mean squared error of {@code readout} over the rows added, from the sums:
   * {@code (ΣY² − 2·tr(WᵀXᵀY) + tr(WᵀXᵀXW)) / (rows · outputs)} (rounding can leave a tiny
   * negative difference, clamped at 0).
   */
  double meanSquaredError(Readout readout) {
    int cols = xtx.numCols;
    DMatrixRMaj w = new DMatrixRMaj(cols, outputs);
    double[][] weights = readout.weights();
    double[] b = readout.bias();
    for (int j = 0; j < outputs; j++) {
      for (int i = 0; i < features; i++) {
        w.set(i, j, weights[j][i]);
      }
      if (bias) {
        w.set(features, j, b[j]);
      }
    }
    DMatrixRMaj aw = new DMatrixRMaj(cols, outputs);
    CommonOps_DDRM.mult(xtx, w, aw);
    double sse = sumSquaredTargets;
    for (int k = 0; k < w.data.length; k++) {
      sse += w.data[k] * (aw.data[k] - 2 * xty.data[k]);
    }
    return Math.max(0, sse) / ((double) rows * outputs);
  }

  /**
   * {@code W} of {@code (XᵀX + α·I)·W = XᵀY} (α > 0, the bias not penalised) by Cholesky, or null
   * when rounding left the matrix not positive definite or the solution is not finite.
   */
  DMatrixRMaj cholesky(double alpha) {
    DMatrixRMaj a = xtx.copy();
    for (int i = 0; i < features; i++) {
      a.add(i, i, alpha);
    }
    DMatrixRMaj w = new DMatrixRMaj(xtx.numCols, outputs);
    LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(xtx.numCols);
    if (!chol.setA(a)) {
      return null;
    }
    chol.solve(xty.copy(), w);
    for (double v : w.data) {
      if (!Double.isFinite(v)) {
        return null;
      }
    }
    return w;
  }

  /** The readout of a solution {@code w} ({@code (features + bias) × outputs}). */
  Readout readout(DMatrixRMaj w) {
    double[][] weights = new double[outputs][features];
    double[] biases = bias ? new double[outputs] : null;
    for (int j = 0; j < outputs; j++) {
      for (int i = 0; i < features; i++) {
        weights[j][i] = w.get(i, j);
      }
      if (bias) {
        biases[j] = w.get(features, j);
      }
    }
    return new Readout(weights, biases);
  }
}
