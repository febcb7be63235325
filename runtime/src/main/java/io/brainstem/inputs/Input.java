package io.brainstem.inputs;

import io.brainstem.network.Network;

/**
 * An input applied to a network variable at the start of every step, BrainPy's
 * {@code inputs=[('E.input', 20.)]}. Specs are plain values; a runner {@link #bind binds} them to its
 * network when it is built, which is when unknown paths and wrong shapes are reported.
 */
public interface Input {

  /** The dotted path of the variable written, e.g. {@code E.input}. */
  String path();

  /**
   * Resolves this spec against {@code network}.
   *
   * @throws IllegalArgumentException if the path does not exist (the message names the closest
   *     valid path), is not a double variable, or the values do not fit it
   */
  Bound bind(Network network);

  /** An input resolved to its array, applied by the runner once per step. */
  interface Bound {
    /** Applies the input for absolute step {@code step} at time {@code t}; must not allocate. */
    void apply(long step, double t);
  }

  /** Adds {@code value} to every element of the variable each step ({@code ('E.input', 20.)}). */
  static Input constant(String path, double value) {
    return new ConstantInput(path, value, null);
  }

  /** Adds {@code values[i]} to element {@code i} of the variable each step; one value per element. */
  static Input constant(String path, double[] values) {
    if (values == null) {
      throw new IllegalArgumentException("Input.constant(" + path + ", values): values is null");
    }
    return new ConstantInput(path, 0, values.clone());
  }
}
