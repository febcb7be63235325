package io.brainstem.grad;

import java.util.List;

/**
 * The backward (adjoint) step of a group: what the processor generates as {@code <Model>Backward}
 * for a {@code @Neuron(backward = true)} model. One call turns, for the elements {@code [from,
 * to)}, the adjoints of the states after a step into the adjoints before it, and adds the step's
 * contribution to the parameter gradients (see {@link AdjointFrame}). The step is the exact
 * vector-Jacobian product of the generated forward step of the group's current integrator; the
 * spike passes gradient through the frame's {@link Surrogate}.
 */
public interface BackwardStep {
  /**
   * The state names, in the order of {@link AdjointFrame#state} and {@link AdjointFrame#adjState}.
   *
   * @return the model's states
   */
  List<String> states();

  /**
   * The input names, in the order of {@link AdjointFrame#input} and {@link AdjointFrame#adjInput}.
   *
   * @return the model's inputs
   */
  List<String> inputs();

  /**
   * The parameter names, in the order of {@link AdjointFrame#gradParam}.
   *
   * @return the model's parameters
   */
  List<String> params();

  /**
   * The number of elements of the group.
   *
   * @return the group's size
   */
  int size();

  /**
   * One step backwards over the elements {@code [from, to)}: elements are independent, so ranges
   * may run on different threads with the same result.
   *
   * @param frame the stored forward values of the step and the adjoints
   * @param from the first element
   * @param to one past the last element
   */
  void backward(AdjointFrame frame, int from, int to);
}
