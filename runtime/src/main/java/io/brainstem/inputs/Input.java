package io.brainstem.inputs;

import io.brainstem.network.Network;
import java.util.Objects;

/**
 * An input applied at the start of every step, BrainPy's {@code inputs=[(target, value, type, op)]}.
 * Specs are plain values; a runner {@link #bind binds} them when it is built, which is when unknown
 * paths, boolean targets and wrong lengths are reported.
 *
 * <table>
 *   <caption>Input types</caption>
 *   <tr><th>BrainPy</th><th>Brainstem</th><th>value used in step k</th></tr>
 *   <tr><td>{@code ('E.input', 20.)}</td><td>{@link #constant(String, double)}, {@link #fix}</td>
 *       <td>the scalar, or {@code values[i]} per element</td></tr>
 *   <tr><td>{@code ('E.input', arr, 'iter')}</td><td>{@link #iter(String, double[])}</td>
 *       <td>{@code arr[k]} (or {@code arr[k][i]}), k the <em>absolute</em> step</td></tr>
 *   <tr><td>{@code ('E.input', f, 'func')}</td><td>{@link #func(String, TimeFunction)}</td>
 *       <td>{@code f(t, k)} (or one value per element)</td></tr>
 *   <tr><td>a callable</td><td>{@link #action}</td><td>sets variables directly</td></tr>
 * </table>
 *
 * Every type takes an {@link Op} ({@code + - * / =}, default {@code +}). Because input
 * accumulators are cleared after every step, {@code +} on {@code E.input} means "this current during
 * the step". Inputs are applied in the order given.
 *
 * <p>An {@code iter} array must cover every step of every run: a run that would index past its end
 * is rejected with an exception <em>before its first step</em>, naming the input and the steps
 * (BrainPy silently repeats the last value).
 */
public interface Input {

  /** The dotted path of the variable written, e.g. {@code E.input}; null for an {@link #action}. */
  String path();

  /**
   * Resolves this spec against {@code network}, run with step {@code dt} ms.
   *
   * @throws IllegalArgumentException if the path does not exist (the message names the closest
   *     valid path), is not a double variable, or the values do not fit it
   */
  Bound bind(Network network, double dt);

  /**
   * An input resolved to its array, applied by the runner once per step. Stateful inputs save and
   * restore their state for checkpoints ({@link io.brainstem.checkpoint.Checkpointed}); the
   * defaults save nothing, which is right for inputs whose value depends only on the step and time.
   */
  interface Bound extends io.brainstem.checkpoint.Checkpointed {
    /** Applies the input for absolute step {@code step} at time {@code t}; must not allocate. */
    void apply(long step, double t);

    /**
     * Checks, before a run starts, that this input can serve absolute steps {@code first} to
     * {@code first + steps − 1}; throws {@link IllegalArgumentException} otherwise.
     */
    default void checkSteps(long first, int steps) {}

    /** Returns stateful inputs (noise) to their state at build; {@code Runner.reset()} calls it. */
    default void reset() {}

    /** Saves nothing by default: the input has no state. */
    @Override
    default void saveState(io.brainstem.checkpoint.StateOut out) {}

    /** Restores nothing by default: the input has no state. */
    @Override
    default void restoreState(io.brainstem.checkpoint.StateIn in) {}
  }

  /** Adds {@code value} to every element of the variable each step ({@code ('E.input', 20.)}). */
  static Input constant(String path, double value) {
    return fix(path, value, Op.ADD);
  }

  /** Adds {@code values[i]} to element {@code i} of the variable each step; one value per element. */
  static Input constant(String path, double[] values) {
    return fix(path, values, Op.ADD);
  }

  /** BrainPy's {@code 'fix'} type with an op: {@code fix("E.V", -60, Op.SET)}. */
  static Input fix(String path, double value, Op op) {
    VariableInput.checkFinite(path, value);
    VariableInput.checkDivisor(path, op, value, "the value");
    return new VariableInput(path, op, "fix " + value, (n, dt) -> VariableInput.scalar(op, value));
  }

  /** BrainPy's {@code 'fix'} type per element: {@code values[i]} for element i, with an op. */
  static Input fix(String path, double[] values, Op op) {
    double[] v = VariableInput.checkedCopy(path, values);
    VariableInput.checkDivisors(path, op, v, "element");
    return new VariableInput(path, op, "fix " + v.length + " values", (n, dt) -> {
      VariableInput.checkLength(path, "values", v.length, n);
      return VariableInput.array(op, v);
    });
  }

  /** BrainPy's {@code 'iter'}: {@code perStep[k]} added to every element in absolute step k. */
  static Input iter(String path, double[] perStep) {
    return iter(path, perStep, Op.ADD);
  }

