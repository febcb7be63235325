package io.brainstem.network;

/**
 * A named per-element array of a group or projection: what monitors record and inputs write.
 * Exactly one of {@code doubles}, {@code floats} (state under {@link Precision#FLOAT}) and
 * {@code booleans} is non-null; {@link #get} and {@link #set} work for all three.
 *
 * @param owner the group or projection that holds it, e.g. {@code E}
 * @param name the variable's name in its owner, e.g. {@code V}
 * @param kind what it is: state, input or spike
 * @param doubles the array of a double variable, or null
 * @param floats the array of a float variable (state under {@link Precision#FLOAT}), or null
 * @param booleans the array of a boolean variable (spikes), or null
 */
public record Variable(
    String owner, String name, Kind kind, double[] doubles, float[] floats, boolean[] booleans) {

  /** What a variable is. */
  public enum Kind {
    /** A state variable, integrated each step ({@code @State}). */
    STATE,
    /** An input, summed during a step and cleared after it ({@code @Input}). */
    INPUT,
    /** The spikes of the current step. */
    SPIKE
  }

  /** The dotted path users write, e.g. {@code E.V}. */
  public String path() {
    return owner + "." + name;
  }

  /** The number of elements. */
  public int size() {
    return doubles != null ? doubles.length : floats != null ? floats.length : booleans.length;
  }

  /** Whether the values are booleans (spikes). */
  public boolean isBoolean() {
    return booleans != null;
  }

  /** Whether the values are stored as float ({@link Precision#FLOAT}). */
  public boolean isFloat() {
    return floats != null;
  }

  /** Element {@code i}'s value; a spike reads as 1 or 0. */
  public double get(int i) {
    return doubles != null ? doubles[i] : floats != null ? floats[i] : booleans[i] ? 1 : 0;
  }

  /** Sets element {@code i} (rounded to float under {@link Precision#FLOAT}; a spike is value != 0). */
  public void set(int i, double value) {
    if (doubles != null) {
      doubles[i] = value;
    } else if (floats != null) {
      floats[i] = (float) value;
    } else {
      booleans[i] = value != 0;
    }
  }

  /** A copy of every element's value as double. */
  public double[] toDoubles() {
    double[] values = new double[size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = get(i);
    }
    return values;
  }
}
