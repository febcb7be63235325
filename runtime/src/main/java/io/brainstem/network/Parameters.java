package io.brainstem.network;

import java.util.Arrays;
import java.util.List;

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

  public Parameters(String owner, int size, List<String> names, double... defaults) {
    if (names.size() != defaults.length) {
      throw new IllegalArgumentException("names and defaults differ in length");
    }
    this.owner = owner;
    this.size = size;
    this.names = List.copyOf(names);
    this.scalars = defaults.clone();
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

  public void set(int index, double value) {
    scalars[index] = value;
    if (columns != null) {
      Arrays.fill(columns[index], value);
    }
  }

  public void set(int index, double[] perElement) {
    if (perElement.length != size) {
      throw new IllegalArgumentException(
          owner + "." + names.get(index) + " per-element values: expected " + size
              + " values (one per element), got " + perElement.length);
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

  public List<String> names() {
    return names;
  }

  /** The index of a parameter by name, or an exception naming the closest valid name. */
  public int indexOf(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          "'" + owner + "' has no parameter '" + name + "'" + Names.didYouMean(name, names)
              + "; its parameters are " + names);
    }
    return i;
  }
}
