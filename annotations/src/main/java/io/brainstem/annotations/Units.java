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
  public static final double ms = 1;
  public static final double msecond = 1;
  public static final double us = 0.001;
  public static final double second = 1000;

  // rate (coherent: 1/ms)
  public static final double Hz = 0.001;
  public static final double hertz = 0.001;
  public static final double kHz = 1;

  // potential (coherent: mV)
  public static final double uV = 0.001;
  public static final double mV = 1;
  public static final double mvolt = 1;
  public static final double V = 1000;
  public static final double volt = 1000;

  // current (coherent: nA)
  public static final double pA = 0.001;
  public static final double pamp = 0.001;
  public static final double nA = 1;
  public static final double namp = 1;
  public static final double uA = 1000;
  public static final double mA = 1e6;

  // conductance (coherent: uS)
  public static final double pS = 1e-6;
  public static final double nS = 0.001;
  public static final double nsiemens = 0.001;
  public static final double uS = 1;
  public static final double usiemens = 1;
  public static final double mS = 1000;

  // capacitance (coherent: nF)
  public static final double pF = 0.001;
  public static final double pfarad = 0.001;
  public static final double nF = 1;
  public static final double nfarad = 1;
  public static final double uF = 1000;

  // resistance (coherent: MOhm)
  public static final double Ohm = 1e-6;
  public static final double kOhm = 0.001;
  public static final double MOhm = 1;
  public static final double Mohm = 1;
  public static final double GOhm = 1000;
}
