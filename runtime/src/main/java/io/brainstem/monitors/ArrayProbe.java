package io.brainstem.monitors;

import io.brainstem.network.Network;

/**
 * A callable monitor returning several numbers, evaluated after each recorded step. The values are
 * copied, so the probe may return the same (reused) array every time; its length must not change.
 */
@FunctionalInterface
public interface ArrayProbe {
  /** The values to record for the current step. */
  double[] values(Network network);
}
