package io.brainstem.mpi;

/**
 * The neurons {@code from .. to-1} of a group that one rank owns.
 *
 * @param from the first neuron owned
 * @param to one past the last neuron owned
 */
public record Slice(int from, int to) {
  /** Checks {@code 0 <= from <= to}. */
  public Slice {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("a slice needs 0 <= from <= to, got [" + from + ", " + to + ")");
    }
  }

  /** The number of neurons owned. */
  public int size() {
    return to - from;
  }
}
