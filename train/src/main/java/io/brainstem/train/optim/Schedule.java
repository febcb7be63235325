package io.brainstem.train.optim;

/**
 * A learning rate as a function of the optimizer step (0 for the first {@link Optimizer#step()}).
 * The factories check their arguments; a lambda is a schedule too, e.g. a linear warm-up
 * {@code t -> 1e-3 * Math.min(1, (t + 1) / 100.0)}.
 */
@FunctionalInterface
public interface Schedule {
  /**
   * The learning rate of step {@code step}.
   *
   * @param step the optimizer step, from 0
   * @return the rate, finite and non-negative
   */
  double rate(int step);

  /**
   * The same rate at every step.
   *
   * @param rate the learning rate, finite and positive
   * @return the schedule
   */
  static Schedule constant(double rate) {
    checkRate("rate", rate);
    return step -> rate;
  }

  /**
   * Step decay: {@code rate · factor^⌊step / every⌋}, the rate multiplied by {@code factor} after
   * every {@code every} steps.
   *
   * @param rate the initial rate, finite and positive
   * @param factor the multiplier, in (0, 1]
   * @param every the number of steps between decays, at least 1
   * @return the schedule
   */
  static Schedule stepDecay(double rate, double factor, int every) {
    checkRate("rate", rate);
    if (!(factor > 0 && factor <= 1)) {
      throw new IllegalArgumentException("step decay factor is " + factor
          + ": pass a factor in (0, 1], e.g. 0.5 to halve the rate");
    }
    if (every < 1) {
      throw new IllegalArgumentException("step decay interval is " + every
          + " steps: pass at least 1");
    }
    return step -> rate * Math.pow(factor, step / every);
  }

  /**
   * Exponential decay: {@code rate · gamma^step}.
   *
   * @param rate the initial rate, finite and positive
   * @param gamma the per-step multiplier, in (0, 1]
   * @return the schedule
   */
  static Schedule exponential(double rate, double gamma) {
    checkRate("rate", rate);
    if (!(gamma > 0 && gamma <= 1)) {
      throw new IllegalArgumentException("exponential decay gamma is " + gamma
          + ": pass a per-step multiplier in (0, 1], e.g. 0.999");
    }
    return step -> rate * Math.pow(gamma, step);
  }

  /**
   * Cosine annealing (Loshchilov &amp; Hutter 2017, without restarts): {@code min + (rate − min) ·
   * (1 + cos(π·step/steps)) / 2} for {@code step < steps}, then {@code min}.
   *
   * @param rate the initial rate, finite and positive
   * @param steps the number of steps over which the rate falls to {@code min}, at least 1
   * @param min the final rate, in [0, rate]
   * @return the schedule
   */
  static Schedule cosine(double rate, int steps, double min) {
    checkRate("rate", rate);
    if (steps < 1) {
      throw new IllegalArgumentException("cosine schedule length is " + steps
          + " steps: pass at least 1 (usually epochs × batches per epoch)");
    }
    if (!(min >= 0 && min <= rate)) {
      throw new IllegalArgumentException("cosine schedule minimum is " + min
          + ": pass a rate in [0, " + rate + "]");
    }
    return step -> step >= steps ? min
        : min + (rate - min) * 0.5 * (1 + Math.cos(Math.PI * step / steps));
  }

  private static void checkRate(String name, double rate) {
    if (!(rate > 0 && rate < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("learning " + name + " is " + rate
          + ": pass a finite positive rate, e.g. 1e-3");
    }
  }
}
