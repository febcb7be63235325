package io.brainstem.checkpoint;

import java.util.Map;

/**
 * The arrays a {@link Checkpointed} component saved, read back and verified, under the keys it
 * used. Every getter checks the type and, when given one, the length, and throws
 * {@link CheckpointException} naming the array and the checkpoint otherwise.
 */
public final class StateIn {
  private final String prefix;
  private final Map<String, Object> arrays;
  private final String where;

  StateIn(String prefix, Map<String, Object> arrays, String where) {
    this.prefix = prefix;
    this.arrays = arrays;
    this.where = where;
  }

  /** The arrays of a part of this component, saved through {@link StateOut#child(String)}. */
  public StateIn child(String name) {
    return new StateIn(prefix + name + "/", arrays, where);
  }

  /** Whether the component saved an array under {@code key}. */
  public boolean has(String key) {
    return arrays.containsKey(prefix + key);
  }

  /** A double array of {@code length} elements (any length when negative). */
  public double[] doubles(String key, int length) {
    return (double[]) get(key, double[].class, length);
  }

  /** A float array of {@code length} elements (any length when negative). */
  public float[] floats(String key, int length) {
    return (float[]) get(key, float[].class, length);
  }

  /** An int array of {@code length} elements (any length when negative). */
  public int[] ints(String key, int length) {
    return (int[]) get(key, int[].class, length);
  }

  /** A long array of {@code length} elements (any length when negative). */
  public long[] longs(String key, int length) {
    return (long[]) get(key, long[].class, length);
  }

  /** A boolean array of {@code length} elements (any length when negative). */
  public boolean[] booleans(String key, int length) {
    return (boolean[]) get(key, boolean[].class, length);
  }

  /** A long saved by {@link StateOut#putLong}. */
  public long getLong(String key) {
    return longs(key, 1)[0];
  }

  /** A double saved by {@link StateOut#putDouble}. */
  public double getDouble(String key) {
    return doubles(key, 1)[0];
  }

  private Object get(String key, Class<?> type, int length) {
    String name = prefix + key;
    Object a = arrays.get(name);
    if (a == null) {
      throw new CheckpointException("checkpoint " + where + " has no array '" + name
          + "'; it was written by a different version or for a different configuration "
          + "(inputs, monitors) of this runner");
    }
    if (a.getClass() != type) {
      throw new CheckpointException("checkpoint " + where + ": array '" + name + "' holds "
          + a.getClass().getComponentType() + " values, expected " + type.getComponentType());
    }
    int n = java.lang.reflect.Array.getLength(a);
    if (length >= 0 && n != length) {
      throw new CheckpointException("checkpoint " + where + ": array '" + name + "' has " + n
          + " elements, expected " + length);
    }
    return a;
  }
}
