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
 */
public abstract class Trainer extends Runner {
  private final Variable states;
  private final Feed input; // null: the network has no external input
  private final double[] features;
  private final List<Double> losses = new ArrayList<>();
  private double[][] callInputs; // the current call's inputs, null without input
  private long firstStep; // of the current call
  private boolean predicting;
  private double[][] outputs; // the current predict call's outputs

  /** Binds the trainer (see {@link Runner#Runner(RunnerBuilder)}). */
  Trainer(Builder<?> builder) {
    super(builder);
    this.states = builder.states;
    this.input = builder.input;
    this.features = new double[states.size()];
  }

  /** The variable whose values are the readout's features, e.g. {@code R.r}. */
  public final String statePath() {
    return states.path();
  }

  /** The number of features the readout reads (the state's size). */
  public final int features() {
    return features.length;
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
   * the readout's output at each step, {@code [T][outputs]}; the readout is not changed.
   *
   * @throws IllegalStateException before the first fit
   * @throws IllegalArgumentException if the shape of {@code inputs} is wrong
   * @throws TrainingDivergedException if a state becomes NaN or infinite
   */
  public final double[][] predict(double[][] inputs) {
    readout(); // throws before a fit
    int steps = checkInputs(inputs, -1);
    double[][] out = new double[steps][];
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
    return predict(noInput(steps));
  }

  /** Checks the inputs of a call of {@code steps} steps (-1: any); returns the number of steps. */
  final int checkInputs(double[][] inputs, int steps) {
    if (inputs == null) {
      throw new IllegalArgumentException("inputs are null: pass [T][" + inputWidth() + "]");
    }
    if (steps >= 0 && inputs.length != steps) {
      throw new IllegalArgumentException("inputs have " + inputs.length + " rows (time steps) but "
          + "targets have " + steps + ": pass one row of each per step");
    }
    if (inputs.length == 0) {
      throw new IllegalArgumentException("inputs have no rows: pass at least one time step");
    }
    for (int t = 0; t < inputs.length; t++) {
      if (inputs[t] == null || inputs[t].length != inputWidth()) {
        throw new IllegalArgumentException("inputs row " + t + " has "
            + (inputs[t] == null ? "no" : inputs[t].length) + " values but the input weights of "
            + (input == null ? "this trainer (none: builder.inputWeights(...) was not called)" : input.path)
            + " take " + inputWidth() + ": pass [T][" + inputWidth() + "]"
            + (input == null ? ", or set the input weights" : ""));
      }
      for (double v : inputs[t]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("inputs row " + t + " holds " + v
              + ": inputs must be finite");
        }
      }
    }
    return inputs.length;
  }

  /** {@code steps} rows of no input (a network without input). */
  final double[][] noInput(int steps) {
    if (input != null) {
      throw new IllegalArgumentException("this trainer feeds " + input.path + " from inputs of "
          + inputWidth() + " columns: pass them");
    }
    if (steps <= 0) {
      throw new IllegalArgumentException("steps must be positive, got " + steps);
    }
    return new double[steps][0];
  }

  /** Runs one call of {@code steps} steps on {@code inputs}. */
  final void runCall(double[][] inputs, int steps) {
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
        input.add(callInputs[row]);
      }
      feedBack(row);
    }
  }

  @Override
  protected final void afterStep(long step, double t) {
    int row = (int) (step - firstStep);
    for (int i = 0; i < features.length; i++) {
      double v = states.get(i);
      if (!Double.isFinite(v)) {
        throw new TrainingDivergedException(row, states.path() + "[" + i + "] is " + v + " at step "
            + row + " of this " + (predicting ? "predict" : "fit") + " call (t = " + t + " ms): the "
            + "network diverged; lower the input or feedback weights, the recurrent gain, or dt");
      }
      features[i] = v;
    }
    if (predicting) {
      double[] z = output(features);
      outputs[row] = z;
      predicted(z);
    } else {
      fitStep(row, features);
    }
  }

  /** Adds what the trainer feeds back before step {@code row} of a call; none by default. */
  void feedBack(int row) {}

  /** The current readout's output for the states {@code x} (a new array). */
  abstract double[] output(double[] x);

  /** Notes the output of a predict step (a trainer that feeds it back keeps it). */
  void predicted(double[] z) {}

  /** Handles the states after step {@code row} of a fit call. */
  abstract void fitStep(int row, double[] x);

  /**
   * Configures a trainer: the runner's options and the states the readout reads.
   *
   * @param <B> the concrete builder
   */
  public abstract static class Builder<B extends Builder<B>> extends RunnerBuilder<B> {
    final Network network;
    Variable states;
    Feed input;

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
     * @param weights {@code [size of path][input columns]}
     * @throws IllegalArgumentException if the path is unknown or the shape is wrong
     */
    public B inputWeights(String path, double[][] weights) {
      this.input = new Feed(network, "input", path, weights);
      return self();
    }

    /** Checks the trainer's own settings before the runner binds the network. */
    void checkTrainable(String trainer) {
      if (states == null) {
        throw new IllegalArgumentException(trainer + " has nothing to train: name the variable its "
            + "readout reads with states(\"Group.variable\"), e.g. states(\"R.r\")");
      }
    }
  }
}
