package io.brainstem.inputs;

import io.brainstem.math.Rng;

/**
 * Ornstein–Uhlenbeck noise, one process per element, advanced by its exact discretisation
 * {@code x ← mean + (x − mean)·a + sigma·sqrt(1 − a²)·ξ} with {@code a = exp(−dt/tau)} and
 * {@code ξ ~ N(0, 1)}, so the statistics are right for any dt: stationary mean {@code mean},
 * standard deviation {@code sigma}, autocorrelation {@code exp(−lag/tau)}.
 *
 * <p>Every process starts at {@code mean} when the runner is built and on {@code reset()}; the value
 * used in step k is the state after k + 1 updates. The normal draws come from one {@link Rng} seeded
 * with {@code seed}, element by element and step by step, so a seed fixes the whole input. Give each
 * input its own instance (the state lives here). A step applied twice (the runner retries a step
 * that failed after this input was applied) gets the same values, not a further update.
 */
public final class OuNoise implements ElementFunction, io.brainstem.checkpoint.Checkpointed {
  private final double mean;
  private final double sigma;
  private final double tau;
  private final long seed;
  private Rng rng;
  private double[] x;
  private double decay;
  private double kick;
  private long filled = -1; // the step x holds: a step applied again (after a failed step) reuses it

  OuNoise(double mean, double sigma, double tau, long seed) {
    Inputs.checkFinite("OU mean", mean);
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("OU sigma must be finite and >= 0, got " + sigma);
    }
    if (!(tau > 0) || Double.isInfinite(tau)) {
      throw new IllegalArgumentException("OU tau must be positive and finite (ms), got " + tau);
    }
    this.mean = mean;
    this.sigma = sigma;
    this.tau = tau;
    this.seed = seed;
  }

  @Override
  public void start(int size, double dt) {
    rng = new Rng(seed);
    x = new double[size];
    java.util.Arrays.fill(x, mean);
    decay = Math.exp(-dt / tau);
    kick = sigma * Math.sqrt(1 - decay * decay);
    filled = -1;
  }

  @Override
  public void fill(double t, long step, double[] out) {
    if (x == null) {
      throw new IllegalStateException("OU noise used before start(size, dt); use it through Input.func");
    }
    if (step == filled) { // the runner retries a step that failed after this input was applied
      System.arraycopy(x, 0, out, 0, x.length);
      return;
    }
    for (int i = 0; i < x.length; i++) {
      x[i] = mean + (x[i] - mean) * decay + kick * rng.normal();
      out[i] = x[i];
    }
    filled = step;
  }

  /** Saves the processes' values, the generator and the step they hold. */
  @Override
  public void saveState(io.brainstem.checkpoint.StateOut out) {
    out.put("x", x.clone());
    out.putLong("filled", filled);
    rng.saveState(out.child("rng"));
  }

  /** Restores what {@link #saveState} saved, after {@link #start}. */
  @Override
  public void restoreState(io.brainstem.checkpoint.StateIn in) {
    double[] saved = in.doubles("x", x.length);
    long step = in.getLong("filled");
    rng.restoreState(in.child("rng"));
    System.arraycopy(saved, 0, x, 0, x.length);
    filled = step;
  }

  /** The mean the process reverts to. */
  public double mean() {
    return mean;
  }

  /** The stationary standard deviation. */
  public double sigma() {
    return sigma;
  }

  /** The time constant of the reversion, in ms. */
  public double tau() {
    return tau;
  }

  @Override
  public String toString() {
    return "OuNoise(mean " + mean + ", sigma " + sigma + ", tau " + tau + " ms, seed " + seed + ")";
  }
}
