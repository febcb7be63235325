package io.brainstem.train.bptt;

import io.brainstem.connectivity.All2All;
import io.brainstem.connectivity.Csr;
import io.brainstem.grad.AdjointFrame;
import io.brainstem.grad.ProjectionBackward;
import io.brainstem.grad.Surrogate;
import io.brainstem.models.LifBackward;
import io.brainstem.models.LifGroup;
import io.brainstem.models.WeightedExpCubaBackward;
import io.brainstem.models.WeightedExpCubaProjection;
import io.brainstem.train.data.Batch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Back-propagation through time for a spiking classifier (BrainPy's {@code BPTT} trainer): input
 * spike trains {@code (B, T, N)} drive, through dense input weights, a hidden layer of the
 * library's {@link io.brainstem.models.Lif} neurons, whose spikes drive, through dense readout
 * weights, leaky non-spiking readout units {@code u(t) = β·u(t−1) + W_outᵀ·s(t)}; the class
 * scores are the readouts' means over the run, the loss their softmax cross-entropy.
 *
 * <p>With {@link Builder#recurrent}, the hidden neurons also drive each other through {@link
 * io.brainstem.models.WeightedExpCuba} synapses (all to all, self-connections included, one weight
 * per pair shared by the trials), run by the generated {@code WeightedExpCubaProjection} and
 * differentiated by its generated {@code WeightedExpCubaBackward} and {@link ProjectionBackward}'s
 * gather. {@link Builder#trainParameters} adds model parameters to what the optimizer trains: the
 * hidden {@code Lif}'s ({@code "hidden.tau"}, {@code "hidden.V_th"}, …) and the recurrent synapses'
 * ({@code "recurrent.tau"}); their gradients are the backward steps' {@code AdjointFrame.gradParam}
 * summed over the elements.
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
public final class BptTrainer extends ClassifierTrainer {
  private final int inputs;
  private final int hidden;
  private final int classes;
  private final double dt;
  private final double beta;
  private final Surrogate surrogate;
  private final boolean detachReset;
  private final int maxStoredSteps;
  private final double[] tau;
  private final double[] threshold;
  /** Input weights {@code [j·H + h]}, readout weights {@code [h·C + c]}. */
  private final double[] wIn;
  private final double[] wOut;
  private final double[] gIn;
  private final double[] gOut;
  /** Recurrent weights {@code [k·H + h]} (k → h), null without a recurrent layer. */
  private final double[] wRec;
  private final double[] gRec;
  private final double recurrentTau;
  /** Trained model parameters by path ({@code hidden.tau}): value and gradient, one each. */
  private final Map<String, double[]> paramValues = new LinkedHashMap<>();
  private final Map<String, double[]> paramGradients = new LinkedHashMap<>();
  private Network network;
  private long recomputeNanos; // CPU time of the segments recomputed in the backward passes

  private BptTrainer(Builder b) {
    super(b.classes, b.optimizer, b.progress);
    this.inputs = b.inputs;
    this.hidden = b.hidden;
    this.classes = b.classes;
    this.dt = b.dt;
    this.beta = Math.exp(-b.dt / b.readoutTau);
    this.surrogate = b.surrogate;
    this.detachReset = b.detachReset;
    this.maxStoredSteps = b.maxStoredSteps;
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
    this.recurrentTau = b.recurrentTau;
    if (b.recurrentScale > 0) {
      // Drawn after the input and readout weights, so those do not change with the option.
      this.wRec = new double[hidden * hidden];
      this.gRec = new double[wRec.length];
      for (int k = 0; k < wRec.length; k++) {
        wRec[k] = random.nextGaussian() * b.recurrentScale / Math.sqrt(hidden);
      }
    } else {
      this.wRec = null;
      this.gRec = null;
    }
    // What the models declare @Trainable, then what the builder adds, less what it freezes.
    List<String> trained = new ArrayList<>(declaredTrainable(b));
    for (String path : b.trainedParameters) {
      if (!trained.contains(path)) {
        trained.add(path);
      }
    }
    for (String path : b.frozenParameters) {
      initialValue(path, b); // an unknown path is an error here too
      trained.remove(path);
    }
    for (String path : trained) {
      paramValues.put(path, new double[] {initialValue(path, b)});
      paramGradients.put(path, new double[1]);
    }
    if (!b.trainInput && !b.trainReadout && !(b.trainRecurrent && wRec != null)
        && paramValues.isEmpty()) {
      throw new IllegalStateException("nothing to train: the input, readout and recurrent weights"
          + " are frozen and no parameter is trained; call trainInput(true), trainReadout(true)"
          + " or trainParameters(\"hidden.tau\")");
    }
    if (b.trainInput) {
      optimizer.add("W_in", wIn, gIn);
    }
    if (b.trainReadout) {
      optimizer.add("W_out", wOut, gOut);
    }
    if (wRec != null && b.trainRecurrent) {
      optimizer.add("W_rec", wRec, gRec);
    }
    paramValues.forEach((path, value) -> optimizer.add(path, value, paramGradients.get(path)));
  }

  /**
   * The lumped parameters the models declare {@code @Trainable}: {@code hidden.<p>} of {@code Lif}
   * (none in the library) and, with a recurrent layer, {@code recurrent.<p>} of {@code
   * WeightedExpCuba} ({@code tau}; its per-synapse {@code w} is {@code W_rec}).
   */
  private static List<String> declaredTrainable(Builder b) {
    List<String> out = new ArrayList<>();
    LifGroup probe = new LifGroup("hidden", 1);
    probe.params().trainable().forEach(p -> out.add("hidden." + p));
    if (b.recurrentScale > 0) {
      new WeightedExpCubaProjection("recurrent", probe, probe, new All2All()).params().trainable()
          .forEach(p -> out.add("recurrent." + p));
    }
    return out;
  }

  /** The starting value of a trainable parameter path, checked against what the network has. */
  private static double initialValue(String path, Builder b) {
    String[] parts = path.split("\\.", 2);
    if (parts.length == 2 && parts[0].equals("hidden")) {
      LifGroup probe = new LifGroup("hidden", 1);
      int index = probe.params().names().indexOf(parts[1]);
      if (index >= 0) {
        return switch (parts[1]) {
          case "tau" -> b.tau;
          case "V_th" -> b.threshold;
          case "V_rest", "V_reset" -> 0;
          default -> probe.params().scalar(index);
        };
      }
    } else if (path.equals("recurrent.tau") && b.recurrentScale > 0) {
      return b.recurrentTau;
    }
    throw new IllegalArgumentException("no trainable parameter " + path + ": name one of the"
        + " hidden Lif's (hidden.tau, hidden.V_th, hidden.V_rest, hidden.V_reset, hidden.R)"
        + (b.recurrentScale > 0 ? " or recurrent.tau" : ", or recurrent.tau after recurrent(scale)"));
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

  @Override
  protected double train(Batch batch, double[] scores) {
    checkShape(batch);
    double[] dScores = new double[scores.length];
    Network net = network(batch.size());
    long start = cpuNanos();
    net.forward(batch, scores, true);
    forwardTook(cpuNanos() - start);
    double value = loss.loss(scores, batch.labels(), dScores);
    if (Double.isFinite(value)) {
      long backwardStart = cpuNanos();
      net.backward(batch, dScores);
      backwardTook(cpuNanos() - backwardStart);
    }
    return value;
  }

  @Override
  protected long recomputeNanos() {
    return recomputeNanos;
  }

  /** The loss of {@code batch}, with the gradients left in {@link #gIn} and {@link #gOut}. */
  double lossAndGradients(Batch batch) {
    java.util.Arrays.fill(gIn, 0);
    java.util.Arrays.fill(gOut, 0);
    if (gRec != null) {
      java.util.Arrays.fill(gRec, 0);
    }
    paramGradients.values().forEach(g -> g[0] = 0);
    return train(batch, new double[batch.size() * classes]);
  }

  double[] inputGradient() {
    return gIn;
  }

  double[] readoutGradient() {
    return gOut;
  }

  double[] recurrentGradient() {
    return gRec;
  }

  double parameterGradient(String path) {
    return paramGradients.get(path)[0];
  }

  /**
   * The class scores (mean readouts) of each trial of {@code batch}.
   *
   * @param batch the inputs
   * @return {@code B·C} scores, trial-major
   */
  @Override
  public double[] scores(Batch batch) {
    checkShape(batch);
    double[] scores = new double[batch.size() * classes];
    network(batch.size()).forward(batch, scores, false);
    return scores;
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

  /**
   * The recurrent weights, {@code [k·H + h]} for hidden neuron k → h (live), or null without a
   * recurrent layer.
   *
   * @return the array
   */
  public double[] recurrentWeights() {
    return wRec;
  }

  /**
   * The model parameters trained, by path: those the models declare {@code @Trainable} (the
   * recurrent synapses' {@code recurrent.tau}), then those added by {@link
   * Builder#trainParameters}, less those {@link Builder#freezeParameters} froze.
   *
   * @return the paths, in the order registered with the optimizer
   */
  public List<String> trainedParameters() {
    return List.copyOf(paramValues.keySet());
  }

  /**
   * The current value of a trained parameter.
   *
   * @param path as given to {@link Builder#trainParameters}, e.g. {@code "hidden.tau"}
   * @return its value
   * @throws IllegalArgumentException when the parameter is not trained
   */
  public double parameter(String path) {
    double[] value = paramValues.get(path);
    if (value == null) {
      throw new IllegalArgumentException("parameter " + path + " is not trained; trained: "
          + paramValues.keySet());
    }
    return value[0];
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

  /**
   * The hidden group of one batch size (trial b's neuron h is element {@code b·H + h}), its
   * recurrent projection (block-diagonal: trials do not talk), the backward steps and the tapes.
   */
  private final class Network {
    final int size;
    final int n;
    final LifGroup group;
    final LifBackward backward;
    final AdjointFrame frame;
    final double[] current;
    final double[] readout;
    final double[] adjReadout;
    final WeightedExpCubaProjection recurrent;
    final WeightedExpCubaBackward recurrentBackward;
    final AdjointFrame recurrentFrame;
    final ProjectionBackward gather;
    final double[] recurrentGradient;
    final double[] adjSpikeNext;
    final boolean[] noSpikes;
    int segment;
    double[][] vTape;
    double[][] inTape;
    boolean[][] spikeTape;
    double[][] gTape;
    double[][] checkpoints;
    double[][] lastSpikeCheckpoints;
    double[][] gCheckpoints;
    boolean[][] spikeCheckpoints;

    Network(int size) {
      this.size = size;
      this.n = size * hidden;
      this.group = new LifGroup("hidden", n);
      group.params().set(group.params().indexOf("V_rest"), 0);
      group.params().set(group.params().indexOf("V_reset"), 0);
      for (String path : paramValues.keySet()) {
        if (path.startsWith("hidden.")) {
          // Run-time marking: the group lists what the trainer trains (group.trainable()).
          group.params().markTrainable(group.params().indexOf(path.substring(7)));
        }
      }
      this.backward = new LifBackward(group);
      this.frame = new AdjointFrame(backward);
      frame.surrogate = surrogate;
      frame.detachReset = detachReset;
      frame.dt = dt;
      frame.adjSpike = new double[n];
      this.current = new double[n];
      this.readout = new double[size * classes];
      this.adjReadout = new double[size * classes];
      this.adjSpikeNext = new double[n];
      this.noSpikes = new boolean[n];
      if (wRec != null) {
        this.recurrent = new WeightedExpCubaProjection("recurrent", group, group,
            (pre, post) -> blockDiagonal());
        this.recurrentBackward = new WeightedExpCubaBackward(recurrent);
        this.recurrentFrame = new AdjointFrame(recurrentBackward);
        recurrentFrame.dt = dt;
        recurrentFrame.adjOutput = new double[n];
        this.gather = new ProjectionBackward(recurrent);
        this.recurrentGradient = new double[gather.synapseCount()];
      } else {
        this.recurrent = null;
        this.recurrentBackward = null;
        this.recurrentFrame = null;
        this.gather = null;
        this.recurrentGradient = null;
      }
    }

    /** B blocks of H × H, each row's targets ascending: synapse (b, k → h) is (b·H + k)·H + h. */
    Csr blockDiagonal() {
      int[] indptr = new int[n + 1];
      int[] indices = new int[n * hidden];
      for (int row = 0; row < n; row++) {
        int base = row / hidden * hidden;
        for (int h = 0; h < hidden; h++) {
          indices[row * hidden + h] = base + h;
        }
        indptr[row + 1] = (row + 1) * hidden;
      }
      return new Csr(n, n, indptr, indices);
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
        if (recurrent != null) {
          gTape = new double[segment][n];
          gCheckpoints = new double[segments][n];
          spikeCheckpoints = new boolean[segments][n];
        }
      }
    }

    /** The trained values into the models, every state to its start. */
    void reset() {
      java.util.Arrays.fill(group.V, 0);
      java.util.Arrays.fill(group.t_last_spike, -1e7);
      group.params().set(group.params().indexOf("tau"), tau[0]);
      group.params().set(group.params().indexOf("V_th"), threshold[0]);
      paramValues.forEach((path, value) -> {
        if (path.startsWith("hidden.")) {
          group.params().set(group.params().indexOf(path.substring(7)), value[0]);
        }
      });
      group.setSpikes();
      if (recurrent != null) {
        java.util.Arrays.fill(recurrent.g, 0);
        double[] w = recurrent.doubles("w");
        for (int b = 0; b < size; b++) {
          System.arraycopy(wRec, 0, w, b * hidden * hidden, hidden * hidden);
        }
        double[] tauSyn = paramValues.get("recurrent.tau");
        recurrent.tau(tauSyn != null ? tauSyn[0] : recurrentTau);
      }
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
      int k = t % segment;
      if (record) {
        System.arraycopy(group.V, 0, vTape[k], 0, n);
        if (recurrent != null) {
          System.arraycopy(recurrent.g, 0, gTape[k], 0, n);
        }
      }
      System.arraycopy(current, 0, group.input, 0, n);
      if (recurrent != null) {
        // Last step's hidden spikes, through the generated projection, add g to the input.
        recurrent.update(t * dt, dt, true);
      }
      if (record) {
        System.arraycopy(group.input, 0, inTape[k], 0, n);
      }
      group.update(t * dt, dt, true);
      if (record) {
        System.arraycopy(group.spike, 0, spikeTape[k], 0, n);
      }
    }

    void checkpoint(int s) {
      System.arraycopy(group.V, 0, checkpoints[s], 0, n);
      System.arraycopy(group.t_last_spike, 0, lastSpikeCheckpoints[s], 0, n);
      if (recurrent != null) {
        System.arraycopy(recurrent.g, 0, gCheckpoints[s], 0, n);
        System.arraycopy(group.spike, 0, spikeCheckpoints[s], 0, n);
      }
    }

    void restore(int s) {
      System.arraycopy(checkpoints[s], 0, group.V, 0, n);
      System.arraycopy(lastSpikeCheckpoints[s], 0, group.t_last_spike, 0, n);
      if (recurrent != null) {
        System.arraycopy(gCheckpoints[s], 0, recurrent.g, 0, n);
        System.arraycopy(spikeCheckpoints[s], 0, group.spike, 0, n);
        group.syncSpikeList();
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
          checkpoint(t / segment);
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

    /** The hidden spikes of step {@code t − 1} as the recurrent projection delivered them. */
    boolean[] previousSpikes(int t, int first, int s) {
      if (t == 0) {
        return noSpikes;
      }
      return t > first ? spikeTape[t - 1 - first] : spikeCheckpoints[s];
    }

    void backward(Batch batch, double[] dScores) {
      int steps = batch.steps();
      java.util.Arrays.fill(adjReadout, 0);
      java.util.Arrays.fill(frame.adjState[0], 0);
      java.util.Arrays.fill(adjSpikeNext, 0);
      for (double[] g : frame.gradParam) {
        java.util.Arrays.fill(g, 0);
      }
      if (recurrent != null) {
        java.util.Arrays.fill(recurrentFrame.adjState[0], 0);
        java.util.Arrays.fill(recurrentGradient, 0);
        for (double[] g : recurrentFrame.gradParam) {
          java.util.Arrays.fill(g, 0);
        }
      }
      double[] x = batch.inputs();
      int lastSegment = (steps - 1) / segment;
      for (int s = lastSegment; s >= 0; s--) {
        int first = s * segment;
        int end = Math.min(steps, first + segment);
        if (s != lastSegment) {
          // Recompute this segment's states from its checkpoint (the forward pass kept only it).
          long start = cpuNanos();
          restore(s);
          for (int t = first; t < end; t++) {
            step(batch, t, true);
          }
          recomputeNanos += cpuNanos() - start;
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
              // The spike also reached the recurrent synapses in step t + 1.
              frame.adjSpike[b * hidden + h] = sum + adjSpikeNext[b * hidden + h];
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
          if (recurrent != null) {
            recurrentBackward(t, k, previousSpikes(t, first, s), aInput);
          }
        }
      }
      paramGradients.forEach((path, g) -> {
        if (path.startsWith("hidden.")) {
          g[0] += frame.parameterGradient(backward.params().indexOf(path.substring(7)));
        } else if (path.equals("recurrent.tau")) {
          g[0] += recurrentFrame.parameterGradient(recurrentBackward.params().indexOf("tau"));
        }
      });
      if (recurrent != null) {
        // The trials share one weight per pair: sum each pair's gradient over the blocks.
        int block = hidden * hidden;
        for (int b = 0; b < size; b++) {
          for (int q = 0; q < block; q++) {
            gRec[q] += recurrentGradient[b * block + q];
          }
        }
      }
    }

    /** Step t of the recurrent synapses backwards: their state, the gather, the weights. */
    void recurrentBackward(int t, int k, boolean[] previous, double[] aInput) {
      double[] w = recurrent.doubles("w");
      recurrentFrame.state[0] = gTape[k];
      gather.delivered(previous, w, recurrentFrame.input[0]);
      System.arraycopy(aInput, 0, recurrentFrame.adjOutput, 0, n);
      recurrentFrame.t = t * dt;
      recurrentBackward.backward(recurrentFrame, 0, n);
      double[] aDelivered = recurrentFrame.adjInput[0];
      gather.weightGradient(previous, aDelivered, recurrentGradient, 0, n);
      spikeAdjoint(aDelivered);
    }

    /**
     * The recurrent synapses' gather ({@code adjSpikeNext[b·H + k] = Σ_h W_rec[k, h]·aDelivered[b·H
     * + h]}) from the one matrix the trials share, not over the block-diagonal CSR: {@link
     * io.brainstem.grad.SharedGather}.
     */
    void spikeAdjoint(double[] aDelivered) {
      io.brainstem.grad.SharedGather.gather(wRec, hidden, size, aDelivered, adjSpikeNext);
    }
  }

  /** Settings of a {@link BptTrainer}. */
  public static final class Builder extends TrainerSettings<Builder> {
    private final int inputs;
    private final int hidden;
    private final int classes;
    private double tau = 10;
    private double threshold = 1;
    private double readoutTau = 20;
    private double inputScale = 40;
    private boolean trainInput = true;
    private boolean trainReadout = true;
    private double recurrentScale;
    private double recurrentTau = 5;
    private boolean trainRecurrent = true;
    private final List<String> trainedParameters = new ArrayList<>();
    private final List<String> frozenParameters = new ArrayList<>();
    private long seed;

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
     * Adds recurrent synapses between the hidden neurons ({@code WeightedExpCuba}, all to all with
     * self-connections, one weight per pair shared by the trials), the initial weights normal with
     * standard deviation {@code scale/√H}; trained unless {@link #trainRecurrent(boolean)
     * trainRecurrent(false)}. None by default.
     *
     * @param scale positive
     * @return this builder
     */
    public Builder recurrent(double scale) {
      this.recurrentScale = positive(scale, "recurrent scale");
      return this;
    }

    /**
     * The recurrent synapses' time constant, in ms (5 by default).
     *
     * @param tau positive
     * @return this builder
     */
    public Builder recurrentTau(double tau) {
      this.recurrentTau = positive(tau, "recurrentTau");
      return this;
    }

    /**
     * Whether the recurrent weights are trained (true by default, when there are some).
     *
     * @param train false to freeze them
     * @return this builder
     */
    public Builder trainRecurrent(boolean train) {
      this.trainRecurrent = train;
      return this;
    }

    /**
     * Model parameters to train as well as those the models declare {@code @Trainable} (with
     * {@link #recurrent}, the synapses' {@code "recurrent.tau"}), by path: the hidden {@code
     * Lif}'s ({@code "hidden.tau"}, {@code "hidden.V_th"}, {@code "hidden.R"}, …), marked
     * trainable at run time. Each is one value shared by the layer, registered with the optimizer
     * under its path; its gradient is the backward step's, summed over the elements. An unknown
     * path is an {@code IllegalArgumentException} at {@link #build()}.
     *
     * @param paths the parameters
     * @return this builder
     */
    public Builder trainParameters(String... paths) {
      for (String path : paths) {
        trainedParameters.add(Objects.requireNonNull(path, "path"));
      }
      return this;
    }

    /**
     * Model parameters not to train, though declared {@code @Trainable} (e.g. {@code
     * "recurrent.tau"}) or added by {@link #trainParameters}.
     *
     * @param paths the parameters
     * @return this builder
     */
    public Builder freezeParameters(String... paths) {
      for (String path : paths) {
        frozenParameters.add(Objects.requireNonNull(path, "path"));
      }
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
     * The trainer.
     *
     * @return a new trainer
     * @throws IllegalStateException when nothing is trainable
     * @throws NullPointerException without an optimizer
     */
    public BptTrainer build() {
      return new BptTrainer(this);
    }
  }
}
