package io.brainstem.train;

import java.util.Arrays;

/**
 * A dense linear readout {@code z = W·x + b}: {@code outputs × features} weights and, optionally, a
 * bias per output. Immutable: the trainers hand out copies of theirs.
 */
public final class Readout {
  private final double[][] weights;
  private final double[] bias;

  /**
   * A readout of the given weights.
   *
   * @param weights {@code [outputs][features]}, copied
   * @param bias one per output, or null for none; copied
   * @throws IllegalArgumentException if the shapes disagree
   */
  public Readout(double[][] weights, double[] bias) {
    int f = Shapes.width("readout weights", weights);
    this.weights = new double[weights.length][];
    for (int i = 0; i < weights.length; i++) {
      this.weights[i] = weights[i].clone();
    }
    if (bias != null && bias.length != weights.length) {
      throw new IllegalArgumentException("readout bias has " + bias.length + " values for "
          + weights.length + " outputs; pass one per output, or null");
    }
    this.bias = bias == null ? null : bias.clone();
    if (f == 0) {
      throw new IllegalArgumentException("a readout needs at least one feature");
    }
  }

  /** The number of outputs. */
  public int outputs() {
    return weights.length;
  }

  /** The number of features (inputs) it reads. */
  public int features() {
    return weights[0].length;
  }

  /** Whether it adds a bias. */
  public boolean hasBias() {
    return bias != null;
  }

  /** A copy of the weights, {@code [outputs][features]}. */
  public double[][] weights() {
    double[][] w = new double[weights.length][];
    for (int i = 0; i < w.length; i++) {
      w[i] = weights[i].clone();
    }
    return w;
  }

  /** A copy of the biases, or null without a bias. */
  public double[] bias() {
    return bias == null ? null : bias.clone();
  }

  /** {@code out = W·x + b}. */
  public void apply(double[] x, double[] out) {
    for (int j = 0; j < weights.length; j++) {
      double[] w = weights[j];
      double s = bias == null ? 0 : bias[j];
      for (int i = 0; i < w.length; i++) {
        s += w[i] * x[i];
      }
      out[j] = s;
    }
  }

  /** The readout of every row of {@code states}, {@code [rows][outputs]}. */
  public double[][] apply(double[][] states) {
    double[][] out = new double[states.length][weights.length];
    for (int t = 0; t < states.length; t++) {
      if (states[t].length != features()) {
        throw new IllegalArgumentException("state row " + t + " has " + states[t].length
            + " values; this readout reads " + features());
      }
      apply(states[t], out[t]);
    }
    return out;
  }

  @Override
  public String toString() {
    return "Readout[" + outputs() + " × " + features() + (bias == null ? "" : ", bias "
        + Arrays.toString(bias)) + "]";
  }
}
