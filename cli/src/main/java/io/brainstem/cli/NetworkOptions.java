package io.brainstem.cli;

import io.brainstem.annotations.Integrator;

/**
 * What the command line may change about how an example network is built.
 *
 * @param seed seeds every random draw of the network (initial states, connectivity)
 * @param method the integrator of every group and projection
 * @param scale multiplies the number of neurons of every group (at least one neuron each)
 */
public record NetworkOptions(long seed, Integrator method, double scale) {
  /** Checks the method and the scale. */
  public NetworkOptions {
    if (method == null) {
      throw new IllegalArgumentException("method is null; use one of EXP_AUTO, EULER, RK4");
    }
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale must be positive and finite, got " + scale);
    }
  }

  /** {@code n} neurons scaled by {@link #scale}, rounded, at least 1. */
  public int scaled(int n) {
    long scaled = Math.round(n * scale);
    if (scaled > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "scale " + scale + " makes a group of " + scaled + " neurons; that is too large");
    }
    return (int) Math.max(1, scaled);
  }
}
