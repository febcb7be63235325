package io.brainstem.train;

import io.brainstem.network.Network;
import io.brainstem.train.data.SequenceBatch;

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
 *
 * <p>Batches: with {@link Builder#trials trials(B)} on a network of B trials
 * ({@link EchoStateNetwork#ridgeTrainer(int, double, int)}), {@code fit(double[B][T][in],
 * double[B][T][out])} runs the B trials in one pass and solves one readout over all their rows;
 * {@link #fit(Iterable)} streams batches (e.g. from NPY files) through normal equations.
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
   * for {@code targets} (row {@code t} is the target of the state after step {@code t}). For a
   * network of one trial; with B trials use {@link #fit(double[][][], double[][][])}.
   *
   * @param inputs {@code [T][inputWidth()]} (width 0 without input weights)
   * @param targets {@code [T][outputs]}
   * @return the loss of this fit: the training mean squared error of the new readout
   * @throws IllegalArgumentException if the shapes disagree, {@code T} is not longer than the
   *     washout, or the problem is singular (the message names the fix)
   * @throws TrainingDivergedException if a state becomes NaN or infinite
   */
  public double fit(double[][] inputs, double[][] targets) {
    requireOneTrial("fit", "inputs and targets");
    return fit(new double[][][] {inputs}, new double[][][] {targets});
  }

  /** {@link #fit(double[][], double[][])} of a network without input. */
  public double fit(double[][] targets) {
    requireOneTrial("fit", "targets");
    return fit(noInput(targets.length)[0], targets);
  }

  /**
   * Runs the network's B trials on {@code inputs} in one pass, drops the first
   * {@linkplain #washout() washout} steps of each trial, and solves ONE readout over all trials'
   * rows (trial 0's, then trial 1's, ...): the same readout as a fit of the trials' states
   * concatenated (BrainPy's ridge, whose rows are flattened over batch × time).
   *
   * @param inputs {@code (B, T, inputWidth())} with {@code B = }{@link #trials()}
   * @param targets {@code (B, T, outputs)}
   * @return the loss of this fit: the training mean squared error of the new readout over all rows
   * @throws IllegalArgumentException if a shape is wrong (the message names the array, the expected
   *     and the found shape), {@code T} is not longer than the washout, or the problem is singular
   * @throws TrainingDivergedException if a state becomes NaN or infinite
   */
  public double fit(double[][][] inputs, double[][][] targets) {
    int steps = checkShapes(inputs, targets);
    double[][] y = new double[trials() * (steps - washout)][];
    collected = new double[y.length][];
    try {
      runCall(inputs, steps);
      for (int b = 0; b < trials(); b++) {
        System.arraycopy(targets[b], washout, y, b * (steps - washout), steps - washout);
      }
      Readout solved = Ridge.solve(collected, y, alpha, bias);
      double loss = Metrics.mse(solved.apply(collected), y);
      addLoss(loss, steps - 1);
      readout = solved;
      return loss;
    } finally {
      collected = null;
    }
  }

  /**
   * A streamed fit: for each batch of B trials, {@link #reset()} (each batch holds new,
   * independent trials: BrainPy's {@code reset_state=True}), run the batch, drop each trial's
   * washout, and add its rows to the normal equations {@code XᵀX}, {@code XᵀY}; then one Cholesky
   * solve. Memory is one batch's states plus {@code (features + 1)²}, whatever the number of
   * batches. The readout equals the in-memory fit of the same rows up to rounding (the sums are
   * added batch by batch). The QR solves of an in-memory fit need all rows at once, so a stream
   * needs {@code α > 0} and throws, naming the fixes, where an in-memory fit would fall back to QR.
   *
   * @param batches the batches, each {@code (B, T, ·)} with {@code B = }{@link #trials()} (T may
   *     differ between batches), e.g. {@link io.brainstem.train.data.SequenceFiles}
   * @return the loss of this fit: the training mean squared error of the new readout over all
   *     rows, from the sums ({@code ΣY² − 2·tr(WᵀXᵀY) + tr(WᵀXᵀXW)})
   * @throws IllegalArgumentException if a batch's shape is wrong (the message names the batch), α
   *     = 0, the stream is empty, or the sums are not positive definite
   * @throws TrainingDivergedException if a state becomes NaN or infinite
   */
  public double fit(Iterable<SequenceBatch> batches) {
    if (!(alpha > 0)) {
      Ridge.solve(new NormalEquations(1, 1, false), alpha); // throws, naming the fixes
    }
    NormalEquations normal = null;
    int index = 0;
    for (SequenceBatch batch : batches) {
      int steps;
      try {
        steps = checkShapes(batch.inputs(), batch.targets());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("batch " + index + ": " + e.getMessage(), e);
      }
      int outs = batch.targets()[0][0].length;
      if (normal == null) {
        normal = new NormalEquations(features(), outs, bias);
      } else if (outs != normal.outputs) {
        throw new IllegalArgumentException("batch " + index + " has " + outs + " target columns "
            + "but batch 0 has " + normal.outputs + ": pass the same outputs in every batch");
      }
      double[][] y = new double[trials() * (steps - washout)][];
      collected = new double[y.length][];
      try {
        reset();
        runCall(batch.inputs(), steps);
        for (int b = 0; b < trials(); b++) {
          System.arraycopy(batch.targets()[b], washout, y, b * (steps - washout), steps - washout);
        }
        normal.add(collected, y);
      } finally {
        collected = null;
      }
      index++;
    }
    if (normal == null) {
      throw new IllegalArgumentException("the stream of batches is empty: pass at least one batch");
    }
    Readout solved = Ridge.solve(normal, alpha);
    double loss = normal.meanSquaredError(solved);
    addLoss(loss, 0);
    readout = solved;
    return loss;
  }

  /** Checks inputs and targets {@code (B, T, ·)}; returns T. */
  private int checkShapes(double[][][] inputs, double[][][] targets) {
    int[] y = Shapes.shape("targets", targets);
    if (y[0] != trials()) {
      throw new IllegalArgumentException("targets have shape " + Shapes.show(y) + " but this "
          + "trainer's network runs B = " + trials() + " trials, so expected (B=" + trials() + ", T, "
          + "N=outputs): pass " + trials() + " target sequences");
    }
    int steps = checkInputs(inputs, y[1]);
    for (int b = 0; b < y[0]; b++) {
      for (int t = 0; t < y[1]; t++) {
        for (int j = 0; j < y[2]; j++) {
          if (!Double.isFinite(targets[b][t][j])) {
            throw new IllegalArgumentException("targets[" + b + "][" + t + "][" + j + "] is "
                + targets[b][t][j] + ": targets must be finite");
          }
        }
      }
    }
    if (steps <= washout) {
      throw new IllegalArgumentException("nothing to fit: " + steps + " steps with a washout of "
          + washout + "; pass more than " + washout + " steps, or a shorter washout");
    }
    return steps;
  }

  @Override
  void fitStep(int trial, int row, double[] x) {
    if (row >= washout) {
      int perTrial = collected.length / trials();
      collected[trial * perTrial + row - washout] = x.clone();
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
