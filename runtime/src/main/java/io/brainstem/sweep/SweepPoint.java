package io.brainstem.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One point of a {@link Sweep}: its position, its parameter values by name, and its seed.
 *
 * @param index the point's position in the sweep, from 0; rows of results follow it
 * @param values the parameter values, in the order the sweep declared its parameters
 * @param seed the point's seed, derived from the sweep's seed and {@code index} only, so the point
 *     gives the same result whichever worker runs it and whatever else the sweep contains
 */
public record SweepPoint(int index, Map<String, Double> values, long seed) {

  /** Checks the index and keeps an unmodifiable copy of the values in their order. */
  public SweepPoint {
    if (index < 0) {
      throw new IllegalArgumentException("point index must be >= 0, got " + index);
    }
    values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
  }

  /**
   * The value of parameter {@code name}.
   *
   * @throws IllegalArgumentException naming the sweep's parameters when it has no such parameter
   */
  public double get(String name) {
    Double v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "sweep point " + index + " has no parameter '" + name + "'; its parameters are " + values.keySet());
    }
    return v;
  }
}
