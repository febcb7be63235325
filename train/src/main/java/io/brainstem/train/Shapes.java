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
}
