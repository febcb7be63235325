package io.brainstem.train.optim;

import java.util.Arrays;

/**
 * Adam (Kingma &amp; Ba 2015, ICLR, Algorithm 1): at step {@code t} (from 1), with the clipped
 * gradient {@code g}, {@code m ← β₁·m + (1 − β₁)·g}, {@code v ← β₂·v + (1 − β₂)·g²}, then
 * {@code p ← p − η·m̂ / (√v̂ + ε)} with the bias-corrected moments {@code m̂ = m / (1 − β₁ᵗ)} and
 * {@code v̂ = v / (1 − β₂ᵗ)}; {@code η} is the schedule's rate of the step. Defaults: β₁ = 0.9,
 * β₂ = 0.999, ε = 10⁻⁸.
 */
public final class Adam extends Registry {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private double[][] first = new double[0][];
  private double[][] second = new double[0][];
  private double beta1Power = 1;
  private double beta2Power = 1;

  private Adam(Builder b) {
    super(b.schedule, b.clipNorm);
    this.beta1 = b.beta1;
    this.beta2 = b.beta2;
    this.epsilon = b.epsilon;
  }

  /**
   * Adam with the default moments and a constant rate.
   *
   * @param rate the learning rate, finite and positive, e.g. 1e-3
   * @return the optimizer
   */
  public static Adam of(double rate) {
    return builder(Schedule.constant(rate)).build();
  }

  /**
   * A builder with the given learning-rate schedule, the default moments and no clipping.
   *
   * @param schedule the learning rate per step
   * @return the builder
   */
  public static Builder builder(Schedule schedule) {
    return new Builder(schedule);
  }

  @Override
  void added(int length) {
    first = Arrays.copyOf(first, first.length + 1);
    second = Arrays.copyOf(second, second.length + 1);
    first[first.length - 1] = new double[length];
    second[second.length - 1] = new double[length];
  }

  @Override
  void beforeUpdates(int t) {
    beta1Power *= beta1; // β₁ᵗ, kept as a running product
    beta2Power *= beta2;
  }

  @Override
  void update(int k, double rate, double scale) {
    double c1 = 1 - beta1Power;
    double c2 = 1 - beta2Power;
    double[] p = parameters[k];
    double[] g = gradients[k];
    double[] m = first[k];
    double[] v = second[k];
    for (int i = 0; i < p.length; i++) {
      double gi = scale * g[i];
      m[i] = beta1 * m[i] + (1 - beta1) * gi;
      v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
      p[i] -= rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
    }
  }

  /** The settings of an {@link Adam}. */
  public static final class Builder {
    private final Schedule schedule;
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double epsilon = 1e-8;
    private double clipNorm = Double.POSITIVE_INFINITY;

    private Builder(Schedule schedule) {
      this.schedule = schedule;
    }

    /**
     * The decay rates of the first and second moment estimates.
     *
     * @param beta1 in [0, 1), default 0.9
     * @param beta2 in [0, 1), default 0.999
     * @return this builder
     */
    public Builder betas(double beta1, double beta2) {
      if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
        throw new IllegalArgumentException("Adam betas are (" + beta1 + ", " + beta2
            + "): pass two values in [0, 1), e.g. (0.9, 0.999)");
      }
      this.beta1 = beta1;
      this.beta2 = beta2;
      return this;
    }

    /**
     * The term added to {@code √v̂} in the denominator.
     *
     * @param epsilon positive, default 1e-8
     * @return this builder
     */
    public Builder epsilon(double epsilon) {
      if (!(epsilon > 0 && epsilon < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("Adam epsilon is " + epsilon
            + ": pass a small positive value, e.g. 1e-8");
      }
      this.epsilon = epsilon;
      return this;
    }

    /**
     * Scales the gradients down whenever their global L2 norm exceeds {@code maxNorm}.
     *
     * @param maxNorm the largest global norm, positive
     * @return this builder
     */
    public Builder clipGlobalNorm(double maxNorm) {
      this.clipNorm = maxNorm;
      return this;
    }

    /**
     * The optimizer, with no parameters registered yet.
     *
     * @return a new {@link Adam}
     */
    public Adam build() {
      return new Adam(this);
    }
  }
}
