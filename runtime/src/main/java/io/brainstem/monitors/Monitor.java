package io.brainstem.monitors;

import io.brainstem.network.Network;
import io.brainstem.network.Variable;
import java.util.Arrays;
import java.util.Objects;

/**
 * What to record every step: a variable path, optionally a subset of its elements. Results are read
 * by name from {@link MonitorResults}; the name is the path as given ({@code "E.spike"}) unless set
 * with {@link #named}.
 *
 * <pre>{@code
 * Monitor.of("E.spike")           // boolean[T][N]
 * Monitor.of("E.V", 0, 1, 2)      // double[T][3]
 * }</pre>
 */
public final class Monitor {
  private final String path;
  private final String name;
  private final int[] indices; // null: every element

  private Monitor(String path, String name, int[] indices) {
    this.path = path;
    this.name = name;
    this.indices = indices;
  }

  /** Records every element of the variable at {@code path}. */
  public static Monitor of(String path) {
    return new Monitor(checkPath(path), path, null);
  }

  /** Records the given elements of the variable at {@code path}, in the order given. */
  public static Monitor of(String path, int... indices) {
    checkPath(path);
    if (indices == null || indices.length == 0) {
      throw new IllegalArgumentException(
          "monitor " + path + ": give at least one index, or use Monitor.of(path) for all elements");
    }
    for (int i : indices) {
      if (i < 0) {
        throw new IllegalArgumentException("monitor " + path + ": index " + i + " is negative");
      }
    }
    return new Monitor(path, path, indices.clone());
  }

  private static String checkPath(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("a monitor needs a variable path such as 'E.spike', got " + path);
    }
    return path;
  }

  /** The same monitor stored under {@code name}, e.g. to record two subsets of one variable. */
  public Monitor named(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("monitor name must be non-blank, got " + name);
    }
    return new Monitor(path, name, indices);
  }

  /** The dotted path of the recorded variable. */
  public String path() {
    return path;
  }

  /** The key of this monitor's records in {@link MonitorResults}. */
  public String name() {
    return name;
  }

  /** The recorded element indices, or null when every element is recorded. */
  public int[] indices() {
    return indices == null ? null : indices.clone();
  }

  /**
   * Resolves the path and checks the indices against {@code network}.
   *
   * @throws IllegalArgumentException on an unknown path (naming the closest valid path) or an index
   *     outside the variable
   */
  public Recorder bind(Network network) {
    Objects.requireNonNull(network, "network");
    Variable v = network.variable(path);
    if (indices != null) {
      for (int i : indices) {
        if (i >= v.size()) {
          throw new IllegalArgumentException(
              "monitor " + name + ": index " + i + " is out of range for " + v.path() + " of size "
                  + v.size() + " (valid: 0.." + (v.size() - 1) + ")");
        }
      }
    }
    return new Recorder(name, v, indices);
  }

  @Override
  public String toString() {
    return "Monitor(" + path + (indices == null ? "" : Arrays.toString(indices))
        + (name.equals(path) ? "" : " as " + name) + ")";
  }
}
