package io.brainstem.connectivity;

import io.brainstem.math.Rng;

/** Checks and draws shared by the connectors. */
final class Sizes {
  private Sizes() {}

  static void check(String connector, int preSize, int postSize) {
    if (preSize <= 0 || postSize <= 0) {
      throw new IllegalArgumentException(
          connector + ": group sizes must be positive, got pre " + preSize + ", post " + postSize);
    }
  }

  /** A postsynaptic slice {@code [from, to)} must be a non-empty part of {@code [0, postSize)}. */
  static void checkSlice(String connector, int postSize, int from, int to) {
    if (from < 0 || to > postSize || from >= to) {
      throw new IllegalArgumentException(connector + ": postsynaptic slice [" + from + ", " + to
          + ") must be a non-empty part of [0, " + postSize + ")");
    }
  }

  static void checkTotal(String connector, long total) {
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          connector + ": " + total + " synapses exceed one int[] CSR");
    }
  }

  /**
   * k distinct uniform values of [0, n) without {@code excluded} (or -1 for none), with Floyd's
   * algorithm, into out[from .. from + k); {@code marks} must hold no {@code stamp} yet.
   */
  static void draw(Rng rng, int n, int k, int excluded, int stamp, int[] marks, int[] out, int from) {
    int range = excluded >= 0 ? n - 1 : n;
    int pos = from;
    for (int j = range - k; j < range; j++) {
      int t = rng.nextInt(j + 1);
      int chosen = marks[t] == stamp ? j : t;
      marks[chosen] = stamp;
      out[pos++] = chosen;
    }
    if (excluded >= 0) {
      // Values of [0, n − 1) skip over the excluded one.
      for (int p = from; p < from + k; p++) {
        if (out[p] >= excluded) {
          out[p]++;
        }
      }
    }
  }
}
