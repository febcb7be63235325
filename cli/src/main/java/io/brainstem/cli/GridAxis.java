package io.brainstem.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code --param PATH=VALUES} of {@code brainstem sweep}: a list {@code V1,V2,...} or a range
 * {@code FROM:TO:STEP} whose last value is {@code TO} when the steps reach it (within 1e-9 of a step).
 *
 * @param path the parameter or input, e.g. {@code E.tau}
 * @param values the axis's values, in order
 */
record GridAxis(String path, double[] values) {
  /** At most this many values in a range: a typo in STEP must not make a billion points. */
  static final int MAX_RANGE = 10_000;

  /**
   * Parses {@code PATH=VALUES}.
   *
   * @throws IllegalArgumentException naming the part that is wrong and the expected form
   */
  static GridAxis parse(String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new IllegalArgumentException("--param '" + spec + "' must be PATH=V1,V2,... or PATH=FROM:TO:STEP, "
          + "e.g. E.input=10,20,30");
    }
    String path = spec.substring(0, eq).trim();
    String values = spec.substring(eq + 1).trim();
    if (values.contains(":")) {
      String[] r = values.split(":", -1);
      if (r.length != 3) {
        throw new IllegalArgumentException("--param " + path + ": range '" + values + "' must be FROM:TO:STEP, e.g. 10:30:5");
      }
      double from = number(path, r[0]);
      double to = number(path, r[1]);
      double step = number(path, r[2]);
      if (!(step > 0) || to < from) {
        throw new IllegalArgumentException("--param " + path + ": range '" + values
            + "' needs FROM <= TO and a positive STEP");
      }
      long n = (long) Math.floor((to - from) / step + 1e-9) + 1;
      if (n > MAX_RANGE) {
        throw new IllegalArgumentException("--param " + path + ": range '" + values + "' has " + n
            + " values; at most " + MAX_RANGE);
      }
      double[] v = new double[(int) n];
      for (int i = 0; i < n; i++) {
        v[i] = from + i * step;
      }
      return new GridAxis(path, v);
    }
    List<Double> list = new ArrayList<>();
    for (String s : values.split(",", -1)) {
      list.add(number(path, s));
    }
    return new GridAxis(path, list.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static double number(String path, String s) {
    try {
      double v = Double.parseDouble(s.trim());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--param " + path + ": '" + s + "' is not a finite number");
  }
}
