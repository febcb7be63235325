package io.brainstem.train.bptt;

import io.brainstem.grad.AdjointFrame;
import io.brainstem.grad.Surrogate;
import io.brainstem.models.LifBackward;
import io.brainstem.models.LifGroup;
import io.brainstem.train.data.Batch;
import io.brainstem.train.data.Dataset;
import io.brainstem.train.data.Minibatch;
import io.brainstem.train.loss.LossCheck;
import io.brainstem.train.loss.SoftmaxCrossEntropy;
import io.brainstem.train.optim.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Back-propagation through time for a spiking classifier (BrainPy's {@code BPTT} trainer): input
 * spike trains {@code (B, T, N)} drive, through dense input weights, a hidden layer of the
 * library's {@link io.brainstem.models.Lif} neurons, whose spikes drive, through dense readout
 * weights, leaky non-spiking readout units {@code u(t) = β·u(t−1) + W_outᵀ·s(t)}; the class
 * scores are the readouts' means over the run, the loss their softmax cross-entropy.
 *
 * <p>The hidden layer runs the generated forward kernel of {@link LifGroup} (one element per trial
 * and neuron: the B trials of a batch in one group) and its generated adjoint {@link LifBackward};
 * the spike passes gradient through {@link Builder#surrogate}. Each batch starts from the model's
 * initial state ({@code reset_state} semantics: trials are independent). Forward states are stored
 * for runs of at most {@link Builder#maxStoredSteps} steps; longer runs keep one checkpoint per
 * segment of that length and recompute each segment's states during the backward pass, so memory
 * is bounded by the setting, not by {@code T}.
 *
 * <pre>{@code
 * BptTrainer trainer = BptTrainer.builder(100, 100, 10).optimizer(Adam.of(2e-3)).build();
 * trainer.fit(train, 30, 64, seed);
 * double accuracy = trainer.accuracy(test, 256);
 * }</pre>
 */
public final class BptTrainer {
  private final int inputs;
  private final int hidden;
  private final int classes;
  private final double dt;
  private final double beta;
  private final Surrogate surrogate;
  private final boolean detachReset;
  private final int maxStoredSteps;
  private final Optimizer optimizer;
  private final SoftmaxCrossEntropy loss;
  private final Consumer<Epoch> progress;
  private final double[] tau;
  private final double[] threshold;
  /** Input weights {@code [j·H + h]}, readout weights {@code [h·C + c]}. */
  private final double[] wIn;
  private final double[] wOut;
  private final double[] gIn;
  private final double[] gOut;
  private final List<Double> losses = new ArrayList<>();
  private final List<Double> accuracies = new ArrayList<>();
  private Network network;

  /** One epoch's figures, given to the progress callback. */
  public record Epoch(int epoch, double loss, double accuracy, double seconds) {}

  private BptTrainer(Builder b) {
    this.inputs = b.inputs;
    this.hidden = b.hidden;
    this.classes = b.classes;
    this.dt = b.dt;
    this.beta = Math.exp(-b.dt / b.readoutTau);
    this.surrogate = b.surrogate;
    this.detachReset = b.detachReset;
    this.maxStoredSteps = b.maxStoredSteps;
    this.loss = SoftmaxCrossEntropy.mean(classes);
    this.progress = b.progress;
    this.tau = new double[] {b.tau};
    this.threshold = new double[] {b.threshold};
    this.wIn = new double[inputs * hidden];
    this.wOut = new double[hidden * classes];
    this.gIn = new double[wIn.length];
    this.gOut = new double[wOut.length];
    Random random = new Random(b.seed);
    for (int k = 0; k < wIn.length; k++) {
      wIn[k] = random.nextGaussian() * b.inputScale / Math.sqrt(inputs);
    }
    for (int k = 0; k < wOut.length; k++) {
      wOut[k] = random.nextGaussian() / Math.sqrt(hidden);
    }
    if (!b.trainInput && !b.trainReadout) {
      throw new IllegalStateException("nothing to train: both the input and the readout weights"
          + " are frozen; call trainInput(true) or trainReadout(true)");
    }
    this.optimizer = Objects.requireNonNull(b.optimizer,
        "no optimizer: pass one, e.g. optimizer(Adam.of(2e-3))");
    if (b.trainInput) {
      optimizer.add("W_in", wIn, gIn);
    }
    if (b.trainReadout) {
      optimizer.add("W_out", wOut, gOut);
    }
  }

  /**
   * A builder for a classifier of {@code inputs} input trains, {@code hidden} LIF neurons and
   * {@code classes} readouts.
   *
   * @param inputs N, the input trains per trial
   * @param hidden the hidden neurons
   * @param classes the classes
   * @return the builder
   */
  public static Builder builder(int inputs, int hidden, int classes) {
    return new Builder(inputs, hidden, classes);
  }

  /**
   * Trains for {@code epochs} epochs of minibatches of {@code batchSize} trials drawn in an order
   * seeded by {@code seed} (then the epoch).
   *
   * @param data the training set, {@code (T, N)} per trial with labels
   * @param epochs the number of passes over the data
   * @param batchSize B
   * @param seed the shuffling seed
   * @return this trainer
   * @throws io.brainstem.train.TrainingDivergedException when a loss is NaN or infinite, naming the
   *     epoch and batch
   */
  public BptTrainer fit(Dataset data, int epochs, int batchSize, long seed) {
    Minibatch batches = Minibatch.of(data, batchSize, seed);
    for (int epoch = 0; epoch < epochs; epoch++) {
      long start = System.nanoTime();
      double lossSum = 0;
      int correct = 0;
      int seen = 0;
      int index = 0;
      for (Batch batch : batches.epoch(epoch)) {
        checkShape(batch);
        optimizer.zeroGradients();
        double[] scores = new double[batch.size() * classes];
        double[] dScores = new double[scores.length];
        Network net = network(batch.size());
        net.forward(batch, scores, true);
        double value = LossCheck.finite(loss.loss(scores, batch.labels(), dScores), epoch, index);
        net.backward(batch, dScores);
        optimizer.step();
        lossSum += value * batch.size();
        correct += (int) Math.round(loss.accuracy(scores, batch.labels()) * batch.size());
        seen += batch.size();
        index++;
      }
      losses.add(lossSum / seen);
      accuracies.add(correct / (double) seen);
      if (progress != null) {
        progress.accept(new Epoch(epoch, lossSum / seen, correct / (double) seen,
            (System.nanoTime() - start) / 1e9));
      }
    }
    return this;
  }

  /** The loss of {@code batch}, with the gradients left in {@link #gIn} and {@link #gOut}. */
  double lossAndGradients(Batch batch) {
    checkShape(batch);
    java.util.Arrays.fill(gIn, 0);
    java.util.Arrays.fill(gOut, 0);
    double[] scores = new double[batch.size() * classes];
    double[] dScores = new double[scores.length];
    Network net = network(batch.size());
    net.forward(batch, scores, true);
    double value = loss.loss(scores, batch.labels(), dScores);
    net.backward(batch, dScores);
    return value;
  }

  double[] inputGradient() {
    return gIn;
  }

  double[] readoutGradient() {
    return gOut;
  }

  /**
   * The class scores (mean readouts) of each trial of {@code batch}.
   *
   * @param batch the inputs
   * @return {@code B·C} scores, trial-major
   */
  public double[] scores(Batch batch) {
    checkShape(batch);
    double[] scores = new double[batch.size() * classes];
    network(batch.size()).forward(batch, scores, false);
    return scores;
  }

  /**
   * The predicted class of each trial (BrainPy's {@code predict}).
   *
   * @param batch the inputs
   * @return one class per trial
   */
  public int[] predict(Batch batch) {
    double[] scores = scores(batch);
    int[] out = new int[batch.size()];
    for (int b = 0; b < out.length; b++) {
      out[b] = loss.predicted(scores, b);
    }
    return out;
  }

  /**
   * The fraction of {@code data} classified correctly, evaluated in batches of {@code batchSize}.
   *
   * @param data labelled trials
   * @param batchSize trials per pass
   * @return the accuracy in [0, 1]
   */
  public double accuracy(Dataset data, int batchSize) {
    int correct = 0;
    for (int first = 0; first < data.size(); first += batchSize) {
      int[] samples = new int[Math.min(batchSize, data.size() - first)];
      for (int k = 0; k < samples.length; k++) {
        samples[k] = first + k;
      }
      Batch batch = data.batch(samples);
      int[] predicted = predict(batch);
      for (int k = 0; k < samples.length; k++) {
        correct += predicted[k] == batch.labels()[k] ? 1 : 0;
      }
    }
    return correct / (double) data.size();
  }

  /**
   * The mean training loss of each epoch so far.
   *
   * @return an unmodifiable list
   */
  public List<Double> lossHistory() {
    return Collections.unmodifiableList(losses);
  }

  /**
   * The training accuracy of each epoch so far (measured on the batches as they were trained).
   *
   * @return an unmodifiable list
   */
  public List<Double> accuracyHistory() {
    return Collections.unmodifiableList(accuracies);
  }

  /**
   * The input weights, {@code [j·H + h]} (live: training updates them).
   *
   * @return the array
   */
  public double[] inputWeights() {
    return wIn;
  }

  /**
   * The readout weights, {@code [h·C + c]} (live).
   *
   * @return the array
   */
  public double[] readoutWeights() {
    return wOut;
  }

  private void checkShape(Batch batch) {
    if (batch.neurons() != inputs) {
      throw new IllegalArgumentException("batch has N = " + batch.neurons()
          + " input trains per trial, the trainer was built for " + inputs
          + "; build it with builder(" + batch.neurons() + ", hidden, classes)");
    }
  }

  private Network network(int size) {
    if (network == null || network.size != size) {
      network = new Network(size);
    }
    return network;
  }

  /** The hidden group of one batch size, its backward step and the tapes. */
  private final class Network {
    final int size;
    final int n;
    final LifGroup group;
    final LifBackward backward;
    final AdjointFrame frame;
    final double[] current;
    final double[] readout;
    final double[] adjReadout;
    int segment;
    double[][] vTape;
    double[][] inTape;
    boolean[][] spikeTape;
    double[][] checkpoints;
    double[][] lastSpikeCheckpoints;

    Network(int size) {
      this.size = size;
      this.n = size * hidden;
      this.group = new LifGroup("hidden", n);
      group.params().set(group.params().indexOf("V_rest"), 0);
      group.params().set(group.params().indexOf("V_reset"), 0);
      this.backward = new LifBackward(group);
      this.frame = new AdjointFrame(backward);
      frame.surrogate = surrogate;
      frame.detachReset = detachReset;
      frame.dt = dt;
      frame.adjSpike = new double[n];
      this.current = new double[n];
      this.readout = new double[size * classes];
      this.adjReadout = new double[size * classes];
    }

    void tapes(int steps) {
      segment = Math.min(steps, maxStoredSteps);
      int segments = (steps + segment - 1) / segment;
      if (vTape == null || vTape.length != segment || checkpoints.length != segments) {
        vTape = new double[segment][n];
        inTape = new double[segment][n];
        spikeTape = new boolean[segment][n];
        checkpoints = new double[segments][n];
        lastSpikeCheckpoints = new double[segments][n];
      }
    }

    void reset() {
      java.util.Arrays.fill(group.V, 0);
      java.util.Arrays.fill(group.t_last_spike, -1e7);
      group.params().set(group.params().indexOf("tau"), tau[0]);
      group.params().set(group.params().indexOf("V_th"), threshold[0]);
    }

    /** The input current of step {@code t}: a sparse product, the inputs being spikes. */
    void current(Batch batch, int t) {
      java.util.Arrays.fill(current, 0);
      double[] x = batch.inputs();
      for (int b = 0; b < size; b++) {
        int offset = batch.offset(b, t);
        for (int j = 0; j < inputs; j++) {
          double v = x[offset + j];
          if (v != 0) {
            int row = j * hidden;
            int base = b * hidden;
            for (int h = 0; h < hidden; h++) {
              current[base + h] += v * wIn[row + h];
            }
          }
        }
      }
    }

    void step(Batch batch, int t, boolean record) {
      current(batch, t);
      if (record) {
        int k = t % segment;
        System.arraycopy(group.V, 0, vTape[k], 0, n);
        System.arraycopy(current, 0, inTape[k], 0, n);
      }
      System.arraycopy(current, 0, group.input, 0, n);
      group.update(t * dt, dt, true);
      if (record) {
        System.arraycopy(group.spike, 0, spikeTape[t % segment], 0, n);
      }
    }

    void forward(Batch batch, double[] scores, boolean record) {
      int steps = batch.steps();
      tapes(steps);
      reset();
      java.util.Arrays.fill(readout, 0);
      java.util.Arrays.fill(scores, 0);
      int lastSegment = (steps - 1) / segment;
      for (int t = 0; t < steps; t++) {
        if (record && t % segment == 0) {
          System.arraycopy(group.V, 0, checkpoints[t / segment], 0, n);
          System.arraycopy(group.t_last_spike, 0, lastSpikeCheckpoints[t / segment], 0, n);
        }
        step(batch, t, record && t / segment == lastSegment);

        for (int b = 0; b < size; b++) {
          for (int c = 0; c < classes; c++) {
            double drive = 0;
            for (int h = 0; h < hidden; h++) {
              drive += group.spike[b * hidden + h] ? wOut[h * classes + c] : 0;
            }
            int k = b * classes + c;
            readout[k] = beta * readout[k] + drive;
            scores[k] += readout[k] / steps;
          }
        }
      }
    }

    void backward(Batch batch, double[] dScores) {
      int steps = batch.steps();
      java.util.Arrays.fill(adjReadout, 0);
      java.util.Arrays.fill(frame.adjState[0], 0);
      java.util.Arrays.fill(frame.gradParam[0], 0);
      double[] x = batch.inputs();
      int lastSegment = (steps - 1) / segment;
      for (int s = lastSegment; s >= 0; s--) {
        int first = s * segment;
        int end = Math.min(steps, first + segment);
        if (s != lastSegment) {
          // Recompute this segment's states from its checkpoint (the forward pass kept only it).
          System.arraycopy(checkpoints[s], 0, group.V, 0, n);
          System.arraycopy(lastSpikeCheckpoints[s], 0, group.t_last_spike, 0, n);
          for (int t = first; t < end; t++) {
            step(batch, t, true);
          }
        }
        for (int t = end - 1; t >= first; t--) {
          int k = t - first;
          boolean[] spikes = spikeTape[k];
          // Readout: u(t) = β·u(t−1) + W_outᵀ·s(t); score = mean u.
          for (int b = 0; b < size; b++) {
            for (int c = 0; c < classes; c++) {
              int q = b * classes + c;
              adjReadout[q] = dScores[q] / steps + beta * adjReadout[q];
            }
            for (int h = 0; h < hidden; h++) {
              double sum = 0;
              int row = h * classes;
              boolean fired = spikes[b * hidden + h];
              for (int c = 0; c < classes; c++) {
                double a = adjReadout[b * classes + c];
                sum += wOut[row + c] * a;
                if (fired) {
                  gOut[row + c] += a;
                }
              }
              frame.adjSpike[b * hidden + h] = sum;
            }
          }
          frame.state[0] = vTape[k];
          frame.input[0] = inTape[k];
          frame.t = t * dt;
          backward.backward(frame, 0, n);
          double[] aInput = frame.adjInput[0];
          for (int b = 0; b < size; b++) {
            int offset = batch.offset(b, t);
            for (int j = 0; j < inputs; j++) {
              double v = x[offset + j];
              if (v != 0) {
                int row = j * hidden;
                int base = b * hidden;
                for (int h = 0; h < hidden; h++) {
                  gIn[row + h] += v * aInput[base + h];
                }
              }
            }
          }
        }
      }
    }
  }

  /** Settings of a {@link BptTrainer}. */
  public static final class Builder {
    private final int inputs;
    private final int hidden;
    private final int classes;
    private double dt = 1;
    private double tau = 10;
    private double threshold = 1;
    private double readoutTau = 20;
    private double inputScale = 40;
    private Surrogate surrogate = Surrogate.fastSigmoid(10);
    private boolean detachReset = true;
    private int maxStoredSteps = 1000;
    private Optimizer optimizer;
    private boolean trainInput = true;
    private boolean trainReadout = true;
    private long seed;
    private Consumer<Epoch> progress;

    private Builder(int inputs, int hidden, int classes) {
      if (inputs < 1 || hidden < 1 || classes < 2) {
        throw new IllegalArgumentException("a classifier needs inputs >= 1, hidden >= 1 and"
            + " classes >= 2, got " + inputs + ", " + hidden + ", " + classes);
      }
      this.inputs = inputs;
      this.hidden = hidden;
      this.classes = classes;
    }

    /**
     * The step, in ms (1 by default).
     *
     * @param dt positive
     * @return this builder
     */
    public Builder dt(double dt) {
      this.dt = positive(dt, "dt");
      return this;
    }

    /**
     * The hidden neurons' membrane time constant, in ms (10 by default).
     *
     * @param tau positive
     * @return this builder
     */
    public Builder tau(double tau) {
      this.tau = positive(tau, "tau");
      return this;
    }

    /**
     * The hidden neurons' threshold above rest (1 by default; reset to rest).
     *
     * @param threshold positive
     * @return this builder
     */
    public Builder threshold(double threshold) {
      this.threshold = positive(threshold, "threshold");
      return this;
    }

    /**
     * The readout units' time constant, in ms (20 by default).
     *
     * @param tau positive
     * @return this builder
     */
    public Builder readoutTau(double tau) {
      this.readoutTau = positive(tau, "readoutTau");
      return this;
    }

    /**
     * The standard deviation of the initial input weights times √N (40 by default: a few
     * hidden spikes per trial on Randman).
     *
     * @param scale positive
     * @return this builder
     */
    public Builder inputScale(double scale) {
      this.inputScale = positive(scale, "inputScale");
      return this;
    }

    /**
     * The spike's surrogate derivative (a fast sigmoid of slope 10 by default).
     *
     * @param surrogate the surrogate
     * @return this builder
     */
    public Builder surrogate(Surrogate surrogate) {
      this.surrogate = Objects.requireNonNull(surrogate, "surrogate");
      return this;
    }

    /**
     * Whether the reset passes no gradient through the spike (true by default, as in Zenke &amp;
     * Vogels 2021).
     *
     * @param detach true to detach the reset
     * @return this builder
     */
    public Builder detachReset(boolean detach) {
      this.detachReset = detach;
      return this;
    }

    /**
     * The most steps whose forward states are stored at once (1000 by default): longer runs are
     * recomputed by segments of this length from checkpoints, so the tapes hold at most this many
     * steps.
     *
     * @param steps at least 1
     * @return this builder
     */
    public Builder maxStoredSteps(int steps) {
      if (steps < 1) {
        throw new IllegalArgumentException("maxStoredSteps must be >= 1, got " + steps);
      }
      this.maxStoredSteps = steps;
      return this;
    }

    /**
     * The optimizer (required), fresh: the trainer registers its weights with it.
     *
     * @param optimizer e.g. {@code Adam.of(2e-3)}
     * @return this builder
     */
    public Builder optimizer(Optimizer optimizer) {
      this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
      return this;
    }

    /**
     * Whether the input weights are trained (true by default).
     *
     * @param train false to freeze them
     * @return this builder
     */
    public Builder trainInput(boolean train) {
      this.trainInput = train;
      return this;
    }

    /**
     * Whether the readout weights are trained (true by default).
     *
     * @param train false to freeze them
     * @return this builder
     */
    public Builder trainReadout(boolean train) {
      this.trainReadout = train;
      return this;
    }

    /**
     * The seed of the initial weights (0 by default).
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * A callback after each epoch.
     *
     * @param progress receives the epoch's figures
     * @return this builder
     */
    public Builder progress(Consumer<Epoch> progress) {
      this.progress = progress;
      return this;
    }

    /**
     * The trainer.
     *
     * @return a new trainer
     * @throws IllegalStateException when nothing is trainable
     * @throws NullPointerException without an optimizer
     */
    public BptTrainer build() {
      return new BptTrainer(this);
    }

    private static double positive(double v, String name) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
      }
      return v;
    }
  }
}
