package io.brainstem.train;

import io.brainstem.network.Network;
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
 * <p>One trial: a builder with {@link Trainer.Builder#trials trials(B)}, B &gt; 1, is refused (the
 * message names the alternatives). RLS is a sequence of rank-one updates, one sample after the
 * other; BrainPy's block form for a batch ({@code K = P·Hᵀ·(I + H·P·Hᵀ)⁻¹}) equals, in exact
 * arithmetic, those updates taken in trial order, but then trial b's a priori error sees the
 * update of trials before it within the step, and trials fed back differ from a single-trial run.
 * Train trials one after another on a one-trial network (the same sequence of updates, made
 * explicit), or a batch offline with {@link RidgeTrainer}.
 */
public final class ForceTrainer extends Trainer {
  private final double alpha;
  private final RlsPrior prior;
  private final int updateEvery;
  private final boolean bias;
  private final Feed feedback; // null: none
  private final DMatrixRMaj r; // features (+1 with a bias), a column
  private final DMatrixRMaj k;
  private DMatrixRMaj p; // the inverse correlation matrix, null before the first fit
  private DMatrixRMaj w; // outputs × features(+1)
  private DMatrixRMaj e; // the error, a column of outputs
  private double[] z; // the latest output, fed back at the next step
  private double[][] callTargets;
  private double sumSquaredError;
  private double[] stepErrors; // of the current fit

  private ForceTrainer(Builder b) {
    super(b);
    this.alpha = b.alpha;
    this.prior = b.prior;
    this.updateEvery = b.updateEvery;
    this.bias = b.bias;
    this.feedback = b.feedback;
    int n = features() + (bias ? 1 : 0);
    this.r = new DMatrixRMaj(n, 1);
    this.k = new DMatrixRMaj(n, 1);
    if (bias) {
      r.data[n - 1] = 1;
    }
    if (feedback != null) {
      this.z = new double[feedback.width()];
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
   * step (every {@code updateEvery}-th); continues from the current state and readout.
   *
   * @param inputs {@code [T][inputWidth()]} (width 0 without input weights)
   * @param targets {@code [T][outputs]}; the outputs must match the feedback weights' columns
   * @return the loss of this fit: the mean squared a priori error over its steps
   * @throws IllegalArgumentException if the shapes disagree
   * @throws TrainingDivergedException if a state or the error becomes NaN or infinite
   */
  public double fit(double[][] inputs, double[][] targets) {
    int outs = Shapes.width("targets", targets);
    double[][][] batch = {inputs};
    int steps = checkInputs(batch, targets.length);
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
      int n = r.numRows;
      w = new DMatrixRMaj(outs, n);
      e = new DMatrixRMaj(outs, 1);
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
      runCall(batch, steps);
      double loss = sumSquaredError / ((double) steps * outs);
      addLoss(loss, steps - 1);
      return loss;
    } finally {
      callTargets = null;
    }
  }

  /** {@link #fit(double[][], double[][])} of a network without input. */
  public double fit(double[][] targets) {
    return fit(noInput(targets.length)[0], targets);
  }

  /** The squared a priori error of each step of the last fit (mean over outputs). */
  public double[] lastFitErrors() {
    if (stepErrors == null) {
      throw new IllegalStateException("no fit yet");
    }
    return stepErrors.clone();
  }

  @Override
  void feedBack(int row) {
    if (feedback != null) {
      feedback.add(0, z);
    }
  }

  @Override
  void predicted(double[] out) {
    if (feedback != null) {
      System.arraycopy(out, 0, z, 0, z.length);
    }
  }

  @Override
  void fitStep(int trial, int row, double[] x) {
    System.arraycopy(x, 0, r.data, 0, x.length);
    double[] f = callTargets[row];
    double se = 0;
    for (int j = 0; j < w.numRows; j++) {
      double zj = 0;
      int base = j * w.numCols;
      for (int i = 0; i < w.numCols; i++) {
        zj += w.data[base + i] * r.data[i];
      }
      if (z != null) {
        z[j] = zj;
      }
      double err = zj - f[j];
      if (!Double.isFinite(err)) {
        throw new TrainingDivergedException(row, "the FORCE error is " + err + " at step " + row
            + " of this fit (target " + f[j] + "): the readout diverged; increase α ("
            + (prior == RlsPrior.PAPER ? "P(0) = I/α" : "P(0) = α·I: decrease α") + "), or "
            + "update less often");
      }
      e.data[j] = err;
      se += err * err;
    }
    stepErrors[row] = se / w.numRows;
    sumSquaredError += se;
    if (row % updateEvery == 0) {
      CommonOps_DDRM.mult(p, r, k);
      double c = 1 / (1 + CommonOps_DDRM.dot(r, k));
      CommonOps_DDRM.multAddTransB(-c, k, k, p);
      CommonOps_DDRM.multAddTransB(-c, e, k, w);
    }
  }

  @Override
  double[] output(double[] x) {
    System.arraycopy(x, 0, r.data, 0, x.length);
    DMatrixRMaj out = new DMatrixRMaj(w.numRows, 1);
    CommonOps_DDRM.mult(w, r, out);
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
     * first).
     *
     * @param weights {@code [size of path][outputs]}
     * @throws IllegalArgumentException if the path is unknown or the shape is wrong
     */
    public Builder feedback(String path, double[][] weights) {
      this.feedback = new Feed(network, "feedback", path, weights, 1);
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
      if (trials != 1) {
        throw new IllegalArgumentException("ForceTrainer updates its readout by RLS after every "
            + "sample, in sequence, so it trains one trial at a time, not " + trials + ": fit the "
            + "trials one after another on a network of one trial (trials(1)), or train a batch "
            + "offline with RidgeTrainer (trials(" + trials + "))");
      }
      checkTrainable("ForceTrainer");
      return new ForceTrainer(this);
    }
  }
}
