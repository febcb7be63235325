package io.brainstem.checkpoint;

import java.util.Map;
import java.util.Objects;

/**
 * Where a {@link Checkpointed} component puts its arrays, under keys unique within the component
 * (the checkpoint prefixes them with the component's place: {@code projection/E2E/}). Arrays are
 * kept by reference and written before the runner takes its next step: pass the live array, or a
 * copy if the component changes it meanwhile.
 */
public final class StateOut {
  private final String prefix;
  private final Map<String, Object> arrays;

  /** An empty root, whose keys are used as given. */
  public StateOut() {
    this("", new java.util.LinkedHashMap<>());
  }

  StateOut(String prefix, Map<String, Object> arrays) {
    this.prefix = prefix;
    this.arrays = arrays;
  }

  /** Every array put so far, by full key. */
  Map<String, Object> arrays() {
    return arrays;
  }

  /** The place for a part of this component, its keys prefixed with {@code name/}. */
  public StateOut child(String name) {
    return new StateOut(prefix + name + "/", arrays);
  }

  /** Saves a double array. */
  public void put(String key, double[] values) {
    add(key, values);
  }

  /** Saves a float array. */
  public void put(String key, float[] values) {
    add(key, values);
  }

  /** Saves an int array. */
  public void put(String key, int[] values) {
    add(key, values);
  }

  /** Saves a long array. */
  public void put(String key, long[] values) {
    add(key, values);
  }

  /** Saves a boolean array. */
  public void put(String key, boolean[] values) {
    add(key, values);
  }

  /** Saves one long (a counter, a position). */
  public void putLong(String key, long value) {
    add(key, new long[] {value});
  }

  /** Saves one double. */
  public void putDouble(String key, double value) {
    add(key, new double[] {value});
  }

  private void add(String key, Object values) {
    Objects.requireNonNull(values, () -> "checkpoint array " + prefix + key + " is null");
    if (key.isEmpty() || key.indexOf('"') >= 0 || key.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("checkpoint key '" + key + "' must be non-empty, without quotes or backslashes");
    }
    if (arrays.putIfAbsent(prefix + key, values) != null) {
      throw new IllegalStateException("checkpoint array " + prefix + key + " was saved twice; "
          + "keys must be unique within a component");
    }
  }
}
