package io.brainstem.runners;

/**
 * Thrown by a runner built with {@link RunnerBuilder#nanGuard} when a state became NaN or
 * infinite: names the first such variable and element (variables in network order, elements
 * ascending), its value, and the step at which the guard found it.
 */
public final class NonFiniteStateException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  /** The variable's path (serialized, as each field here). */
  private final String path;
  /** The first element found NaN or infinite. */
  private final int element;
  /** Its value. */
  private final double value;
  /** The step after which it was found. */
  private final long step;
  /** That step's time, ms. */
  private final double t;

  NonFiniteStateException(String path, int element, double value, long step, double t, long lastClean) {
    super(path + "[" + element + "] is " + value + " after step " + step + " (t = " + t + " ms)"
        + (lastClean < 0 ? "" : "; it was last checked finite after step " + lastClean)
        + ". Look for a parameter that divides by zero (tau = 0), an input that is NaN or divides"
        + " by zero, or a step dt too large for the dynamics; record " + path
        + " with a monitor to see it diverge");
    this.path = path;
    this.element = element;
    this.value = value;
    this.step = step;
    this.t = t;
  }

  /** The variable's path, e.g. {@code E.V}. */
  public String path() {
    return path;
  }

  /** The first element found NaN or infinite. */
  public int element() {
    return element;
  }

  /** Its value: NaN or an infinity. */
  public double value() {
    return value;
  }

  /** The absolute step after which the guard found it. */
  public long step() {
    return step;
  }

  /** The time at the start of that step, in ms. */
  public double t() {
    return t;
  }
}
