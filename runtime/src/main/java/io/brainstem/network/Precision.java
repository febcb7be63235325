package io.brainstem.network;

/**
 * How a network stores its per-element state: {@code double} (the default) or {@code float}, which
 * halves the memory and the memory traffic of the step.
 *
 * <p>Arithmetic is double in both: a {@code FLOAT} kernel widens each stored value when it loads it,
 * computes as the {@code DOUBLE} kernel does, and rounds to float when it stores, so a float network
 * differs from a double one only by that rounding (about 6e-8 relative per stored value per step).
 * Parameters, times ({@code t}, {@code t_last_spike}), weights and monitors stay double.
 *
 * <p>Choose it when building the network and pass it to each group; projections take their
 * postsynaptic group's:
 *
 * <pre>{@code
 * Network net = new Network(Precision.FLOAT);
 * LifGroup E = net.add(new LifGroup("E", 3200, net.precision()));
 * }</pre>
 */
public enum Precision {
  /** 8-byte state: the default. */
  DOUBLE,
  /** 4-byte state, double arithmetic. */
  FLOAT
}
