package io.brainstem.inputs;

import java.util.Locale;

/**
 * How an input combines with the variable it targets, BrainPy's {@code op}: {@code var += v},
 * {@code -=}, {@code *=}, {@code /=} or {@code var = v}. The switch happens once per step, outside
 * the element loop.
 */
public enum Op {
  /** {@code var += value} (the default). */
  ADD("+"),
  /** {@code var -= value}. */
  SUB("-"),
  /** {@code var *= value}. */
  MUL("*"),
  /** {@code var /= value}. */
  DIV("/"),
  /** {@code var = value}. */
  SET("=");

  private final String symbol;

  Op(String symbol) {
    this.symbol = symbol;
  }

  /** The BrainPy symbol, {@code "+"}, {@code "-"}, {@code "*"}, {@code "/"} or {@code "="}. */
  public String symbol() {
    return symbol;
  }

  /** The op for a BrainPy symbol; anything else is an exception listing the valid symbols. */
  public static Op of(String symbol) {
    for (Op op : values()) {
      if (op.symbol.equals(symbol)) {
        return op;
      }
    }
    throw new IllegalArgumentException(
        "unknown input op '" + symbol + "'; use one of + - * / = (or Op." + String.join(", Op.",
            java.util.Arrays.stream(values()).map(o -> o.name().toUpperCase(Locale.ROOT)).toList()) + ")");
  }

  /** Applies {@code value} to every element of {@code target}. */
  void apply(double[] target, double value) {
    int n = target.length;
    switch (this) {
      case ADD -> {
        for (int i = 0; i < n; i++) {
          target[i] += value;
        }
      }
      case SUB -> {
        for (int i = 0; i < n; i++) {
          target[i] -= value;
        }
      }
      case MUL -> {
        for (int i = 0; i < n; i++) {
          target[i] *= value;
        }
      }
      case DIV -> {
        for (int i = 0; i < n; i++) {
          target[i] /= value;
        }
      }
      case SET -> java.util.Arrays.fill(target, value);
    }
  }

  /** Applies {@code values[i]} to {@code target[i]} for every element. */
  void apply(double[] target, double[] values) {
    int n = target.length;
    switch (this) {
      case ADD -> {
        for (int i = 0; i < n; i++) {
          target[i] += values[i];
        }
      }
      case SUB -> {
        for (int i = 0; i < n; i++) {
          target[i] -= values[i];
        }
      }
      case MUL -> {
        for (int i = 0; i < n; i++) {
          target[i] *= values[i];
        }
      }
      case DIV -> {
        for (int i = 0; i < n; i++) {
          target[i] /= values[i];
        }
      }
      case SET -> System.arraycopy(values, 0, target, 0, n);
    }
  }
}
