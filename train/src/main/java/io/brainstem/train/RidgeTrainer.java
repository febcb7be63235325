package io.brainstem.train;

import io.brainstem.network.Network;

/**
 * Offline training (BrainPy's {@code OfflineTrainer}/{@code RidgeTrainer}): {@link #fit} runs the
 * network on the inputs, records the states after each step (as a monitor of the
 * {@linkplain Builder#states state variable} would), drops the first {@linkplain Builder#washout
 * washout} steps, and solves the readout {@code W = argmin ||X·W − Y||² + α·||W||²} with EJML
 * ({@link Ridge}; an optional unpenalised bias). Each fit replaces the readout; {@link #predict}
 * runs on and applies it.
 *
 * <pre>{@code
 * try (RidgeTrainer trainer = RidgeTrainer.builder(net).states("R.r")
 *     .inputWeights("R.input", wIn).washout(100).alpha(1e-6).build()) {
 *   trainer.fit(u, y);                 // u [T][inputs], y [T][outputs]
 *   double[][] z = trainer.predict(u2); // continues from the state fit left
 * }
 * }</pre>
 */
public final class RidgeTrainer extends Trainer {
  private final double alpha;
  private final int washout;
  private final boolean bias;
  private double[][] collected; // the current fit's states after the washout
  private Readout readout;

  private RidgeTrainer(Builder b) {
    super(b);
    this.alpha = b.alpha;
    this.washout = b.washout;
    this.bias = b.bias;
  }

  /** Starts configuring a ridge trainer of {@code network}. */
  public static Builder builder(Network network) {
    return new Builder(network);
  }

  /** The ridge penalty α. */
  public double alpha() {
    return alpha;
  }

  /** The steps at the start of each fit whose states are not used. */
  public int washout() {
    return washout;
  }

  /**
   * Runs the network on {@code inputs}, then solves the readout of the states after the washout
   * for {@code targets} (row {@code t} is the target of the state after step {@code t}).
   *
   * @param inputs {@code [T][inputWidth()]} (width 0 without input weights)
   * @param targets {@code [T][outputs]}
   * @return the loss of this fit: the training mean squared error of the new readout
   * @throws IllegalArgumentException if the shapes disagree, {@code T} is not longer than the
   *     washout, or the problem is singular (the message names the fix)
   * @throws TrainingDivergedException if a state becomes NaN or infinite
   */
  public double fit(double[][] inputs, double[][] targets) {
    int outs = Shapes.width("targets", targets);
    int steps = checkInputs(inputs, targets.length);
    checkTargets(targets, outs);
    if (steps <= washout) {
      throw new IllegalArgumentException("nothing to fit: " + steps + " steps with a washout of "
          + washout + "; pass more than " + washout + " steps, or a shorter washout");
    }
    collected = new double[steps - washout][];
    try {
      runCall(inputs, steps);
      double[][] y = new double[steps - washout][];
      System.arraycopy(targets, washout, y, 0, y.length);
      Readout solved = Ridge.solve(collected, y, alpha, bias);
      double loss = Metrics.mse(solved.apply(collected), y);
      addLoss(loss, steps - 1);
      readout = solved;
      return loss;
    } finally {
      collected = null;
    }
  }

  /** {@link #fit(double[][], double[][])} of a network without input. */
  public double fit(double[][] targets) {
    return fit(noInput(targets.length), targets);
  }

  private static void checkTargets(double[][] targets, int outs) {
    for (int t = 0; t < targets.length; t++) {
      for (int j = 0; j < outs; j++) {
        if (!Double.isFinite(targets[t][j])) {
          throw new IllegalArgumentException("targets[" + t + "][" + j + "] is " + targets[t][j]
              + ": targets must be finite");
        }
      }
    }
  }

  @Override
  void fitStep(int row, double[] x) {
    if (row >= washout) {
      collected[row - washout] = x.clone();
    }
  }

  @Override
  double[] output(double[] x) {
    double[] z = new double[readout.outputs()];
    readout.apply(x, z);
    return z;
  }

  @Override
  public Readout readout() {
    if (readout == null) {
      throw new IllegalStateException("no readout yet: call fit(inputs, targets) first");
    }
    return readout;
  }

  /** Configures a {@link RidgeTrainer}. */
  public static final class Builder extends Trainer.Builder<Builder> {
    private double alpha = 1e-7;
    private int washout;
    private boolean bias = true;

    Builder(Network network) {
      super(network);
    }

    /**
     * The ridge penalty α ≥ 0 (default 1e-7, BrainPy's); 0 solves plain least squares by QR.
     *
     * @throws IllegalArgumentException if negative or not finite
     */
    public Builder alpha(double alpha) {
      if (!(alpha >= 0) || Double.isInfinite(alpha)) {
        throw new IllegalArgumentException("ridge α must be finite and ≥ 0, got " + alpha);
      }
      this.alpha = alpha;
      return this;
    }

    /**
     * The number of steps at the start of each fit whose states are not used (default 0): the
     * network forgets its initial state meanwhile.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder washout(int steps) {
      if (steps < 0) {
        throw new IllegalArgumentException("washout must be ≥ 0 steps, got " + steps);
      }
      this.washout = steps;
      return this;
    }

    /** Whether the readout fits a bias, not penalised by α (default true). */
    public Builder bias(boolean bias) {
      this.bias = bias;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Creates the trainer.
     *
     * @throws IllegalArgumentException if no states were named (nothing to train) or the runner's
     *     configuration is invalid
     */
    @Override
    public RidgeTrainer build() {
      checkTrainable("RidgeTrainer");
      return new RidgeTrainer(this);
    }
  }
}
