package io.brainstem.network;

/**
 * A named per-element array of a group or projection: what monitors record and inputs write.
 * Exactly one of {@code doubles} and {@code booleans} is non-null.
 */
public record Variable(String owner, String name, Kind kind, double[] doubles, boolean[] booleans) {

  public enum Kind {
    STATE,
    INPUT,
    SPIKE
  }

  /** The dotted path users write, e.g. {@code E.V}. */
  public String path() {
    return owner + "." + name;
  }

  public int size() {
    return doubles != null ? doubles.length : booleans.length;
  }

  public boolean isBoolean() {
    return booleans != null;
  }
}
