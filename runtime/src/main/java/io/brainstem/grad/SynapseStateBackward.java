package io.brainstem.grad;

import java.util.List;

/**
 * The backward step of a synapse with states kept per synapse (short-term plasticity: {@code
 * TsodyksMarkramCoba}'s {@code u} and {@code x}), generated as {@code <Model>Backward}. Forward, a
 * step integrates the per-postsynaptic states, then each synapse's own states (clock-driven, by
 * the projection's method), then runs {@code @OnPre} on the synapses of the spikes due (its
 * per-synapse jumps, and the increments {@code g += w·u·x} that reach the postsynaptic states),
 * then adds the output. Backwards, per step, three calls, each over a range of postsynaptic
 * neurons (a synapse belongs to its target's range, as in the forward step, so its adjoints have
 * one owner and any threads give the same bits):
 *
 * <ol>
 *   <li>{@link #delivered}: replays the per-synapse step from {@link AdjointFrame#synapseState}
 *       and {@link AdjointFrame#preSpiked} and writes the delivered inputs (the sum of the
 *       increments onto each target, CSR order);
 *   <li>{@link #backward}: the per-postsynaptic step, as for any synapse; it writes the delivered
 *       inputs' adjoints;
 *   <li>{@link #backwardSynapses}: the per-synapse adjoints before the step ({@link
 *       AdjointFrame#adjSynapseState}, after the step on entry), the per-synapse parameter
 *       gradients ({@link AdjointFrame#gradSynapse}), lumped ones ({@code gradParam}), and each
 *       synapse's spike adjoint ({@link AdjointFrame#synapseSpike}: the jump its spike makes,
 *       {@code Σ adjoint·(after − before)}, the convention of a neuron's reset; {@link
 *       ProjectionBackward#spikeAdjoint(double[], double[], int, int)} sums it along each row).
 * </ol>
 */
public interface SynapseStateBackward extends BackwardStep {
  /**
   * The states kept per synapse, in the order of {@link AdjointFrame#synapseState}.
   *
   * @return their names
   */
  List<String> synapseStates();

  /**
   * The parameters kept per synapse, in the order of {@link AdjointFrame#gradSynapse}.
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
   * Writes the delivered inputs of the postsynaptic neurons {@code [from, to)}.
   *
   * @param frame the stored values
   * @param from the first postsynaptic neuron
   * @param to one past the last
   */
  void delivered(AdjointFrame frame, int from, int to);

  /**
   * The per-synapse pass over the synapses onto {@code [from, to)}, after {@link #backward}.
   *
   * @param frame the stored values and adjoints
   * @param from the first postsynaptic neuron
   * @param to one past the last
   */
  void backwardSynapses(AdjointFrame frame, int from, int to);
}
