package io.brainstem.cli;

/**
 * A {@code --input} value, {@code PATH=VALUE}: {@code VALUE} is added to every element of the
 * variable at {@code PATH} each step (BrainPy's {@code ('E.input', 20.)}).
 */
record InputSpec(String path, double value) {

  static InputSpec parse(String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new IllegalArgumentException(
          "'" + spec + "' is not an input; expected PATH=VALUE, e.g. E.input=20");
    }
    String path = spec.substring(0, eq).strip();
    String text = spec.substring(eq + 1).strip();
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "input " + path + ": '" + text + "' is not a number; expected PATH=VALUE, e.g. E.input=20");
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("input " + path + ": the value must be finite, got " + text);
    }
    return new InputSpec(path, value);
  }
}
