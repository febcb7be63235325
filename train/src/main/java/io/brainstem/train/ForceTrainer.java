package io.brainstem.train;

import io.brainstem.network.Network;
import io.brainstem.network.Variable;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Online training by FORCE (Sussillo &amp; Abbott 2009, Neuron 63:544; BrainPy's
 * {@code OnlineTrainer}/{@code ForceTrainer}): at every step of {@link #fit} (every
 * {@linkplain Builder#updateEvery n-th}), the readout {@code z = w·r} of the states {@code r} is
 * compared with the target {@code f}, and recursive least squares updates {@code P} and {@code w}:
 *
 * <pre>
 *   e = w·r − f                   (the a priori error)
 *   k = P·r,  c = 1/(1 + rᵀ·k)
 *   P ← P − c·k·kᵀ
 *   w ← w − c·e·kᵀ                (= w − e·(P_new·r)ᵀ)
 * </pre>
 *
 * {@code P(0)} is {@code I/α} or {@code α·I} ({@link RlsPrior}). With {@linkplain Builder#feedback
 * feedback weights}, the output {@code z} of a step (before its update, as Sussillo &amp; Abbott's
 * code) is added through them to a network variable at the next step, during fit and predict: the
 * network then runs free on its own output. Linear algebra by EJML.
 *
 * <p>Batches: with {@link Trainer.Builder#trials trials(B)} the B trials share ONE readout and
 * {@code P}. Each step, every trial's output is computed with the readout of the step's start (it
 * is fed back to that trial, and its error is the loss), then the B samples update {@code P} and
 * {@code w} by the rank-one update above in trial order 0, 1, ..., B−1, each with its error under
 * the readout the earlier trials left. That is recursive least squares over the samples in that
 * order, and in exact arithmetic BrainPy's block update of a batch {@code H} (B rows),
 * {@code K = P·Hᵀ·(I + H·P·Hᵀ)⁻¹, P ← P − K·H·P, w ← w − (H·wᵀ − F)ᵀ·Kᵀ}. Without feedback the
 * readout after a pass is the ridge solution of all trials' samples; with feedback the trials
 * couple through the shared readout. B = 1 is the single-trial FORCE above.
 */
public final class ForceTrainer extends Trainer {
  private final double alpha;
  private final RlsPrior prior;
  private final int updateEvery;
  private final boolean bias;
  private final Feed feedback; // null: none
  private final DMatrixRMaj[] r; // per trial: features (+1 with a bias), a column
  private final DMatrixRMaj k;
  private DMatrixRMaj p; // the inverse correlation matrix, null before the first fit
  private DMatrixRMaj w; // outputs × features(+1)
  private DMatrixRMaj e; // the error, a column of outputs
  private double[][] z; // per trial, the latest output, fed back at the next step
  private double[][][] callTargets;
  private double sumSquaredError;
  private double[] stepErrors; // of the current fit
  private double[][] errors; // each trial's a priori error of the current step

  private ForceTrainer(Builder b) {
    super(b);
    this.alpha = b.alpha;
    this.prior = b.prior;
    this.updateEvery = b.updateEvery;
    this.bias = b.bias;
    this.feedback = b.feedback;
    int n = features() + (bias ? 1 : 0);
    this.r = new DMatrixRMaj[trials()];
    for (int t = 0; t < r.length; t++) {
      r[t] = new DMatrixRMaj(n, 1);
      if (bias) {
        r[t].data[n - 1] = 1;
      }
    }
    this.k = new DMatrixRMaj(n, 1);
    if (feedback != null) {
      this.z = new double[trials()][feedback.width()];
    }
  }

  /** Starts configuring a FORCE trainer of {@code network}. */
  public static Builder builder(Network network) {
    return new Builder(network);
  }

  /** The diagonal of {@code P(0)}: {@link RlsPrior#diagonal}. */
  public double initialP() {
    return prior.diagonal(alpha);
  }

  /**
   * Runs the network on {@code inputs}, updating the readout towards {@code targets} at every
   * step (every {@code updateEvery}-th); continues from the current state and readout. For a
   * network of one trial; with B trials use {@link #fit(double[][][], double[][][])}.
   *
   * @param inputs {@code [T][inputWidth()]} (width 0 without input weights)
   * @param targets {@code [T][outputs]}; the outputs must match the feedback weights' columns
   * @return the loss of this fit: the mean squared a priori error over its steps
   * @throws IllegalArgumentException if the shapes disagree
   * @throws TrainingDivergedException if a state or the error becomes NaN or infinite
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
   * Runs the network's B trials on {@code inputs}, updating the one shared readout from every
   * trial's sample at every step (every {@code updateEvery}-th), in trial order (see the class
   * description); continues from the current state and readout.
   *
   * @param inputs {@code (B, T, inputWidth())} with {@code B = }{@link #trials()}
   * @param targets {@code (B, T, outputs)}; the outputs must match the feedback weights' columns
   * @return the loss of this fit: the mean squared a priori error over its steps and trials
   * @throws IllegalArgumentException if a shape is wrong (the message names the array, the expected
   *     and the found shape)
   * @throws TrainingDivergedException if a state or the error becomes NaN or infinite
   */
  public double fit(double[][][] inputs, double[][][] targets) {
    int[] shape = Shapes.shape("targets", targets);
    if (shape[0] != trials()) {
      throw new IllegalArgumentException("targets have shape " + Shapes.show(shape) + " but this "
          + "trainer's network runs B = " + trials() + " trials, so expected (B=" + trials()
          + ", T, N=outputs): pass " + trials() + " target sequences");
    }
    int outs = shape[2];
    int steps = checkInputs(inputs, shape[1]);
    if (feedback != null && outs != feedback.width()) {
      throw new IllegalArgumentException("targets have " + outs + " columns but the feedback "
          + "weights into " + feedback.path + " take " + feedback.width() + " outputs: pass one "
          + "target column per fed-back output");
    }
    if (w != null && outs != w.numRows) {
      throw new IllegalArgumentException("targets have " + outs + " columns but the readout "
          + "trained so far has " + w.numRows + " outputs: pass " + w.numRows + " columns");
    }
    if (w == null) {
      int n = k.numRows;
      w = new DMatrixRMaj(outs, n);
      e = new DMatrixRMaj(outs, 1);
      errors = new double[trials()][outs];
      p = CommonOps_DDRM.diag(new double[n]);
      double d = initialP();
      for (int i = 0; i < n; i++) {
        p.set(i, i, d);
      }
    }
    callTargets = targets;
    sumSquaredError = 0;
    stepErrors = new double[steps];
    try {
      runCall(inputs, steps);
      double loss = sumSquaredError / ((double) steps * outs * trials());
      addLoss(loss, steps - 1);
      return loss;
    } finally {
      callTargets = null;
    }
  }

  /** The squared a priori error of each step of the last fit (mean over outputs and trials). */
  public double[] lastFitErrors() {
    if (stepErrors == null) {
      throw new IllegalStateException("no fit yet");
    }
    return stepErrors.clone();
  }

  @Override
  void feedBack(int row) {
    if (feedback != null) {
      for (int b = 0; b < z.length; b++) {
        feedback.add(b, z[b]);
      }
    }
  }

  @Override
  void predicted(int trial, double[] out) {
    if (feedback != null) {
      System.arraycopy(out, 0, z[trial], 0, out.length);
    }
  }

  @Override
  void fitStep(int trial, int row, double[] x) {
    System.arraycopy(x, 0, r[trial].data, 0, x.length);
    if (trial < trials() - 1) {
      return; // every trial's states first: the outputs use the readout of the step's start
    }
    double se = 0;
    for (int b = 0; b < trials(); b++) {
      double[] f = callTargets[b][row];
      for (int j = 0; j < w.numRows; j++) {
        double zj = dot(j, r[b]);
        if (z != null) {
          z[b][j] = zj;
        }
        double err = zj - f[j];
        if (!Double.isFinite(err)) {
          throw new TrainingDivergedException(row, "the FORCE error is " + err + " at step " + row
              + " of this fit" + (trials() > 1 ? " (trial " + b + ")" : "") + " (target " + f[j]
              + "): the readout diverged; increase α (" + (prior == RlsPrior.PAPER
              ? "P(0) = I/α" : "P(0) = α·I: decrease α") + "), or update less often");
        }
        errors[b][j] = err;
        se += err * err;
      }
    }
    stepErrors[row] = se / (w.numRows * trials());
    sumSquaredError += se;
    if (row % updateEvery == 0) {
      for (int b = 0; b < trials(); b++) {
        for (int j = 0; j < w.numRows; j++) {
          // trial b's error under the readout trials 0..b−1 left (trial 0: the a priori error)
          e.data[j] = b == 0 ? errors[0][j] : dot(j, r[b]) - callTargets[b][row][j];
        }
        CommonOps_DDRM.mult(p, r[b], k);
        double c = 1 / (1 + CommonOps_DDRM.dot(r[b], k));
        CommonOps_DDRM.multAddTransB(-c, k, k, p);
        CommonOps_DDRM.multAddTransB(-c, e, k, w);
      }
    }
  }

  /** Output {@code j} of the current readout for the states {@code x}. */
  private double dot(int j, DMatrixRMaj x) {
    double s = 0;
    int base = j * w.numCols;
    for (int i = 0; i < w.numCols; i++) {
      s += w.data[base + i] * x.data[i];
    }
    return s;
  }

  @Override
  double[] output(double[] x) {
    DMatrixRMaj col = r[0];
    System.arraycopy(x, 0, col.data, 0, x.length);
    DMatrixRMaj out = new DMatrixRMaj(w.numRows, 1);
    CommonOps_DDRM.mult(w, col, out);
    return out.data;
  }

  @Override
  public Readout readout() {
    if (w == null) {
      throw new IllegalStateException("no readout yet: call fit(inputs, targets) first");
    }
    int f = features();
    double[][] weights = new double[w.numRows][f];
    double[] b = bias ? new double[w.numRows] : null;
    for (int j = 0; j < w.numRows; j++) {
      for (int i = 0; i < f; i++) {
        weights[j][i] = w.get(j, i);
      }
      if (bias) {
        b[j] = w.get(j, f);
      }
    }
    return new Readout(weights, b);
  }

  /** Configures a {@link ForceTrainer}. */
  public static final class Builder extends Trainer.Builder<Builder> {
    private double alpha = 1;
    private RlsPrior prior = RlsPrior.PAPER;
    private int updateEvery = 1;
    private boolean bias;
    private String feedbackPath;
    private double[][] feedbackWeights;
    private Feed feedback;

    Builder(Network network) {
      super(network);
    }

    /**
     * α of {@code P(0)} (default 1, with {@link RlsPrior#PAPER}: {@code P(0) = I}).
     *
     * @throws IllegalArgumentException if not positive and finite
     */
    public Builder alpha(double alpha) {
      if (!(alpha > 0) || Double.isInfinite(alpha)) {
        throw new IllegalArgumentException("RLS α must be positive and finite, got " + alpha);
      }
      this.alpha = alpha;
      return this;
    }

    /** How α sets {@code P(0)} (default {@link RlsPrior#PAPER}, {@code I/α}). */
    public Builder prior(RlsPrior prior) {
      if (prior == null) {
        throw new IllegalArgumentException("prior is null: pass RlsPrior.PAPER or RlsPrior.BRAINPY");
      }
      this.prior = prior;
      return this;
    }

    /**
     * Updates the readout every {@code n}-th step of a fit, starting with the first (default 1;
     * Sussillo &amp; Abbott update every 2nd step of 0.1 ms).
     */
    public Builder updateEvery(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("updateEvery must be ≥ 1 step, got " + n);
      }
      this.updateEvery = n;
      return this;
    }

    /** Whether the readout has a bias (default false, as in FORCE), updated like a weight. */
    public Builder bias(boolean bias) {
      this.bias = bias;
      return this;
    }

    /**
     * Feeds the readout's output back: at each step, {@code weights·z} is added to the variable at
     * {@code path} (e.g. {@code "R.input"}), {@code z} the output of the previous step (0 before the
     * first); with B trials, each trial's own output into its own elements.
     *
     * @param weights {@code [size of path / trials][outputs]}: one trial's, used in every trial
     * @throws IllegalArgumentException if the path is unknown or the shape is wrong (the exact rows
     *     are checked at {@code build()})
     */
    public Builder feedback(String path, double[][] weights) {
      Variable target = network.variable(path);
      int w = Shapes.width("feedback weights for " + path, weights);
      if (target.size() % weights.length != 0) { // the exact rows are checked at build
        throw new IllegalArgumentException("feedback weights for " + path + " have "
            + weights.length + " rows but " + path + " has " + target.size() + " elements: pass "
            + "one row per element of one trial, [" + target.size() + " / trials][" + w + "]");
      }
      this.feedbackPath = path;
      this.feedbackWeights = weights;
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
    public ForceTrainer build() {
      feedback = feedbackWeights == null ? null
          : new Feed(network, "feedback", feedbackPath, feedbackWeights, trials);
      checkTrainable("ForceTrainer");
      return new ForceTrainer(this);
    }
  }
}