  /** BrainPy's {@code 'iter'} with an op: {@code perStep[k]} applied to every element in step k. */
  static Input iter(String path, double[] perStep, Op op) {
    double[] v = VariableInput.checkedCopy(path, perStep);
    VariableInput.checkDivisors(path, op, v, "step");
    return new VariableInput(path, op, "iter over " + v.length + " steps",
        (n, dt) -> new VariableInput.ScalarSeries(path, op, v));
  }

  /**
   * BrainPy's {@code 'iter'} per element: {@code perStep[k][i]} applied to element i in absolute
   * step k. The array is used as given, not copied (it is the user's own {@code [T][N]} data).
   */
  static Input iter(String path, double[][] perStep, Op op) {
    if (perStep == null) {
      throw new IllegalArgumentException("input " + path + ": the iter array is null");
    }
    return new VariableInput(path, op, "iter over " + perStep.length + " steps", (n, dt) -> {
      for (int k = 0; k < perStep.length; k++) {
        if (perStep[k] == null || perStep[k].length != n) {
          throw new IllegalArgumentException(
              "input " + path + ": row " + k + " of the iter array has "
                  + (perStep[k] == null ? "null" : perStep[k].length + " values")
                  + "; expected " + n + " (one per element)");
        }
        for (int i = 0; i < n; i++) {
          double x = perStep[k][i];
          if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("input " + path + ": the iter array's value for step "
                + k + ", element " + i + " is " + x + "; values must be finite");
          }
          VariableInput.checkDivisor(path, op, x, "the value for step " + k + ", element " + i);
        }
      }
      return new VariableInput.ArraySeries(path, op, perStep);
    });
  }

  /** BrainPy's {@code 'func'}: {@code f(t, step)} added to every element each step. */
  static Input func(String path, TimeFunction f) {
    return func(path, f, Op.ADD);
  }

  /**
   * BrainPy's {@code 'func'} with an op. Each step's value is checked: NaN, an infinity, or 0 under
   * {@link Op#DIV} stops the run with an exception naming the input, step and time.
   */
  static Input func(String path, TimeFunction f, Op op) {
    Objects.requireNonNull(f, () -> "input " + path + ": the function is null; pass (t, step) -> value");
    return new VariableInput(path, op, "func " + f, (n, dt) -> VariableInput.function(path, op, f));
  }

  /** A {@code 'func'} input with one value per element, written by {@code f} into a buffer. */
  static Input func(String path, ElementFunction f) {
    return func(path, f, Op.ADD);
  }

  /** A per-element {@code 'func'} input with an op; each value is checked as for a scalar {@code func}. */
  static Input func(String path, ElementFunction f, Op op) {
    Objects.requireNonNull(f, () -> "input " + path + ": the function is null; pass an ElementFunction");
    return new VariableInput(path, op, "func " + f, (n, dt) -> VariableInput.elements(path, op, f, n, dt));
  }

  /** A callable that sets variables itself, called at the start of every step. */
  static Input action(NetworkAction action) {
    Objects.requireNonNull(action, "action is null; pass (network, t, step) -> { ... }");
    return new Input() {
      @Override
      public String path() {
        return null;
      }

      @Override
      public Bound bind(Network network, double dt) {
        return (step, t) -> action.apply(network, t, step);
      }

      @Override
      public String toString() {
        return "Input.action(" + action + ")";
      }
    };
  }

  /**
   * BrainPy's tuple form, {@code (target, value, type, op)}: {@code type} is {@code "fix"},
   * {@code "iter"} or {@code "func"}; {@code value} is a {@code Number} or {@code double[]} (fix),
   * a {@code double[]} or {@code double[][]} (iter), or a {@link TimeFunction} or
   * {@link ElementFunction} (func); {@code op} is one of {@code + - * / =}.
   */
  static Input of(String path, Object value, String type, String op) {
    Op o = Op.of(op);
    String kind = type == null ? "fix" : type;
    switch (kind) {
      case "fix" -> {
        if (value instanceof Number n) {
          return fix(path, n.doubleValue(), o);
        }
        if (value instanceof double[] a) {
          return fix(path, a, o);
        }
      }
      case "iter" -> {
        if (value instanceof double[] a) {
          return iter(path, a, o);
        }
        if (value instanceof double[][] a) {
          return iter(path, a, o);
        }
      }
      case "func" -> {
        if (value instanceof TimeFunction f) {
          return func(path, f, o);
        }
        if (value instanceof ElementFunction f) {
          return func(path, f, o);
        }
      }
      default -> throw new IllegalArgumentException(
          "input " + path + ": unknown type '" + type + "'; use \"fix\", \"iter\" or \"func\"");
    }
    throw new IllegalArgumentException(
        "input " + path + ": a '" + kind + "' input cannot take a "
            + (value == null ? "null value" : value.getClass().getSimpleName())
            + "; fix takes a number or double[], iter a double[] or double[][], func a "
            + "TimeFunction or ElementFunction");
  }
}
