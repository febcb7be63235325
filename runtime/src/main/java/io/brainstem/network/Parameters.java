package io.brainstem.network;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The parameters of one group or projection: one value per parameter for the whole group, until
 * some parameter is given per element; from then on every parameter has a per-element column and
 * generated code switches to its per-element kernel.
 */
public final class Parameters {
  private final String owner;
  private final List<String> names;
  private final double[] scalars;
  private final int size;
  private double[][] columns; // null while homogeneous
  private final String[] nonNegative; // per parameter: why it must be >= 0, or null
  private final boolean[] trainable; // per parameter: declared @Trainable

  /**
   * The parameters of {@code owner}, each homogeneous at its default.
   *
   * @param owner the group or projection, for messages
   * @param size the number of elements (for per-element values)
   * @param names the parameters' names
   * @param defaults their defaults, one per name
   */
  public Parameters(String owner, int size, List<String> names, double... defaults) {
    if (names.size() != defaults.length) {
      throw new IllegalArgumentException("names and defaults differ in length");
    }
    this.owner = owner;
    this.size = size;
    this.names = List.copyOf(names);
    this.scalars = defaults.clone();
    this.nonNegative = new String[defaults.length];
    this.trainable = new boolean[defaults.length];
  }

  /**
   * Marks parameter {@code index} as {@code @Trainable}; generated constructors call it for each
   * parameter the model declares so, and a user may call it to train a parameter of one group
   * only ({@code markTrainable(indexOf("tau"))}).
   */
  public void markTrainable(int index) {
    trainable[index] = true;
  }

  /** The {@code @Trainable} parameters' names, in declaration order (empty when none is). */
  public List<String> trainable() {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < trainable.length; i++) {
      if (trainable[i]) {
        out.add(names.get(i));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Makes parameter {@code index} refuse negative values from now on ({@code why} says what it is,
   * e.g. "the @Refractory period"); its current value is checked at once.
   */
  public void requireNonNegative(int index, String why) {
    nonNegative[index] = why;
    check(index, scalars[index], -1);
  }

  /** True once any parameter was set per element. */
  public boolean heterogeneous() {
    return columns != null;
  }

  /** The group-wide value; only meaningful while {@link #heterogeneous()} is false. */
  public double scalar(int index) {
    return scalars[index];
  }

  /** The per-element column; only non-null once {@link #heterogeneous()} is true. */
  public double[] column(int index) {
    return columns == null ? null : columns[index];
  }

  /** The value for one element, whichever storage is in use. */
  public double value(int index, int element) {
    return columns == null ? scalars[index] : columns[index][element];
  }

  /**
   * Sets a parameter for every element.
   *
   * @throws IllegalArgumentException if {@code value} is NaN or infinite, or negative for a
   *     parameter that must not be (a refractory period)
   */
  public void set(int index, double value) {
    check(index, value, -1);
    scalars[index] = value;
    if (columns != null) {
      Arrays.fill(columns[index], value);
    }
  }

  /** Sets a parameter element by element; every value is checked as by {@link #set(int, double)}. */
  public void set(int index, double[] perElement) {
    Objects.requireNonNull(perElement,
        () -> owner + "." + names.get(index) + ": the per-element array is null; pass one value per element");
    if (perElement.length != size) {
      throw new IllegalArgumentException(
          owner + "." + names.get(index) + " per-element values: expected " + size
              + " values (one per element), got " + perElement.length);
    }
    for (int i = 0; i < size; i++) {
      check(index, perElement[i], i);
    }
    if (columns == null) {
      columns = new double[scalars.length][];
      for (int p = 0; p < scalars.length; p++) {
        columns[p] = new double[size];
        Arrays.fill(columns[p], scalars[p]);
      }
    }
    System.arraycopy(perElement, 0, columns[index], 0, size);
  }

  /** Refuses a value that would reach the dynamics as NaN or infinity, naming owner.param[element]. */
  private void check(int index, double value, int element) {
    String where = owner + "." + names.get(index) + (element < 0 ? "" : "[" + element + "]");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(where + " must be a finite number, got " + value
          + "; parameters are numbers in the model's units (NaN and infinities would spread "
          + "through the state silently)");
    }
    if (nonNegative[index] != null && value < 0) {
      throw new IllegalArgumentException(where + " is " + nonNegative[index]
          + " and must be >= 0, got " + value);
    }
  }

  /** The parameters' names, in declaration order. */
  public List<String> names() {
    return names;
  }

  /** The index of a parameter by name, or an exception naming the closest valid name. */
  public int indexOf(String name) {
    Objects.requireNonNull(name, "parameter name is null; pass a name such as \"tau\"");
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          "'" + owner + "' has no parameter '" + name + "'" + Names.didYouMean(name, names)
              + "; its parameters are " + names);
    }
    return i;
  }
}
