package io.brainstem.train;

import io.brainstem.connectivity.Csr;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.connectivity.Trials;
import io.brainstem.models.LeakyTanhGroup;
import io.brainstem.models.RateProjectionProjection;
import io.brainstem.network.Network;
import java.util.SplittableRandom;

/**
 * An echo-state network (Jaeger 2001): {@code units} {@link io.brainstem.models.LeakyTanh} rate
 * units "R", recurrently coupled by a {@link io.brainstem.models.RateProjection} "R2R" with
 * {@link FixedProb} connectivity and normal weights scaled to a spectral radius, driven by inputs
 * through uniform input weights. Stepped at dt = 1 (one sample per step) with Euler and
 * {@code tau = 1/leak}, a step is the leaky ESN update
 *
 * <pre>  r ← (1 − a)·r + a·tanh(W_in·u + W·r + b)</pre>
 *
 * with {@code a} the leak, {@code b} per-unit biases uniform in {@code [−biasScale, biasScale]}.
 * Every random draw comes from {@code seed}.
 *
 * @param units the number of reservoir units
 * @param inputs the number of input columns
 * @param spectralRadius the largest |eigenvalue| of {@code W} (computed by {@link SpectralRadius})
 * @param connectionProb the fraction of units each unit projects to ({@code FixedProb}, no self-connections)
 * @param inputScale input weights are uniform in {@code [−inputScale, inputScale]}
 * @param biasScale biases are uniform in {@code [−biasScale, biasScale]}
 * @param leak {@code a} in (0, 1]
 * @param seed the seed of the connectivity, weights, input weights and biases
 */
public record EchoStateNetwork(int units, int inputs, double spectralRadius, double connectionProb,
    double inputScale, double biasScale, double leak, long seed) {
  /** The step of an echo-state network: one sample per step. */
  public static final double DT = 1;

  /** Checks the settings. */
  public EchoStateNetwork {
    if (units < 1 || inputs < 1) {
      throw new IllegalArgumentException("an echo-state network needs ≥ 1 unit and ≥ 1 input, got "
          + units + " units and " + inputs + " inputs");
    }
    if (!(spectralRadius > 0) || Double.isInfinite(spectralRadius)) {
      throw new IllegalArgumentException("spectral radius must be positive, got " + spectralRadius);
    }
    if (!(connectionProb > 0 && connectionProb <= 1)) {
      throw new IllegalArgumentException("connection probability must be in (0, 1], got "
          + connectionProb);
    }
    if (!(leak > 0 && leak <= 1)) {
      throw new IllegalArgumentException("leak must be in (0, 1], got " + leak);
    }
    if (!(inputScale >= 0) || !(biasScale >= 0)) {
      throw new IllegalArgumentException("input and bias scales must be ≥ 0");
    }
  }

  /**
   * The reservoir used by {@code brainstem train esn}: one input, spectral radius 1.25, 10 %
   * connectivity, input scale 0.5, bias scale 0.2, leak 0.3 (ReservoirPy's Mackey–Glass settings
   * of ρ and leak; the leak gives the memory a 50-step forecast needs).
   */
  public static EchoStateNetwork forecaster(int units, long seed) {
    return new EchoStateNetwork(units, 1, 1.25, 0.1, 0.5, 0.2, 0.3, seed);
  }

  /** A new network of one trial: group "R", projection "R2R", its weights scaled to the spectral radius. */
  public Network network() {
    return network(1);
  }

  /**
   * A new network of {@code trials} independent copies of this reservoir (BrainPy's batch): group
   * "R" holds {@code trials · units} units, unit {@code b·units + i} being unit {@code i} of trial
   * {@code b}; "R2R" connects each trial only to itself ({@link Trials}) with the same synapses,
   * weights and biases in every trial, drawn once. Trial {@code b} then runs exactly (bit for bit)
   * as {@link #network()} would on trial {@code b}'s input; {@code network(1)} is {@code network()}.
   *
   * @throws IllegalArgumentException if {@code trials < 1}
   */
  public Network network(int trials) {
    if (trials < 1) {
      throw new IllegalArgumentException("an echo-state network needs ≥ 1 trial, got " + trials);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    Network net = new Network();
    double[] bias = new double[units];
    for (int i = 0; i < units; i++) {
      bias[i] = biasScale * (2 * rng.nextDouble() - 1);
    }
    LeakyTanhGroup r = net.add(new LeakyTanhGroup("R", trials * units).tau(DT / leak)
        .bias(Trials.repeat(bias, trials)));
    // one trial's block, drawn once; the projection repeats it for every trial
    Csr block = new FixedProb(connectionProb, rng.nextLong()).includeSelf(false).build(units, units);
    double[] weights = new double[block.indices().length];
    for (int k = 0; k < weights.length; k++) {
      weights[k] = rng.nextGaussian();
    }
    double radius = weights.length == 0 ? 0 : SpectralRadius.of(block, weights);
    if (radius > 0) {
      for (int k = 0; k < weights.length; k++) {
        weights[k] *= spectralRadius / radius;
      }
    }
    RateProjectionProjection w = net.add(new RateProjectionProjection("R2R", r, r,
        (pre, post) -> Trials.repeat(block, trials)));
    w.w(Trials.repeat(weights, trials));
    return net;
  }

  /** The input weights, {@code [units][inputs]} uniform in {@code [−inputScale, inputScale]}. */
  public double[][] inputWeights() {
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    double[][] w = new double[units][inputs];
    for (double[] row : w) {
      for (int j = 0; j < inputs; j++) {
        row[j] = inputScale * (2 * rng.nextDouble() - 1);
      }
    }
    return w;
  }

  /**
   * A ridge trainer of a new network of this reservoir: states {@code R.r}, input weights into
   * {@code R.input}, dt {@link #DT}, no progress output; add options and {@code build()}.
   */
  public RidgeTrainer.Builder ridgeTrainer(int washout, double alpha) {
    return ridgeTrainer(washout, alpha, 1);
  }

  /**
   * {@link #ridgeTrainer(int, double)} of a network of {@code trials} trials
   * ({@link #network(int)}): its {@code fit} and {@code predict} take {@code [trials][T][inputs]}.
   */
  public RidgeTrainer.Builder ridgeTrainer(int washout, double alpha, int trials) {
    return RidgeTrainer.builder(network(trials)).trials(trials).states("R.r")
        .inputWeights("R.input", inputWeights()).washout(washout).alpha(alpha).dt(DT)
        .progressBar(false);
  }
}
