package io.brainstem.train;

import io.brainstem.network.Network;
import io.brainstem.network.Variable;

/**
 * Adds {@code W·u} to a network variable each step: an input or a readout fed back. With B trials
 * the variable holds B blocks of {@code rows} elements and block {@code b} gets {@code W·u_b}: the
 * same weights in every trial.
 */
final class Feed {
  final String path;
  final Variable target;
  final double[][] weights; // [elements of one trial][width of u]
  private final int trials;

  Feed(Network net, String what, String path, double[][] weights, int trials) {
    this.path = path;
    this.target = net.variable(path);
    this.trials = trials;
    int w = Shapes.width(what + " weights for " + path, weights);
    if (target.size() % trials != 0) {
      throw new IllegalArgumentException(path + " has " + target.size() + " elements, not a "
          + "multiple of " + trials + " trials: build the network with " + trials + " trials "
          + "(e.g. EchoStateNetwork.network(" + trials + ")) or set trials to match it");
    }
    int rows = target.size() / trials;
    if (weights.length != rows) {
      throw new IllegalArgumentException(what + " weights for " + path + " have " + weights.length
          + " rows but " + path + " has " + rows + " elements" + (trials > 1 ? " per trial ("
          + trials + " trials of " + rows + ")" : "") + ": pass one row per element"
          + (trials > 1 ? " of one trial (every trial gets the same weights)" : "")
          + ", [" + rows + "][" + w + "]");
    }
    if (target.isBoolean()) {
      throw new IllegalArgumentException(path + " is boolean: feed a double variable such as an input");
    }
    this.weights = new double[weights.length][];
    for (int i = 0; i < weights.length; i++) {
      this.weights[i] = weights[i].clone();
    }
  }

  int width() {
    return weights[0].length;
  }

  /** Adds {@code W·u} to the elements of trial {@code trial}. */
  void add(int trial, double[] u) {
    int base = trial * weights.length;
    for (int i = 0; i < weights.length; i++) {
      double[] w = weights[i];
      double s = 0;
      for (int j = 0; j < w.length; j++) {
        s += w[j] * u[j];
      }
      target.set(base + i, target.get(base + i) + s);
    }
  }
}
