package io.brainstem.monitors;

import io.brainstem.network.Network;

/**
 * A callable monitor returning one number, evaluated after each recorded step, e.g. the mean
 * membrane potential: {@code Monitor.probe("meanV", net -> mean(net.group("E").doubles("V")))}.
 */
@FunctionalInterface
public interface ScalarProbe {
  /** The value to record for the current step. */
  double value(Network network);
}
