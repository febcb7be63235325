package io.brainstem.inputs;

import java.util.Arrays;

/**
 * Helpers for time-varying inputs, BrainPy's {@code bp.inputs}, built as functions evaluated each
 * step rather than arrays over time: a 10 s run at dt 0.01 ms needs no million-entry array.
 *
 * <pre>{@code
 * Input.func("E.input", Inputs.section(new double[] {0, 20, 0}, new double[] {100, 300, 100}))
 * Input.func("E.input", Inputs.sinusoid(5, 10).plus(Inputs.constant(20)).window(100, 400))
 * Input.func("E.input", Inputs.ou(0, 5, 10, 42))                 // one noise process per neuron
 * }</pre>
 *
 * Every signal is absolute in time ({@code t} as the runner counts it, from {@code t0}); see
 * {@link Signal} for the boundary tolerance.
 */
public final class Inputs {
  private Inputs() {}

  /** {@code value} at all times. */
  public static Signal constant(double value) {
    checkFinite("constant value", value);
    return t -> value;
  }

  /**
   * Piecewise constant, BrainPy's {@code section_input(values, durations)}: {@code values[0]} for
   * the first {@code durations[0]} ms from t = 0, then {@code values[1]} for {@code durations[1]}
   * ms, and so on; 0 before t = 0 and after the last section.
   */
  public static Signal section(double[] values, double[] durations) {
    if (values == null || durations == null || values.length != durations.length || values.length == 0) {
      throw new IllegalArgumentException(
          "section input needs as many values as durations (at least one), got "
              + (values == null ? "null" : values.length) + " values and "
              + (durations == null ? "null" : durations.length) + " durations");
    }
    double[] ends = new double[durations.length];
    double end = 0;
    for (int i = 0; i < durations.length; i++) {
      if (!(durations[i] > 0) || Double.isInfinite(durations[i])) {
        throw new IllegalArgumentException(
            "section input: duration " + i + " must be positive and finite (ms), got " + durations[i]);
      }
      checkFinite("section value " + i, values[i]);
      end += durations[i];
      ends[i] = end;
    }
    double[] v = values.clone();
    return t -> {
      double s = t + Signal.EPSILON;
      if (s < 0 || s >= ends[ends.length - 1]) {
        return 0.0;
      }
      int i = Arrays.binarySearch(ends, s);
      // An exact hit on an end is the start of the next section.
      return v[i >= 0 ? i + 1 : -i - 1];
    };
  }

  /**
   * A linear ramp, BrainPy's {@code ramp_input}: {@code cStart} at {@code tStart} rising (or
   * falling) linearly towards {@code cEnd} at {@code tEnd}; 0 outside {@code [tStart, tEnd)}.
   */
  public static Signal ramp(double cStart, double cEnd, double tStart, double tEnd) {
    checkFinite("ramp start value", cStart);
    checkFinite("ramp end value", cEnd);
    checkWindow(tStart, tEnd);
    double slope = (cEnd - cStart) / (tEnd - tStart);
    return t -> t + Signal.EPSILON >= tStart && t + Signal.EPSILON < tEnd ? cStart + slope * (t - tStart) : 0.0;
  }

  /**
   * {@code value} inside each window and 0 outside: {@code windows(20, 10, 20, 50, 60)} is 20 in
   * [10, 20) and [50, 60) ms. Windows are given as start, end pairs in increasing order.
   */
  public static Signal windows(double value, double... startEndPairs) {
    checkFinite("window value", value);
    if (startEndPairs == null || startEndPairs.length == 0 || startEndPairs.length % 2 != 0) {
      throw new IllegalArgumentException(
          "windows(value, start1, end1, start2, end2, ...) needs start/end pairs, got "
              + (startEndPairs == null ? "null" : startEndPairs.length + " numbers"));
    }
    double[] bounds = startEndPairs.clone();
    for (int i = 0; i < bounds.length; i += 2) {
      checkWindow(bounds[i], bounds[i + 1]);
      if (i > 0 && bounds[i] < bounds[i - 1]) {
        throw new IllegalArgumentException(
            "windows must be in increasing order and not overlap: [" + bounds[i] + ", " + bounds[i + 1]
                + ") starts before the previous window ends at " + bounds[i - 1]);
      }
    }
    return t -> {
      double s = t + Signal.EPSILON;
      // Index of the first bound > s; odd means inside a [start, end) pair.
      int i = Arrays.binarySearch(bounds, s);
      int insertion = i >= 0 ? i + 1 : -i - 1;
      return (insertion & 1) == 1 ? value : 0.0;
    };
  }

  /** {@code amplitude · sin(2π · frequency · t)} with the frequency in Hz and t in ms. */
  public static Signal sinusoid(double amplitude, double frequencyHz) {
    return sinusoid(amplitude, frequencyHz, 0);
  }

  /** {@code amplitude · sin(2π · frequency · t + phase)}, frequency in Hz, t in ms, phase in radians. */
  public static Signal sinusoid(double amplitude, double frequencyHz, double phase) {
    checkFinite("sinusoid amplitude", amplitude);
    checkFinite("sinusoid phase", phase);
    if (!(frequencyHz >= 0) || Double.isInfinite(frequencyHz)) {
      throw new IllegalArgumentException("sinusoid frequency must be finite and >= 0 (Hz), got " + frequencyHz);
    }
    double omega = 2 * Math.PI * frequencyHz / 1000.0; // per ms
    return t -> amplitude * Math.sin(omega * t + phase);
  }

  /**
   * Ornstein–Uhlenbeck noise, one independent process per element, reproducible from {@code seed}:
   * {@code dx = (mean − x)/tau · dt + sigma·sqrt(2/tau) · dW}, so {@code x} fluctuates around
   * {@code mean} with standard deviation {@code sigma} and correlation time {@code tau} (ms). See
   * {@link OuNoise}.
   */
  public static OuNoise ou(double mean, double sigma, double tau, long seed) {
    return new OuNoise(mean, sigma, tau, seed);
  }

  static void checkWindow(double start, double end) {
    if (!Double.isFinite(start) || !Double.isFinite(end) || !(start < end)) {
      throw new IllegalArgumentException(
          "a time window needs finite start < end (ms), got [" + start + ", " + end + ")");
    }
  }

  static void checkFinite(String what, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(what + " must be finite, got " + value);
    }
  }
}
