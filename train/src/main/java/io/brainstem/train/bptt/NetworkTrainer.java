package io.brainstem.train.bptt;

import io.brainstem.grad.NetworkGradient;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.train.data.Batch;
import io.brainstem.train.loss.Reduction;
import io.brainstem.train.loss.SoftmaxCrossEntropy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Back-propagation through time over a network the user built (BrainPy's {@code BPTT} over a
 * {@code DynamicalSystem}): an input group is fed each trial's spike raster, the network runs
 * forward through its generated kernels, a group's {@link Scores} (spike counts or a state's mean)
 * give the class scores, and {@link NetworkGradient} runs the steps backwards through the
 * generated backward steps into every trainable parameter ({@code network.trainableParameters()}:
 * {@code @Trainable} parameters, per-synapse weights, parameters marked at run time), which the
 * optimizer updates.
 *
 * <pre>{@code
 * try (NetworkTrainer trainer = NetworkTrainer.builder(net).input("In")
 *     .scores(Scores.meanState("Out", "V")).optimizer(Adam.of(0.01)).dt(1).build()) {
 *   trainer.fit(train, 20, 32, 1);
 *   double accuracy = trainer.accuracy(test, 64);
 * }
 * }</pre>
 *
 * <p>Trial {@code b}'s input step {@code t} ({@code (B, T, N)}, {@link Batch}) sets the spikes of
 * the input group's elements whose value is not 0, delivered in step {@code t}. Every trial starts
 * from the state the network had when the trainer was built (BrainPy's {@code reset_state=True});
 * the trained values are kept. The B trials of a batch run one after another through the one-trial
 * network; the batch's gradient is the mean of theirs.
 */
public final class NetworkTrainer extends ClassifierTrainer implements AutoCloseable {
  private final Network network;
  private final NeuronGroup input;
  private final Scores scores;
  private final NetworkGradient engine;
  private final List<String> trained;
  private final SoftmaxCrossEntropy single;
  private final int[] spikes;

  private NetworkTrainer(Builder b, int classes) {
    super(classes, b.optimizer, b.progress);
    this.network = b.network;
    this.input = network.group(b.input);
    this.scores = b.scores;
    this.engine = NetworkGradient.builder(network).input(b.input).dt(b.dt).surrogate(b.surrogate)
        .detachReset(b.detachReset).threads(b.threads).maxStoredSteps(b.maxStoredSteps).build();
    List<String> paths = new ArrayList<>(engine.parameters());
    for (String path : b.frozen) {
      if (!paths.remove(path)) {
        engine.close();
        throw new IllegalArgumentException("cannot freeze " + path + ": not a trainable parameter"
            + " of the network; trainable: " + engine.parameters());
      }
    }
    if (paths.isEmpty()) {
      engine.close();
      throw new IllegalStateException("nothing to train: every trainable parameter "
          + engine.parameters() + " is frozen; freeze fewer");
    }
    this.trained = List.copyOf(paths);
    for (String path : trained) {
      optimizer.add(path, engine.values(path), engine.gradient(path));
    }
    this.single = SoftmaxCrossEntropy.of(classes, Reduction.SUM);
    this.spikes = new int[input.size()];
  }

  /**
   * A builder over {@code network}.
   *
   * @param network the network, with an input group and an output group
   * @return the builder
   */
  public static Builder builder(Network network) {
    return new Builder(network);
  }

  /**
   * The parameters trained, by path, in the order registered with the optimizer.
   *
   * @return the paths
   */
  public List<String> trainedParameters() {
    return trained;
  }

  /**
   * A trained parameter's values, live: one value for a lumped parameter, one per synapse (CSR
   * order) for a weight.
   *
   * @param path e.g. {@code "H.tau"}
   * @return the array
   */
  public double[] values(String path) {
    return engine.values(path);
  }

  /** The gradient array registered for {@code path} (tests). */
  double[] optimizerGradient(String path) {
    return engine.gradient(path).clone();
  }

  @Override
  public double[] scores(Batch batch) {
    return run(batch, null);
  }

  @Override
  protected double train(Batch batch, double[] z) {
    double[] out = run(batch, z);
    return single.loss(out, batch.labels(), null) / batch.size();
  }

  @Override
  protected long recomputeNanos() {
    return engine.recomputeNanos();
  }

  /** Runs every trial; with {@code z} given, also backwards (the gradients of the mean loss). */
  private double[] run(Batch batch, double[] z) {
    if (batch.neurons() != input.size()) {
      throw new IllegalArgumentException("the batch has N = " + batch.neurons() + " inputs per"
          + " step but the input group " + input.name() + " has " + input.size()
          + "; shape the data (B, T, " + input.size() + ") or resize the group");
    }
    int classes = loss.classes();
    int steps = batch.steps();
    double[] out = z != null ? z : new double[batch.size() * classes];
    double[] trial = new double[classes];
    double[] dz = new double[classes];
    for (int b = 0; b < batch.size(); b++) {
      int trialIndex = b;
      Arrays.fill(trial, 0);
      long start = cpuNanos();
      engine.forward(steps, t -> feed(batch, trialIndex, t),
          t -> scores.observe(t, steps, trial));
      if (z != null) {
        forwardTook(cpuNanos() - start);
      }
      System.arraycopy(trial, 0, out, b * classes, classes);
      if (z != null) {
        double value = single.loss(trial, new int[] {batch.labels()[b]}, dz);
        if (!Double.isFinite(value)) {
          continue; // the caller's check names the epoch and batch
        }
        for (int k = 0; k < classes; k++) {
          dz[k] /= batch.size();
        }
        long backwardStart = cpuNanos();
        engine.backward((t, g) -> scores.adjoint(g, steps, dz));
        backwardTook(cpuNanos() - backwardStart);
      }
    }
    return out;
  }

  private void feed(Batch batch, int b, int t) {
    double[] x = batch.inputs();
    int offset = batch.offset(b, t);
    int count = 0;
    for (int i = 0; i < spikes.length; i++) {
      if (x[offset + i] != 0) {
        spikes[count++] = i;
      }
    }
    input.setSpikes(spikes, 0, count);
  }

  @Override
  public void close() {
    engine.close();
  }

  /** Settings of a {@link NetworkTrainer}. */
  public static final class Builder extends TrainerSettings<Builder> {
    private final Network network;
    private String input;
    private Scores scores;
    private int threads = 1;
    private final Set<String> frozen = new LinkedHashSet<>();

    private Builder(Network network) {
      this.network = Objects.requireNonNull(network, "network");
    }

    /**
     * The group fed each trial's input raster (required); it is not stepped.
     *
     * @param group its name
     * @return this builder
     */
    public Builder input(String group) {
      this.input = Objects.requireNonNull(group, "group");
      return this;
    }

    /**
     * What the class scores are (required); the output group's size is the number of classes.
     *
     * @param scores e.g. {@code Scores.spikeCounts("Out")}
     * @return this builder
     */
    public Builder scores(Scores scores) {
      this.scores = Objects.requireNonNull(scores, "scores");
      return this;
    }

    /**
     * Threads for the backward steps (1 by default; any count gives the same bits).
     *
     * @param threads at least 1
     * @return this builder
     */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /**
     * Trainable parameters not to train, by path (e.g. {@code "In2H.w"}).
     *
     * @param paths the parameters
     * @return this builder
     */
    public Builder freeze(String... paths) {
      frozen.addAll(Arrays.asList(paths));
      return this;
    }

    /**
     * The trainer.
     *
     * @return a new trainer
     * @throws IllegalArgumentException when the network has nothing trainable, a projection
     *     without a backward step, a delay, an unknown group, or fewer than 2 classes
     * @throws IllegalStateException when every trainable parameter is frozen
     */
    public NetworkTrainer build() {
      Objects.requireNonNull(input, "no input group: call input(\"In\")");
      Objects.requireNonNull(scores, "no scores: call scores(Scores.spikeCounts(\"Out\"))");
      Objects.requireNonNull(optimizer, "no optimizer: pass one, e.g. optimizer(Adam.of(0.01))");
      int classes = scores.bind(network);
      if (classes < 2) {
        throw new IllegalArgumentException("the output group " + scores.group() + " has "
            + classes + " element; a classifier needs one per class, at least 2");
      }
      if (scores.group().equals(input)) {
        throw new IllegalArgumentException("the output group " + scores.group()
            + " is the input group; read the scores from a stepped group");
      }
      return new NetworkTrainer(this, classes);
    }
  }
}
