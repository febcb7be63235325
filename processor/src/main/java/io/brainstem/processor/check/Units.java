package io.brainstem.processor.check;

import java.util.Set;

/**
 * Names of physical units as other simulators spell them (Brian2's {@code ms}, {@code mV},
 * {@code Hz}, ...). Brainstem numbers are plain doubles: time and {@code dt} are in milliseconds and
 * every other quantity is in whatever consistent units the model chooses (the library: mV for
 * potentials). A unit name in an equation without the import of
 * {@link io.brainstem.annotations.Units} is therefore a mistake worth a targeted message.
 */
public final class Units {
  private Units() {}

  /**
   * Units of time and frequency. {@code s} is left out on purpose: it is the usual name of a
   * synaptic gating state.
   */
  static final Set<String> TIME = Set.of(
      "ms", "msecond", "msec", "second", "seconds", "sec", "us", "usecond", "minute",
      "Hz", "hertz", "kHz", "khertz");

  /** Other units (voltage, current, conductance, capacitance, resistance, length, concentration). */
  static final Set<String> OTHER = Set.of(
      "mV", "mvolt", "volt", "uV", "uvolt", "nA", "namp", "pA", "pamp", "uA", "uamp", "mA", "amp",
      "nS", "nsiemens", "uS", "usiemens", "mS", "msiemens", "siemens", "pF", "pfarad", "nF",
      "nfarad", "uF", "ufarad", "farad", "ohm", "kohm", "Mohm", "cm", "mm", "um", "umetre",
      "umeter", "metre", "meter", "cm2", "um2", "mM", "uM", "mmolar", "molar");

  /** True if an undeclared {@code name} is probably a unit ({@code s} counts here: seconds). */
  public static boolean isUnit(String name) {
    return name.equals("s") || TIME.contains(name) || OTHER.contains(name);
  }

  public static boolean isTimeUnit(String name) {
    return name.equals("s") || TIME.contains(name);
  }

  /** The rule for an undeclared unit name {@code name} read in a body of {@code model}. */
  public static String rule(String name, String model) {
    return "'" + name + "' is not a variable of " + model + " and looks like a unit, but Brainstem"
        + " numbers are plain doubles: "
        + (isTimeUnit(name)
            ? "time and dt are in ms (so rates are per ms)"
            : "time is in ms and every other quantity in one consistent set of units of your"
                + " choice (e.g. mV for potentials, as the library does)");
  }

  /** The fix for {@link #rule}. */
  public static String fix(String name) {
    if (UnitConstants.value(name) != null) {
      return "Write 'import static io.brainstem.annotations.Units.*;' to use '" + name + "' as"
          + " in Brian2 (its value is in Brainstem's units: ms, mV, nA, uS, nF, MOhm), or drop"
          + " it and write the number in " + (isTimeUnit(name) ? "ms" : "the model's units")
          + (isTimeUnit(name)
              ? ": 'tau * ms' becomes 'tau', '5 * Hz' becomes '0.005' (per ms)."
              : ": '-65 * mV' becomes '-65.0'.");
    }
    return isTimeUnit(name)
        ? "Drop the unit and write the number in ms: 'tau * ms' becomes 'tau', '0.02 * second'"
            + " becomes '20.0', '5 * Hz' becomes '0.005' (per ms)."
        : "Drop the unit and write the number in the model's units: '-65 * mV' becomes '-65.0'.";
  }
}
