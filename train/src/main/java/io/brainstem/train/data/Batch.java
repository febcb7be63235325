package io.brainstem.train.data;

/**
 * A batch of {@code B} trials of {@code T} time steps of {@code N} inputs each, with a class label
 * per trial: the inputs flat in row-major order {@code (B, T, N)}, so that trial {@code b}'s step
 * {@code t} starts at {@link #offset(int, int) offset(b, t)} = {@code (b·T + t)·N}. Shape errors
 * name the dimension (B, T or N) that does not match.
 */
public final class Batch {
  private final double[] inputs;
  private final int size;
  private final int steps;
  private final int neurons;
  private final int[] labels;

  /**
   * A batch over the given arrays (not copied).
   *
   * @param inputs {@code B·T·N} values, row-major {@code (B, T, N)}
   * @param size {@code B}, the number of trials, at least 1
   * @param steps {@code T}, the time steps per trial, at least 1
   * @param neurons {@code N}, the inputs per step, at least 1
   * @param labels the class of each trial, {@code B} of them
   * @throws IllegalArgumentException naming the dimension that does not match
   */
  public Batch(double[] inputs, int size, int steps, int neurons, int[] labels) {
    checkPositive(size, steps, neurons);
    if (inputs == null || labels == null) {
      throw new IllegalArgumentException((inputs == null ? "inputs" : "labels") + " is null");
    }
    if (labels.length != size) {
      throw new IllegalArgumentException("labels has " + labels.length + " entries but the batch "
          + "has B = " + size + " trials: pass one label per trial");
    }
    long expected = (long) size * steps * neurons;
    if (inputs.length != expected) {
      throw new IllegalArgumentException("inputs has " + inputs.length + " values but (B, T, N) = ("
          + size + ", " + steps + ", " + neurons + ") needs " + expected
          + ": pass B·T·N values, row-major");
    }
    this.inputs = inputs;
    this.size = size;
    this.steps = steps;
    this.neurons = neurons;
    this.labels = labels;
  }

  /**
   * A batch copied from {@code x[b][t][n]}, every trial with the same {@code T} and every step with
   * the same {@code N}.
   *
   * @param x the inputs, {@code [B][T][N]}
   * @param labels the class of each trial
   * @return the batch
   * @throws IllegalArgumentException naming the trial and step whose T or N differs from trial 0's
   */
  public static Batch of(double[][][] x, int[] labels) {
    if (x == null || x.length == 0) {
      throw new IllegalArgumentException("x has no trials (B = 0): pass at least one");
    }
    int steps = x[0] == null ? 0 : x[0].length;
    int neurons = steps == 0 || x[0][0] == null ? 0 : x[0][0].length;
    checkPositive(x.length, steps, neurons);
    double[] flat = new double[x.length * steps * neurons];
    for (int b = 0; b < x.length; b++) {
      if (x[b] == null || x[b].length != steps) {
        throw new IllegalArgumentException("trial " + b + " has T = "
            + (x[b] == null ? 0 : x[b].length) + " time steps but trial 0 has T = " + steps
            + ": pass trials of equal length");
      }
      for (int t = 0; t < steps; t++) {
        if (x[b][t] == null || x[b][t].length != neurons) {
          throw new IllegalArgumentException("trial " + b + ", step " + t + " has N = "
              + (x[b][t] == null ? 0 : x[b][t].length) + " inputs but trial 0, step 0 has N = "
              + neurons + ": pass the same inputs at every step");
        }
        System.arraycopy(x[b][t], 0, flat, (b * steps + t) * neurons, neurons);
      }
    }
    return new Batch(flat, x.length, steps, neurons, labels.clone());
  }

  /**
   * Checks that this batch fits a network taking {@code steps} steps of {@code neurons} inputs.
   *
   * @param steps the expected {@code T}
   * @param neurons the expected {@code N}
   * @param what the thing that expects them, for the message (e.g. "the input group In")
   * @return this batch
   * @throws IllegalArgumentException naming T or N, the batch's value and the expected one
   */
  public Batch requireShape(int steps, int neurons, String what) {
    if (neurons != this.neurons) {
      throw new IllegalArgumentException("the batch has N = " + this.neurons
          + " inputs per step but " + what + " has " + neurons
          + ": give the data set as many inputs as the network's input group has neurons");
    }
    if (steps != this.steps) {
      throw new IllegalArgumentException("the batch has T = " + this.steps + " time steps but "
          + what + " runs " + steps + ": pass trials of " + steps + " steps");
    }
    return this;
  }

  /**
   * The inputs, row-major {@code (B, T, N)} (the batch's own array, not a copy).
   *
   * @return the values
   */
  public double[] inputs() {
    return inputs;
  }

  /**
   * The input of trial {@code b} at step {@code t} to neuron {@code n}.
   *
   * @param b the trial
   * @param t the step
   * @param n the input neuron
   * @return the value
   */
  public double input(int b, int t, int n) {
    return inputs[offset(b, t) + n];
  }

  /**
   * Where trial {@code b}'s step {@code t} starts in {@link #inputs()}: {@code (b·T + t)·N}.
   *
   * @param b the trial
   * @param t the step
   * @return the index of its first input
   */
  public int offset(int b, int t) {
    return (b * steps + t) * neurons;
  }

  /**
   * {@code B}, the number of trials.
   *
   * @return the batch size
   */
  public int size() {
    return size;
  }

  /**
   * {@code T}, the time steps per trial.
   *
   * @return the steps
   */
  public int steps() {
    return steps;
  }

  /**
   * {@code N}, the inputs per step.
   *
   * @return the input count
   */
  public int neurons() {
    return neurons;
  }

  /**
   * The class of each trial (the batch's own array, not a copy).
   *
   * @return {@code B} labels
   */
  public int[] labels() {
    return labels;
  }

  static void checkPositive(int size, int steps, int neurons) {
    if (size < 1) {
      throw new IllegalArgumentException("B = " + size + " trials: a batch needs at least one");
    }
    if (steps < 1) {
      throw new IllegalArgumentException("T = " + steps + " time steps: pass at least one");
    }
    if (neurons < 1) {
      throw new IllegalArgumentException("N = " + neurons + " inputs: pass at least one");
    }
  }
}
