package io.brainstem.inputs;

import io.brainstem.network.Network;
import io.brainstem.network.Variable;
import java.util.Arrays;

/** An input that writes one double variable; the value source is chosen by the factory. */
final class VariableInput implements Input {
  /** Makes the bound input once the target's size and the runner's dt are known. */
  @FunctionalInterface
  interface Source {
    Writer bind(int size, double dt);
  }

  /** Writes one step's values into the target (one virtual call per step, not per element). */
  abstract static class Writer {
    abstract void write(double[] target, long step, double t);

    void checkSteps(long first, int steps) {}

    void reset() {}

    void save(io.brainstem.checkpoint.StateOut out) {}

    void restore(io.brainstem.checkpoint.StateIn in) {}
  }

  private final String path;
  private final Op op;
  private final String description;
  private final Source source;

  VariableInput(String path, Op op, String description, Source source) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("an input needs a variable path such as 'E.input', got " + path);
    }
    this.path = path;
    this.op = java.util.Objects.requireNonNull(op,
        () -> "input " + path + ": op is null; pass one of Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.SET");
    this.description = description;
    this.source = source;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Bound bind(Network network, double dt) {
    Variable v = network.variable(path);
    if (v.isBoolean()) {
      throw new IllegalArgumentException(
          "input " + path + ": '" + v.path() + "' is a spike (boolean) variable; an input needs a "
              + "double variable such as '" + v.owner() + ".input'");
    }
    // A float variable (Precision.FLOAT) is widened into a buffer, written in double, and
    // rounded back: the same arithmetic as on a double variable.
    float[] floats = v.floats();
    double[] target = floats == null ? v.doubles() : new double[floats.length];
    Writer writer = source.bind(target.length, dt);
    return new Bound() {
      @Override
      public void apply(long step, double t) {
        if (floats == null) {
          writer.write(target, step, t);
          return;
        }
        for (int i = 0; i < floats.length; i++) {
          target[i] = floats[i];
        }
        writer.write(target, step, t);
        for (int i = 0; i < floats.length; i++) {
          floats[i] = (float) target[i];
        }
      }

      @Override
      public void checkSteps(long first, int steps) {
        writer.checkSteps(first, steps);
      }

      @Override
      public void reset() {
        writer.reset();
      }

      @Override
      public void saveState(io.brainstem.checkpoint.StateOut out) {
        writer.save(out);
      }

      @Override
      public void restoreState(io.brainstem.checkpoint.StateIn in) {
        writer.restore(in);
      }
    };
  }

  @Override
  public String toString() {
    return "Input(" + path + ", " + description + ", op " + op.symbol() + ")";
  }

  static Writer scalar(Op op, double value) {
    return new Writer() {
      @Override
      void write(double[] target, long step, double t) {
        op.apply(target, value);
      }
    };
  }

  static Writer array(Op op, double[] values) {
    return new Writer() {
      @Override
      void write(double[] target, long step, double t) {
        op.apply(target, values);
      }
    };
  }

  static Writer function(String path, Op op, TimeFunction f) {
    return new Writer() {
      @Override
      void write(double[] target, long step, double t) {
        double value = f.value(t, step);
        if (!usable(op, value)) {
          throw badValue(path, op, value, -1, step, t);
        }
        op.apply(target, value);
      }
    };
  }

  static Writer elements(String path, Op op, ElementFunction f, int size, double dt) {
    f.start(size, dt);
    double[] buffer = new double[size];
    return new Writer() {
      @Override
      void write(double[] target, long step, double t) {
        f.fill(t, step, buffer);
        for (int i = 0; i < buffer.length; i++) {
          if (!usable(op, buffer[i])) {
            throw badValue(path, op, buffer[i], i, step, t);
          }
        }
        op.apply(target, buffer);
      }

      @Override
      void reset() {
        f.start(size, dt);
      }

      @Override
      void save(io.brainstem.checkpoint.StateOut out) {
        if (f instanceof io.brainstem.checkpoint.Checkpointed c) {
          c.saveState(out);
        }
      }

      @Override
      void restore(io.brainstem.checkpoint.StateIn in) {
        if (f instanceof io.brainstem.checkpoint.Checkpointed c) {
          c.restoreState(in);
        }
      }
    };
  }

  /** {@code iter} over steps with one value per step. */
  static final class ScalarSeries extends Writer {
    private final String path;
    private final Op op;
    private final double[] values;

    ScalarSeries(String path, Op op, double[] values) {
      this.path = path;
      this.op = op;
      this.values = values;
    }

    @Override
    void write(double[] target, long step, double t) {
      op.apply(target, values[(int) step]);
    }

    @Override
    void checkSteps(long first, int steps) {
      checkRange(path, values.length, first, steps);
    }
  }

  /** {@code iter} over steps with one row per step. */
  static final class ArraySeries extends Writer {
    private final String path;
    private final Op op;
    private final double[][] rows;

    ArraySeries(String path, Op op, double[][] rows) {
      this.path = path;
      this.op = op;
      this.rows = rows;
    }

    @Override
    void write(double[] target, long step, double t) {
      op.apply(target, rows[(int) step]);
    }

    @Override
    void checkSteps(long first, int steps) {
      checkRange(path, rows.length, first, steps);
    }
  }

  static void checkRange(String path, int length, long first, int steps) {
    long last = first + steps - 1;
    if (last >= length) {
      throw new IllegalArgumentException(
          "input " + path + " (iter) has " + length + " values, indexed by absolute step, but this run"
              + " covers steps " + first + ".." + last + "; give at least " + (last + 1)
              + " values, run shorter, or use Input.func for inputs without an end");
    }
  }

  /** Whether a value can be applied: finite, and not 0 under {@link Op#DIV}. */
  private static boolean usable(Op op, double value) {
    return value - value == 0 && (value != 0 || op != Op.DIV);
  }

  private static IllegalStateException badValue(
      String path, Op op, double value, int element, long step, double t) {
    String what = element < 0 ? "returned " + value : "gave element " + element + " the value " + value;
    String why = value - value == 0 ? "0 cannot divide the variable (Op.DIV)" : "values must be finite";
    return new IllegalStateException("input " + path + " (func): the function " + what + " at step "
        + step + " (t = " + t + " ms); " + why + ", or the variable would silently become NaN or"
        + " infinite");
  }

  /** Refuses a divisor of 0 under {@link Op#DIV}; {@code what} names the value. */
  static void checkDivisor(String path, Op op, double value, String what) {
    if (op == Op.DIV && value == 0) {
      throw new IllegalArgumentException("input " + path + ": " + what + " is 0 and the op is "
          + "Op.DIV; dividing by 0 would make the variable infinite or NaN");
    }
  }

  /** {@link #checkDivisor} for each value; {@code what} names one ("step", "value"). */
  static void checkDivisors(String path, Op op, double[] values, String what) {
    for (int i = 0; i < values.length; i++) {
      checkDivisor(path, op, values[i], "the value for " + what + " " + i);
    }
  }

  static void checkFinite(String path, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("input " + path + ": values must be finite, got " + value);
    }
  }

  static double[] checkedCopy(String path, double[] values) {
    if (values == null) {
      throw new IllegalArgumentException("input " + path + ": values is null");
    }
    if (!Arrays.stream(values).allMatch(Double::isFinite)) {
      throw new IllegalArgumentException("input " + path + ": values must be finite");
    }
    return values.clone();
  }

  static void checkLength(String path, String what, int given, int size) {
    if (given != size) {
      throw new IllegalArgumentException(
          "input " + path + ": expected " + size + " values (one per element of " + path + "), got "
              + given);
    }
  }
}
