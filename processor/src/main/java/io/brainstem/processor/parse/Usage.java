package io.brainstem.processor.parse;

import java.util.HashSet;
import java.util.Set;

/**
 * Which model variables the bodies of one model read, recorded as names are resolved (a local's
 * reads count where the local is declared). Check uses it for the "never used" warnings; recording
 * at resolution keeps it right for any body kind that parses through {@link Scope}.
 */
public final class Usage {
  private final Set<String> read = new HashSet<>();

  void read(String name) {
    read.add(name);
  }

  /** True if some method body reads {@code name} (a parameter, state, input or {@code @Post}). */
  public boolean isRead(String name) {
    return read.contains(name);
  }
}
