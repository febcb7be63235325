package io.brainstem.checkpoint;

import java.util.Map;

/**
 * Saving, restoring and copying the hidden state arrays of a group or projection (state that is
 * not a variable, registered with {@code hiddenState}): the arrays are fixed at registration, so
 * they are restored in place.
 */
public final class HiddenArrays {
  private HiddenArrays() {}

  /**
   * Checks that {@code array} is a supported array type.
   *
   * @throws IllegalArgumentException naming the owner and the array otherwise
   */
  public static void check(String owner, String name, Object array) {
    if (!(array instanceof double[] || array instanceof float[] || array instanceof int[]
        || array instanceof long[] || array instanceof boolean[])) {
      throw new IllegalArgumentException(owner + ": hidden state '" + name + "' must be a double[], "
          + "float[], int[], long[] or boolean[], got " + (array == null ? "null" : array.getClass().getSimpleName()));
    }
  }

  /** Puts every array of {@code hidden} into {@code out} under its name. */
  public static void save(Map<String, Object> hidden, StateOut out) {
    hidden.forEach((name, a) -> {
      if (a instanceof double[] d) {
        out.put(name, d);
      } else if (a instanceof float[] f) {
        out.put(name, f);
      } else if (a instanceof int[] i) {
        out.put(name, i);
      } else if (a instanceof long[] l) {
        out.put(name, l);
      } else {
        out.put(name, (boolean[]) a);
      }
    });
  }

  /** Copies the saved values back into every array of {@code hidden}, checking all first. */
  public static void restore(Map<String, Object> hidden, StateIn in) {
    Map<String, Object> saved = new java.util.LinkedHashMap<>();
    hidden.forEach((name, a) -> {
      int n = java.lang.reflect.Array.getLength(a);
      saved.put(name, a instanceof double[] ? in.doubles(name, n) : a instanceof float[] ? in.floats(name, n)
          : a instanceof int[] ? in.ints(name, n) : a instanceof long[] ? in.longs(name, n) : in.booleans(name, n));
    });
    hidden.forEach((name, a) -> copy(saved.get(name), a));
  }

  /** A copy of every array (for {@code reset()}). */
  public static Map<String, Object> copy(Map<String, Object> hidden) {
    Map<String, Object> copies = new java.util.LinkedHashMap<>();
    hidden.forEach((name, a) -> copies.put(name, clone(a)));
    return copies;
  }

  /** Copies {@code from} into {@code to}, two arrays of one type and length. */
  public static void copy(Object from, Object to) {
    System.arraycopy(from, 0, to, 0, java.lang.reflect.Array.getLength(to));
  }

  private static Object clone(Object a) {
    if (a instanceof double[] d) {
      return d.clone();
    } else if (a instanceof float[] f) {
      return f.clone();
    } else if (a instanceof int[] i) {
      return i.clone();
    } else if (a instanceof long[] l) {
      return l.clone();
    }
    return ((boolean[]) a).clone();
  }
}
