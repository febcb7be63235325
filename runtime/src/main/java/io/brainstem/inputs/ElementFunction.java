package io.brainstem.inputs;

/**
 * One value per element as a function of time: each step the input calls {@link #fill} with a
 * buffer of the target's size (allocated once, at build) and applies it element by element.
 *
 * <pre>{@code
 * Input.func("E.input", (t, step, out) -> { for (int i = 0; i < out.length; i++) out[i] = i * 0.1; })
 * }</pre>
 *
 * <p>Stateful functions, such as {@link Inputs#ou Ornstein–Uhlenbeck noise}, keep their state in
 * the instance and (re)initialise it in {@link #start}; give each input its own instance.
 */
@FunctionalInterface
public interface ElementFunction {
  /**
   * Called when a runner is built and again on {@code Runner.reset()}: the target has {@code size}
   * elements and the runner steps by {@code dt} ms. Stateless functions ignore it.
   */
  default void start(int size, double dt) {}

  /** Writes the values of step {@code step} (starting at {@code t} ms) into {@code out}. */
  void fill(double t, long step, double[] out);
}
