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
    // A third of the length: 'V_rst' -> 'V_rest' qualifies, 'x' -> 'tau' does not.
    int allowed = Math.max(1, name.length() / 3);
    return bestDistance <= allowed && !name.equals(best) ? Optional.of(best) : Optional.empty();
  }

  /** {@code " (did you mean 'x'?)"} or the empty string. */
  public static String didYouMean(String name, Collection<String> candidates) {
    return closest(name, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
  }

  /** Levenshtein distance (insertions, deletions, substitutions). */
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
