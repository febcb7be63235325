package io.brainstem.train.data;

/** Checks of class labels. */
final class Labels {
  private Labels() {}

  static void check(int[] labels) {
    for (int s = 0; s < labels.length; s++) {
      if (labels[s] < 0) {
        throw new IllegalArgumentException("label of sample " + s + " is " + labels[s]
            + ": classes are numbered from 0");
      }
    }
  }
}
