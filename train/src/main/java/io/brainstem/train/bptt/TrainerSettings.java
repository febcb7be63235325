package io.brainstem.train.bptt;

import io.brainstem.grad.Surrogate;
import io.brainstem.train.optim.Optimizer;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The settings every back-propagation-through-time trainer's builder has: the step, the spike's
 * surrogate, the reset's path, the stored steps, the optimizer and the progress callback.
 *
 * @param <B> the builder, returned by each setter
 */
public abstract class TrainerSettings<B extends TrainerSettings<B>> {
  double dt = 1;
  Surrogate surrogate = Surrogate.fastSigmoid(10);
  boolean detachReset = true;
  int maxStoredSteps = 1000;
  Optimizer optimizer;
  Consumer<Epoch> progress;

  TrainerSettings() {}

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * The step, in ms (1 by default).
   *
   * @param dt positive
   * @return this builder
   */
  public B dt(double dt) {
    this.dt = positive(dt, "dt");
    return self();
  }

  /**
   * The spike's surrogate derivative (a fast sigmoid of slope 10 by default).
   *
   * @param surrogate the surrogate
   * @return this builder
   */
  public B surrogate(Surrogate surrogate) {
    this.surrogate = Objects.requireNonNull(surrogate, "surrogate");
    return self();
  }

  /**
   * Whether the reset passes no gradient through the spike (true by default, as in Zenke &amp;
   * Vogels 2021).
   *
   * @param detach true to detach the reset
   * @return this builder
   */
  public B detachReset(boolean detach) {
    this.detachReset = detach;
    return self();
  }

  /**
   * The most steps whose forward states are stored at once (1000 by default): longer runs are
   * recomputed by segments of this length from checkpoints, so the tapes hold at most this many
   * steps.
   *
   * @param steps at least 1
   * @return this builder
   */
  public B maxStoredSteps(int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("maxStoredSteps must be >= 1, got " + steps);
    }
    this.maxStoredSteps = steps;
    return self();
  }

  /**
   * The optimizer (required), fresh: the trainer registers what it trains with it.
   *
   * @param optimizer e.g. {@code Adam.of(2e-3)}
   * @return this builder
   */
  public B optimizer(Optimizer optimizer) {
    this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    return self();
  }

  /**
   * A callback after each epoch.
   *
   * @param progress receives the epoch's figures
   * @return this builder
   */
  public B progress(Consumer<Epoch> progress) {
    this.progress = progress;
    return self();
  }

  static double positive(double v, String name) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
    }
    return v;
  }
}
