package io.brainstem.visualize;

/** A closed axis interval {@code [lo, hi]} with {@code lo < hi}. */
record Range(double lo, double hi) {
  Range {
    if (!(hi > lo) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
      throw new IllegalArgumentException("axis range must be finite with lo < hi, got [" + lo + ", " + hi + "]");
    }
  }

  /** {@code [lo, hi]}, widened to {@code [lo − 1, hi + 1]} when it is a single value. */
  static Range around(double lo, double hi) {
    return hi > lo ? new Range(lo, hi) : new Range(lo - 1, hi + 1);
  }

  /** The smallest range holding both. */
  Range union(Range o) {
    return new Range(Math.min(lo, o.lo), Math.max(hi, o.hi));
  }

  /** Widened by {@code fraction} of the span on both sides (room for a trace's extremes). */
  Range padded(double fraction) {
    double d = (hi - lo) * fraction;
    return new Range(lo - d, hi + d);
  }

  /**
   * Ends moved out to the nearest multiple of {@code step} when that adds at most 5% of the span,
   * so a 0–99.9 ms record gets an axis from 0 to 100 ms with a labelled end.
   */
  Range snapped(double step) {
    double slack = 0.05 * (hi - lo);
    double a = Math.floor(lo / step + 1e-9) * step;
    double b = Math.ceil(hi / step - 1e-9) * step;
    return new Range(lo - a <= slack ? a : lo, b - hi <= slack ? b : hi);
  }
}
