package io.brainstem.processor.integrate;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out local-variable names that clash neither with the model's own names nor with each other
 * (a clash gets a trailing underscore), so a model may name its variables {@code i}, {@code k1} or
 * {@code halfDt}.
 */
public final class LocalNames {
  private final Set<String> taken;

  public LocalNames(Set<String> reserved) {
    this.taken = new HashSet<>(reserved);
  }

  /** A fresh name based on {@code wanted}. */
  public String allocate(String wanted) {
    String name = wanted;
    while (!taken.add(name)) {
      name = name + "_";
    }
    return name;
  }

  /** An independent copy, for allocating the names of one loop without affecting another. */
  public LocalNames copy() {
    return new LocalNames(taken);
  }
}
