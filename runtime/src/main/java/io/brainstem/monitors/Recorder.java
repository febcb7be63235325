package io.brainstem.monitors;

import io.brainstem.network.Variable;

/**
 * A monitor bound to its variable: copies the variable (or the chosen elements) into a row of arrays
 * allocated once per run, so recording a step allocates nothing.
 */
public final class Recorder {
  private final String name;
  private final Variable variable;
  private final int[] indices; // null: every element
  private final int width;
  private boolean[][] spikeRows;
  private double[][] valueRows;

  Recorder(String name, Variable variable, int[] indices) {
    this.name = name;
    this.variable = variable;
    this.indices = indices;
    this.width = indices == null ? variable.size() : indices.length;
  }

  /** The monitor's name, the key of its records. */
  public String name() {
    return name;
  }

  /** The recorded variable. */
  public Variable variable() {
    return variable;
  }

  /** Whether the records are {@code boolean[T][n]} (spikes) rather than {@code double[T][n]}. */
  public boolean isSpike() {
    return variable.isBoolean();
  }

  /** Allocates fresh arrays for a run of {@code steps} steps (earlier results stay untouched). */
  public void start(int steps) {
    if (variable.isBoolean()) {
      spikeRows = new boolean[steps][width];
    } else {
      valueRows = new double[steps][width];
    }
  }

  /** Copies the variable's current values into row {@code row}. */
  public void record(int row) {
    if (variable.isBoolean()) {
      boolean[] source = variable.booleans();
      boolean[] dest = spikeRows[row];
      if (indices == null) {
        System.arraycopy(source, 0, dest, 0, width);
      } else {
        for (int c = 0; c < width; c++) {
          dest[c] = source[indices[c]];
        }
      }
    } else {
      double[] source = variable.doubles();
      double[] dest = valueRows[row];
      if (indices == null) {
        System.arraycopy(source, 0, dest, 0, width);
      } else {
        for (int c = 0; c < width; c++) {
          dest[c] = source[indices[c]];
        }
      }
    }
  }

  /** The records of the current run: {@code boolean[T][n]} or {@code double[T][n]}. */
  Object records() {
    if (spikeRows == null && valueRows == null) {
      throw new IllegalStateException("monitor " + name + " has not been started");
    }
    return variable.isBoolean() ? spikeRows : valueRows;
  }
}
