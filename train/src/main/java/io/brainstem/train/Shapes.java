package io.brainstem.train;

/** Shape checks of the trainers' arrays, with messages naming the array and the fix. */
final class Shapes {
  private Shapes() {}

  /** The common row length of a non-empty rectangular array. */
  static int width(String name, double[][] a) {
    if (a == null || a.length == 0) {
      throw new IllegalArgumentException(name + " is empty: pass at least one row");
    }
    int w = a[0].length;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == null || a[i].length != w) {
        throw new IllegalArgumentException(name + " is ragged: row " + i + " has "
            + (a[i] == null ? "no" : a[i].length) + " values, row 0 has " + w
            + "; pass a [rows][columns] array with rows of equal length");
      }
    }
    return w;
  }

  /** Checks that two arrays have the same number of rows (time steps or samples). */
  static void checkRows(String aName, double[][] a, String bName, double[][] b) {
    if (a == null || b == null) {
      throw new IllegalArgumentException((a == null ? aName : bName) + " is null");
    }
    if (a.length != b.length) {
      throw new IllegalArgumentException(aName + " has " + a.length + " rows but " + bName + " has "
          + b.length + ": pass one row of each per time step");
    }
  }

  /** A column vector as rows of one value: {@code [T] → [T][1]}. */
  static double[][] column(double[] v) {
    double[][] c = new double[v.length][1];
    for (int i = 0; i < v.length; i++) {
      c[i][0] = v[i];
    }
    return c;
  }

  /**
   * The shape {@code {B, T, N}} of a non-empty array of {@code B} trials of {@code T} rows of
   * {@code N} values; an error names the array, the trial and row, and the expected and found sizes.
   */
  static int[] shape(String name, double[][][] a) {
    if (a == null || a.length == 0) {
      throw new IllegalArgumentException(name + " holds no trials: pass (B, T, N) = [trials][steps]"
          + "[values] with B ≥ 1");
    }
    int steps = -1;
    int width = -1;
    for (int b = 0; b < a.length; b++) {
      if (a[b] == null || a[b].length == 0) {
        throw new IllegalArgumentException(name + "[" + b + "] holds no time steps: pass (B, T, N) "
            + "with T ≥ 1 in every trial");
      }
      if (steps < 0) {
        steps = a[b].length;
      } else if (a[b].length != steps) {
        throw new IllegalArgumentException(name + " has T = " + steps + " steps in trial 0 but "
            + a[b].length + " in trial " + b + ": every trial of (B, T, N) has the same T; cut or "
            + "pad the trials to one length");
      }
      for (int t = 0; t < steps; t++) {
        double[] row = a[b][t];
        if (width < 0 && row != null) {
          width = row.length;
        }
        if (row == null || row.length != width) {
          throw new IllegalArgumentException(name + " is ragged: " + name + "[" + b + "][" + t + "] has "
              + (row == null ? "no" : row.length) + " values but " + name + "[0][0] has " + width
              + ": (B, T, N) needs N values in every row");
        }
      }
    }
    return new int[] {a.length, steps, width};
  }

  /** {@code "(B=…, T=…, N=…)"}: a shape in the order of the arrays. */
  static String show(int[] shape) {
    return "(B=" + shape[0] + ", T=" + shape[1] + ", N=" + shape[2] + ")";
  }
}
