package io.brainstem.visualize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Round tick values for an axis: multiples of a step of 1, 2 or 5 × 10ⁿ (0, 20, 40 ms, never 0, 9,
 * 18), at most a given number of them inside {@code [lo, hi]}; integer steps only when the axis
 * counts things (neuron indices).
 */
final class Ticks {
  private static final double[] MANTISSAS = {1, 2, 5};

  private final double step;
  private final double[] values;

  private Ticks(double step, double[] values) {
    this.step = step;
    this.values = values;
  }

  /**
   * The ticks of the smallest round step that puts at most {@code maxTicks} (≥ 2) ticks in
   * {@code [lo, hi]}; with {@code integers}, the step is at least 1.
   */
  static Ticks of(double lo, double hi, int maxTicks, boolean integers) {
    if (!(hi > lo) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
      throw new IllegalArgumentException("axis range must be finite with lo < hi, got [" + lo + ", " + hi + "]");
    }
    int max = Math.max(2, maxTicks);
    int exponent = (int) Math.floor(Math.log10((hi - lo) / (max - 1))) - 1;
    for (; ; exponent++) {
      for (double m : MANTISSAS) {
        // m × 10^exponent exactly, so 0.1 is the double nearest 0.1
        double step = BigDecimal.valueOf(m).scaleByPowerOfTen(exponent).doubleValue();
        if (integers && step < 1) {
          continue;
        }
        Ticks t = at(lo, hi, step);
        if (t.values.length <= max) {
          return t;
        }
      }
    }
  }

  /** The multiples of {@code step} in {@code [lo, hi]} (with a tolerance of 10⁻⁹ steps). */
  private static Ticks at(double lo, double hi, double step) {
    long first = (long) Math.ceil(lo / step - 1e-9);
    long last = (long) Math.floor(hi / step + 1e-9);
    List<Double> v = new ArrayList<>();
    for (long k = first; k <= last; k++) {
      // via BigDecimal so 3 × 0.1 is 0.3, not 0.30000000000000004
      v.add(BigDecimal.valueOf(k).multiply(BigDecimal.valueOf(step)).doubleValue());
    }
    return new Ticks(step, v.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The step between ticks. */
  double step() {
    return step;
  }

  /** The tick values, ascending. */
  double[] values() {
    return values.clone();
  }

  /** The labels: as many decimals as the step needs, a true minus sign, no thousands separators. */
  String[] labels() {
    int decimals = Math.max(0, BigDecimal.valueOf(step).stripTrailingZeros().scale());
    String[] labels = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      String s = BigDecimal.valueOf(values[i]).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
      if (s.matches("-0(\\.0*)?")) {
        s = s.substring(1);
      }
      labels[i] = s.replace('-', '\u2212');
    }
    return labels;
  }
}
