package io.brainstem.inputs;

/**
 * A value for the whole variable as a function of time, BrainPy's {@code 'func'} input: evaluated
 * once per step with {@code t} (ms, the start of the step) and the absolute step index.
 *
 * <pre>{@code
 * Input.func("E.input", (t, step) -> t < 50 ? 20 : 0)
 * }</pre>
 */
@FunctionalInterface
public interface TimeFunction {
  /** The value at step {@code step}, which starts at time {@code t} (ms). */
  double value(double t, long step);
}
