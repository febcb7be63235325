package io.brainstem.train.optim;

import java.util.Arrays;

/**
 * Stochastic gradient descent, optionally with momentum (the convention of PyTorch's {@code SGD},
 * no dampening): {@code v ← μ·v + g}, then {@code p ← p − η·v}, or with Nesterov momentum
 * {@code p ← p − η·(g + μ·v)}; without momentum {@code p ← p − η·g}. {@code g} is the gradient
 * after clipping, {@code η} the schedule's rate of the step.
 */
public final class Sgd extends Registry {
  private final double momentum;
  private final boolean nesterov;
  private double[][] velocities = new double[0][];

  private Sgd(Builder b) {
    super(b.schedule, b.clipNorm);
    this.momentum = b.momentum;
    this.nesterov = b.nesterov;
  }

  /**
   * Plain SGD at a constant rate.
   *
   * @param rate the learning rate, finite and positive
   * @return the optimizer
   */
  public static Sgd of(double rate) {
    return builder(Schedule.constant(rate)).build();
  }

  /**
   * A builder with the given learning-rate schedule, no momentum and no clipping.
   *
   * @param schedule the learning rate per step
   * @return the builder
   */
  public static Builder builder(Schedule schedule) {
    return new Builder(schedule);
  }

  @Override
  void added(int length) {
    velocities = Arrays.copyOf(velocities, velocities.length + 1);
    velocities[velocities.length - 1] = momentum == 0 ? null : new double[length];
  }

  @Override
  void update(int k, double rate, double scale) {
    double[] p = parameters[k];
    double[] g = gradients[k];
    double[] v = velocities[k];
    if (v == null) {
      for (int i = 0; i < p.length; i++) {
        p[i] -= rate * (scale * g[i]);
      }
    } else if (nesterov) {
      for (int i = 0; i < p.length; i++) {
        double gi = scale * g[i];
        v[i] = momentum * v[i] + gi;
        p[i] -= rate * (gi + momentum * v[i]);
      }
    } else {
      for (int i = 0; i < p.length; i++) {
        v[i] = momentum * v[i] + scale * g[i];
        p[i] -= rate * v[i];
      }
    }
  }

  /** The settings of an {@link Sgd}. */
  public static final class Builder {
    private final Schedule schedule;
    private double momentum;
    private boolean nesterov;
    private double clipNorm = Double.POSITIVE_INFINITY;

    private Builder(Schedule schedule) {
      this.schedule = schedule;
    }

    /**
     * Momentum {@code μ} (0, the default, turns it off).
     *
     * @param momentum in [0, 1)
     * @return this builder
     */
    public Builder momentum(double momentum) {
      if (!(momentum >= 0 && momentum < 1)) {
        throw new IllegalArgumentException("SGD momentum is " + momentum
            + ": pass a value in [0, 1), e.g. 0.9");
      }
      this.momentum = momentum;
      return this;
    }

    /**
     * Uses Nesterov momentum instead of the classical form; needs a non-zero momentum.
     *
     * @return this builder
     */
    public Builder nesterov() {
      this.nesterov = true;
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
     * @return a new {@link Sgd}
     */
    public Sgd build() {
      if (nesterov && momentum == 0) {
        throw new IllegalArgumentException("Nesterov SGD without momentum: set momentum(μ > 0) "
            + "or drop nesterov()");
      }
      return new Sgd(this);
    }
  }
}
