package io.brainstem.train;

import io.brainstem.network.Network;
import io.brainstem.network.Variable;

/** Adds {@code W·u} to a network variable each step: an input or a readout fed back. */
final class Feed {
  final String path;
  final Variable target;
  final double[][] weights; // [size of target][width of u]

  Feed(Network net, String what, String path, double[][] weights) {
    this.path = path;
    this.target = net.variable(path);
    int w = Shapes.width(what + " weights for " + path, weights);
    if (weights.length != target.size()) {
      throw new IllegalArgumentException(what + " weights for " + path + " have " + weights.length
          + " rows but " + path + " has " + target.size() + " elements: pass one row per element, "
          + "[" + target.size() + "][" + w + "]");
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

  void add(double[] u) {
    for (int i = 0; i < weights.length; i++) {
      double[] w = weights[i];
      double s = 0;
      for (int j = 0; j < w.length; j++) {
        s += w[j] * u[j];
      }
      target.set(i, target.get(i) + s);
    }
  }
}
