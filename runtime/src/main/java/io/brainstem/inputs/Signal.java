package io.brainstem.inputs;

import java.util.function.DoubleUnaryOperator;

/**
 * A function of time only, in ms: what the {@link Inputs} helpers build. A signal is a
 * {@link TimeFunction} (so {@code Input.func(path, signal)} works) and a
 * {@link DoubleUnaryOperator} (so it can drive a {@code PoissonGroup}'s rate). Signals are evaluated
 * on the fly; nothing is stored per step.
 *
 * <p>Times are absolute (the runner's {@code t}, which starts at {@code t0}), and window boundaries
 * are compared with a tolerance of {@value #EPSILON} ms so that {@code t = k·dt} rounding never moves
 * a boundary by one step.
 */
@FunctionalInterface
public interface Signal extends TimeFunction, DoubleUnaryOperator {
  /** Boundary tolerance in ms. */
  double EPSILON = 1e-9;

  /** The value at time {@code t} (ms). */
  double at(double t);

  @Override
  default double value(double t, long step) {
    return at(t);
  }

  @Override
  default double applyAsDouble(double t) {
    return at(t);
  }

  /** This signal plus {@code other}. */
  default Signal plus(Signal other) {
    return t -> at(t) + other.at(t);
  }

  /** This signal times {@code factor}. */
  default Signal times(double factor) {
    return t -> at(t) * factor;
  }

  /** This signal inside {@code [start, end)} ms and 0 outside. */
  default Signal window(double start, double end) {
    Inputs.checkWindow(start, end);
    return t -> t + EPSILON >= start && t + EPSILON < end ? at(t) : 0.0;
  }

  /** Samples this signal at {@code t0 + k·dt} for {@code k < steps}, e.g. for an {@code iter} input. */
  default double[] sample(double t0, double dt, int steps) {
    double[] values = new double[steps];
    for (int k = 0; k < steps; k++) {
      values[k] = at(t0 + k * dt);
    }
    return values;
  }
}
