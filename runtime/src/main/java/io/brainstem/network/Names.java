package io.brainstem.network;

import java.util.Collection;

/** Closest-name suggestions for error messages. */
public final class Names {
  private Names() {}

  /**
   * The valid name closest to {@code wrong} by edit distance (case-insensitive), or null; never
   * {@code wrong} itself (a name that is valid but of the wrong kind needs its own message).
   */
  public static String closest(String wrong, Collection<String> valid) {
    if (wrong == null) {
      return null;
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : valid) {
      if (candidate.equals(wrong)) {
        continue;
      }
      int d = distance(wrong.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return best;
  }

  /** {@code "; did you mean 'x'?"}, or an empty string when there is nothing to suggest. */
  public static String didYouMean(String wrong, Collection<String> valid) {
    String best = closest(wrong, valid);
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
