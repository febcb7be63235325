package io.brainstem.annotations;

/**
 * Unit constants for model bodies, in Brainstem's coherent units: time in ms, potential in mV,
 * current in nA, so conductance in uS, capacitance in nF, resistance in MOhm, rates per ms. Write
 * {@code import static io.brainstem.annotations.Units.*;} and then {@code 10 * ms}, {@code -65 * mV}
 * or {@code 5 * Hz} (= 0.005 per ms) as in Brian2.
 *
 * <p>The processor knows these names: it folds each to its value (so generated code is the same as
 * with the number written out) and checks its unit against the model's declared units. The name of
 * each constant is its unit; its value is how many coherent units one of it is.
 */
public final class Units {
  private Units() {}

  // time (coherent: ms)
  /** {@code 1 ms = 1} ms. */
  public static final double ms = 1;
  /** {@code 1 msecond = 1} ms. */
  public static final double msecond = 1;
  /** {@code 1 us = 0.001} ms. */
  public static final double us = 0.001;
  /** {@code 1 second = 1000} ms. */
  public static final double second = 1000;

  // rate (coherent: 1/ms)
  /** {@code 1 Hz = 0.001} per ms. */
  public static final double Hz = 0.001;
  /** {@code 1 hertz = 0.001} per ms. */
  public static final double hertz = 0.001;
  /** {@code 1 kHz = 1} per ms. */
  public static final double kHz = 1;

  // potential (coherent: mV)
  /** {@code 1 uV = 0.001} mV. */
  public static final double uV = 0.001;
  /** {@code 1 mV = 1} mV. */
  public static final double mV = 1;
  /** {@code 1 mvolt = 1} mV. */
  public static final double mvolt = 1;
  /** {@code 1 V = 1000} mV. */
  public static final double V = 1000;
  /** {@code 1 volt = 1000} mV. */
  public static final double volt = 1000;

  // current (coherent: nA)
  /** {@code 1 pA = 0.001} nA. */
  public static final double pA = 0.001;
  /** {@code 1 pamp = 0.001} nA. */
  public static final double pamp = 0.001;
  /** {@code 1 nA = 1} nA. */
  public static final double nA = 1;
  /** {@code 1 namp = 1} nA. */
  public static final double namp = 1;
  /** {@code 1 uA = 1000} nA. */
  public static final double uA = 1000;
  /** {@code 1 mA = 1e6} nA. */
  public static final double mA = 1e6;

  // conductance (coherent: uS)
  /** {@code 1 pS = 1e-6} uS. */
  public static final double pS = 1e-6;
  /** {@code 1 nS = 0.001} uS. */
  public static final double nS = 0.001;
  /** {@code 1 nsiemens = 0.001} uS. */
  public static final double nsiemens = 0.001;
  /** {@code 1 uS = 1} uS. */
  public static final double uS = 1;
  /** {@code 1 usiemens = 1} uS. */
  public static final double usiemens = 1;
  /** {@code 1 mS = 1000} uS. */
  public static final double mS = 1000;

  // capacitance (coherent: nF)
  /** {@code 1 pF = 0.001} nF. */
  public static final double pF = 0.001;
  /** {@code 1 pfarad = 0.001} nF. */
  public static final double pfarad = 0.001;
  /** {@code 1 nF = 1} nF. */
  public static final double nF = 1;
  /** {@code 1 nfarad = 1} nF. */
  public static final double nfarad = 1;
  /** {@code 1 uF = 1000} nF. */
  public static final double uF = 1000;

  // resistance (coherent: MOhm)
  /** {@code 1 Ohm = 1e-6} MOhm. */
  public static final double Ohm = 1e-6;
  /** {@code 1 kOhm = 0.001} MOhm. */
  public static final double kOhm = 0.001;
  /** {@code 1 MOhm = 1} MOhm. */
  public static final double MOhm = 1;
  /** {@code 1 Mohm = 1} MOhm. */
  public static final double Mohm = 1;
  /** {@code 1 GOhm = 1000} MOhm. */
  public static final double GOhm = 1000;
}
