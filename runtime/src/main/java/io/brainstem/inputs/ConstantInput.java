package io.brainstem.inputs;

import io.brainstem.network.Network;
import io.brainstem.network.Variable;
import java.util.Arrays;

/** A constant added every step: one value for all elements, or one value per element. */
final class ConstantInput implements Input {
  private final String path;
  private final double value;
  private final double[] values; // null: the scalar applies to every element

  ConstantInput(String path, double value, double[] values) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("an input needs a variable path such as 'E.input', got " + path);
    }
    if (values == null ? !Double.isFinite(value) : !Arrays.stream(values).allMatch(Double::isFinite)) {
      throw new IllegalArgumentException("input " + path + ": values must be finite");
    }
    this.path = path;
    this.value = value;
    this.values = values;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Bound bind(Network network) {
    Variable v = network.variable(path);
    if (v.isBoolean()) {
      throw new IllegalArgumentException(
          "input " + path + ": '" + v.path() + "' is a spike (boolean) variable; an input needs a "
              + "double variable such as '" + v.owner() + ".input'");
    }
    double[] target = v.doubles();
    if (values == null) {
      double add = value;
      return (step, t) -> {
        for (int i = 0; i < target.length; i++) {
          target[i] += add;
        }
      };
    }
    if (values.length != target.length) {
      throw new IllegalArgumentException(
          "input " + path + ": expected " + target.length + " values (one per element of "
              + v.path() + "), got " + values.length);
    }
    double[] add = values;
    return (step, t) -> {
      for (int i = 0; i < target.length; i++) {
        target[i] += add[i];
      }
    };
  }

  @Override
  public String toString() {
    return "Input.constant(" + path + ", " + (values == null ? value : values.length + " values") + ")";
  }
}
