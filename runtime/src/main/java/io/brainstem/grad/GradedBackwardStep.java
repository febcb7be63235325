package io.brainstem.grad;

import java.util.List;

/**
 * The backward step of a graded ({@code @Graded}) projection, generated as {@code <Model>Backward}:
 * every step it added {@code input_j += Σ_k f(pre_i(k), post_j, w_k)} from the values at the start
 * of the step, so its adjoint reaches the presynaptic and postsynaptic variables it read and its
 * per-synapse parameters. Two passes, each with elements independent: {@link #backward} over
 * postsynaptic neurons (the {@code @Post} variables' adjoints, the lumped parameters' gradients),
 * {@link #backwardPre} over presynaptic neurons (the {@code @Pre} variables' adjoints, a gather
 * along each CSR row, and the per-synapse parameters' gradients, in {@link
 * AdjointFrame#gradSynapse}). Ranges on any threads give the same bits.
 *
 * <p>The inputs are the {@code @Pre} variables (one per presynaptic neuron) then the {@code @Post}
 * variables (one per postsynaptic neuron); {@code frame.adjOutput} is {@code ∂L/∂input} of the
 * postsynaptic group. Add each input's adjoint to the adjoint of the group state it names.
 */
public interface GradedBackwardStep extends BackwardStep {
  /**
   * The number of presynaptic neurons.
   *
   * @return the presynaptic group's size
   */
  int preSize();

  /**
   * The length of input {@code input}'s arrays: {@link #preSize()} for a {@code @Pre} variable,
   * {@link #size()} for a {@code @Post} one.
   *
   * @param input the input's index in {@link #inputs()}
   * @return its length
   */
  int inputSize(int input);

  /**
   * The per-synapse parameters, in the order of {@link AdjointFrame#gradSynapse}.
   *
   * @return their names
   */
  List<String> synapseParams();

  /**
   * The number of synapses (the length of a per-synapse array, CSR order).
   *
   * @return the synapse count
   */
  int synapseCount();

  /**
   * The presynaptic pass over the presynaptic neurons {@code [from, to)}: writes the {@code @Pre}
   * inputs' adjoints and adds to the per-synapse parameter gradients of their rows.
   *
   * @param frame the stored values and adjoints
   * @param from the first presynaptic neuron
   * @param to one past the last
   */
  void backwardPre(AdjointFrame frame, int from, int to);
}
