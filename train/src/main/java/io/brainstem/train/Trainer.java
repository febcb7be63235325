package io.brainstem.train;

import io.brainstem.network.Network;
import io.brainstem.network.StepPhase;
import io.brainstem.network.Variable;
import io.brainstem.runners.Runner;
import io.brainstem.runners.RunnerBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A runner that trains a linear readout of one network variable (the states, e.g. {@code "R.r"}).
 * Each step of a {@code fit} or {@link #predict} call, after {@link StepPhase#INPUTS}, the row of the
 * call's inputs for that step is added to the input variable through the input weights
 * ({@link Builder#inputWeights}); after the step the states are read and handed to the trainer. A call
 * continues from the network's current state and time, as BrainPy's {@code reset_state=False};
 * {@link #reset()} first to start from the initial state ({@code reset_state=True}).
 *
 * <p>Batches: a network of {@link Builder#trials B trials} (B independent copies of one model,
 * element {@code b·N + i} being element {@code i} of trial {@code b}, e.g.
 * {@link EchoStateNetwork#network(int)}) runs B sequences in one pass. Its calls take inputs
 * {@code (B, T, inputs)} as {@code double[B][T][inputs]} and the readout reads the {@code N} states of
 * each trial, the same readout for every trial.
 */
public abstract class Trainer extends Runner {
  private final Variable states;
  private final int trials;
  private final Feed input; // null: the network has no external input
  private final double[] features; // one trial's states
  private final List<Double> losses = new ArrayList<>();
  private double[][][] callInputs; // the current call's inputs [B][T][in], null without input
  private long firstStep; // of the current call
  private boolean predicting;
  private double[][][] outputs; // the current predict call's outputs [B][T][out]

  /** Binds the trainer (see {@link Runner#Runner(RunnerBuilder)}). */
  Trainer(Builder<?> builder) {
    super(builder);
    this.states = builder.states;
    this.trials = builder.trials;
    this.input = builder.input;
    this.features = new double[states.size() / trials];
  }

  /** The variable whose values are the readout's features, e.g. {@code R.r}. */
  public final String statePath() {
    return states.path();
  }

  /** The number of features the readout reads: the state's size in one trial. */
  public final int features() {
    return features.length;
  }

  /** The number of trials B the network runs at once ({@link Builder#trials}, default 1). */
  public final int trials() {
    return trials;
  }

  /** The number of input columns ({@link Builder#inputWeights}), 0 without input. */
  public final int inputWidth() {
    return input == null ? 0 : input.width();
  }

  /**
   * The loss of every fit so far, in order: the training mean squared error (a {@link RidgeTrainer}:
   * of its solved readout on the states it fit; a {@link ForceTrainer}: of its output before each
   * update).
   */
  public final List<Double> losses() {
    return Collections.unmodifiableList(losses);
  }

  /** The trained readout; throws before the first fit. */
  public abstract Readout readout();

  /**
   * Runs the network on {@code inputs} (one row per step, {@link #inputWidth()} columns) and returns
   * the readout's output at each step, {@code [T][outputs]}; the readout is not changed. For a
   * network of one trial; with B trials use {@link #predict(double[][][])}.
   *
   * @throws IllegalStateException before the first fit
   * @throws IllegalArgumentException if the shape of {@code inputs} is wrong
   * @throws TrainingDivergedException if a state becomes NaN or infinite
   */
  public final double[][] predict(double[][] inputs) {
    requireOneTrial("predict", "inputs");
    return predict(new double[][][] {inputs})[0];
  }

  /**
   * Runs the network's {@link #trials()} trials on {@code inputs} {@code (B, T, inputWidth())} and
   * returns the readout's output of each trial at each step, {@code [B][T][outputs]}; the readout is
   * not changed.
   *
   * @throws IllegalStateException before the first fit
   * @throws IllegalArgumentException if the shape of {@code inputs} is wrong (B must be
   *     {@link #trials()})
   * @throws TrainingDivergedException if a state becomes NaN or infinite
   */
  public final double[][][] predict(double[][][] inputs) {
    readout(); // throws before a fit
    int steps = checkInputs(inputs, -1);
    double[][][] out = new double[trials][steps][];
    predicting = true;
    outputs = out;
    try {
      runCall(inputs, steps);
    } finally {
      predicting = false;
      outputs = null;
    }
    return out;
  }

  /** {@link #predict(double[][])} of a network without input, for {@code steps} steps. */
  public final double[][] predict(int steps) {
    requireOneTrial("predict", "inputs");
    return predict(noInput(steps)[0]);
  }

  /** Throws unless the network runs one trial: the 2-D forms are for one trial. */
  final void requireOneTrial(String call, String array) {
    if (trials != 1) {
      throw new IllegalArgumentException(call + " with " + array + " [T][N] is for one trial, but "
          + "this trainer runs " + trials + " trials: pass " + array + " (B, T, N) as double["
          + trials + "][T][N]");
    }
  }

  /**
   * Checks the inputs {@code (B, T, inputWidth())} of a call of {@code steps} steps (-1: any);
   * returns the number of steps.
   */
  final int checkInputs(double[][][] inputs, int steps) {
    int[] shape = Shapes.shape("inputs", inputs);
    String expected = "(B=" + trials + ", T=" + (steps < 0 ? "T" : steps) + ", N=" + inputWidth() + ")";
    if (shape[0] != trials) {
      throw new IllegalArgumentException("inputs have shape " + Shapes.show(shape) + " but this "
          + "trainer's network runs B = " + trials + " trials, so expected " + expected + ": pass "
          + trials + " trials, or build the network and trainer with trials(" + shape[0] + ")");
    }
    if (steps >= 0 && shape[1] != steps) {
      throw new IllegalArgumentException("inputs have shape " + Shapes.show(shape) + " but targets "
          + "have T = " + steps + " steps, so expected " + expected + ": pass one row of each per step");
    }
    if (shape[2] != inputWidth()) {
      throw new IllegalArgumentException("inputs have shape " + Shapes.show(shape) + " but the input "
          + "weights of " + (input == null ? "this trainer (none: builder.inputWeights(...) was not "
          + "called)" : input.path) + " take N = " + inputWidth() + " columns, so expected " + expected
          + ": pass " + (trials == 1 ? "[T][" + inputWidth() + "]" : inputWidth() + " values per step")
          + (input == null ? ", or set the input "
          + "weights" : ""));
    }
    for (int b = 0; b < shape[0]; b++) {
      for (int t = 0; t < shape[1]; t++) {
        for (double v : inputs[b][t]) {
          if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("inputs[" + b + "][" + t + "] holds " + v
                + ": inputs must be finite");
          }
        }
      }
    }
    return shape[1];
  }

  /** {@code steps} rows of no input for each trial (a network without input). */
  final double[][][] noInput(int steps) {
    if (input != null) {
      throw new IllegalArgumentException("this trainer feeds " + input.path + " from inputs of "
          + inputWidth() + " columns: pass them");
    }
    if (steps <= 0) {
      throw new IllegalArgumentException("steps must be positive, got " + steps);
    }
    return new double[trials][steps][0];
  }

  /** Runs one call of {@code steps} steps on {@code inputs} {@code [B][T][in]}. */
  final void runCall(double[][][] inputs, int steps) {
    callInputs = input == null ? null : inputs;
    run(steps * dt());
  }

  /** Adds this trainer's loss for one fit to {@link #losses()}. */
  final void addLoss(double loss, int step) {
    if (!Double.isFinite(loss)) {
      throw new TrainingDivergedException(step, "the training loss is " + loss + " after fit "
          + (losses.size() + 1) + ": the states or targets hold huge values; scale them, or "
          + "increase the ridge/RLS α");
    }
    losses.add(loss);
  }

  @Override
  protected final void runStarted(long first, int steps) {
    firstStep = first;
  }

  @Override
  protected final void afterPhase(StepPhase phase, long step, double t) {
    if (phase == StepPhase.INPUTS) {
      int row = (int) (step - firstStep);
      if (callInputs != null) {
        for (int b = 0; b < trials; b++) {
          input.add(b, callInputs[b][row]);
        }
      }
      feedBack(row);
    }
  }

  @Override
  protected final void afterStep(long step, double t) {
    int row = (int) (step - firstStep);
    int n = features.length;
    for (int b = 0; b < trials; b++) {
      for (int i = 0; i < n; i++) {
        double v = states.get(b * n + i);
        if (!Double.isFinite(v)) {
          throw new TrainingDivergedException(row, states.path() + "[" + (b * n + i) + "] is " + v
              + (trials > 1 ? " (trial " + b + ")" : "") + " at step " + row + " of this "
              + (predicting ? "predict" : "fit") + " call (t = " + t + " ms): the network "
              + "diverged; lower the input or feedback weights, the recurrent gain, or dt");
        }
        features[i] = v;
      }
      if (predicting) {
        double[] z = output(features);
        outputs[b][row] = z;
        predicted(b, z);
      } else {
        fitStep(b, row, features);
      }
    }
  }

  /** Adds what the trainer feeds back before step {@code row} of a call; none by default. */
  void feedBack(int row) {}

  /** The current readout's output for the states {@code x} (a new array). */
  abstract double[] output(double[] x);

  /** Notes trial {@code trial}'s output of a predict step (a trainer that feeds it back keeps it). */
  void predicted(int trial, double[] z) {}

  /**
   * Handles the states {@code x} of trial {@code trial} after step {@code row} of a fit call (a
   * buffer reused for the next trial: copy what is kept).
   */
  abstract void fitStep(int trial, int row, double[] x);

  /**
   * Configures a trainer: the runner's options and the states the readout reads.
   *
   * @param <B> the concrete builder
   */
  public abstract static class Builder<B extends Builder<B>> extends RunnerBuilder<B> {
    final Network network;
    Variable states;
    int trials = 1;
    Feed input;
    private String inputPath;
    private double[][] inputWeights;

    /** Starts configuring a trainer of {@code network}. */
    Builder(Network network) {
      super(network);
      this.network = network;
    }

    /**
     * The variable the readout reads at each step, e.g. {@code "R.r"} (required).
     *
     * @throws IllegalArgumentException if there is no such variable or it is boolean
     */
    public B states(String path) {
      Variable v = network.variable(path);
      if (v.isBoolean()) {
        throw new IllegalArgumentException(path + " is boolean; a readout reads a double variable "
            + "such as a rate (e.g. \"R.r\")");
      }
      this.states = v;
      return self();
    }

    /**
     * The input weights: at each step, {@code weights·u} is added to the variable at {@code path}
     * (e.g. {@code "R.input"}), {@code u} the step's row of the call's inputs.
     *
     * @param weights {@code [size of path / trials][input columns]}: one trial's, used in every trial
     * @throws IllegalArgumentException if the path is unknown (at once) or the shape is wrong (at
     *     {@code build()})
     */
    public B inputWeights(String path, double[][] weights) {
      Variable target = network.variable(path);
      int w = Shapes.width("input weights for " + path, weights);
      if (target.size() % weights.length != 0) { // the exact rows are checked at build
        throw new IllegalArgumentException("input weights for " + path + " have " + weights.length
            + " rows but " + path + " has " + target.size() + " elements: pass one row per element "
            + "of one trial, [" + target.size() + " / trials][" + w + "]");
      }
      this.inputPath = path;
      this.inputWeights = weights;
      return self();
    }

    /**
     * The number of trials B the network holds (default 1): its groups hold B copies of one
     * trial's elements, element {@code b·N + i} being element {@code i} of trial {@code b} (e.g.
     * {@link EchoStateNetwork#network(int)}, or projections built with
     * {@link io.brainstem.connectivity.Trials}). The input weights are then one trial's,
     * {@code [N][inputs]}, applied to every trial; calls take {@code (B, T, N)} arrays.
     *
     * @throws IllegalArgumentException if {@code trials < 1}
     */
    public B trials(int trials) {
      if (trials < 1) {
        throw new IllegalArgumentException("trials must be ≥ 1, got " + trials);
      }
      this.trials = trials;
      return self();
    }

    /** Checks the trainer's own settings before the runner binds the network. */
    void checkTrainable(String trainer) {
      if (states == null) {
        throw new IllegalArgumentException(trainer + " has nothing to train: name the variable its "
            + "readout reads with states(\"Group.variable\"), e.g. states(\"R.r\")");
      }
      if (states.size() % trials != 0) {
        throw new IllegalArgumentException(states.path() + " has " + states.size() + " elements, "
            + "not a multiple of " + trials + " trials: build the network with " + trials
            + " trials (B·N elements per group), or set trials(...) to the network's");
      }
      input = inputWeights == null ? null : new Feed(network, "input", inputPath, inputWeights, trials);
    }
  }
}
