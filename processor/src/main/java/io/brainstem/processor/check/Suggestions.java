package io.brainstem.processor.check;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" for misspelt names: the closest candidate by edit distance, if it is close. */
public final class Suggestions {
  private Suggestions() {}

  /** The closest of {@code candidates} to {@code name}, when a typo could explain the difference. */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = candidate.equalsIgnoreCase(name) ? 0 : distance(name, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    // A third of the length: 'V_rst' -> 'V_rest' qualifies, 'x' -> 'tau' does not. A one-letter
    // name is one edit from every other one-letter name, so it only matches up to case.
    int allowed = name.length() < 2 ? 0 : Math.max(1, name.length() / 3);
    return bestDistance <= allowed && !name.equals(best) ? Optional.of(best) : Optional.empty();
  }

  /** {@code " (did you mean 'x'?)"} or the empty string. */
  public static String didYouMean(String name, Collection<String> candidates) {
    return closest(name, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
  }

  /**
   * Edit distance counting insertions, deletions, substitutions and swaps of two adjacent
   * characters ('tua' for 'tau' is one typo, not two): the optimal string alignment distance.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
