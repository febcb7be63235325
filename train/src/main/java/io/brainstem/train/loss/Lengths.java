package io.brainstem.train.loss;

/** Length checks of the losses' arrays, naming both arrays. */
final class Lengths {
  private Lengths() {}

  static void check(String aName, double[] a, String bName, double[] b) {
    if (a == null || b == null) {
      throw new IllegalArgumentException((a == null ? aName : bName) + " is null");
    }
    if (a.length == 0) {
      throw new IllegalArgumentException(aName + " is empty: pass at least one value");
    }
    if (a.length != b.length) {
      throw new IllegalArgumentException(aName + " has " + a.length + " values but " + bName
          + " has " + b.length + ": pass arrays of equal length");
    }
  }
}
