package io.brainstem.inputs;

import io.brainstem.network.Network;

/**
 * An input that sets variables directly, BrainPy's callable {@code inputs=}: called at the start of
 * every step, before the network updates, with the network, the time of the step and its absolute
 * index.
 *
 * <pre>{@code
 * Input.action((net, t, step) -> net.group("E").doubles("input")[0] += t < 10 ? 5 : 0)
 * }</pre>
 *
 * <p>Look up arrays once, outside the lambda, if the step loop should stay allocation-free.
 */
@FunctionalInterface
public interface NetworkAction {
  /** Acts on {@code network} at the start of step {@code step} (time {@code t} ms). */
  void apply(Network network, double t, long step);
}
