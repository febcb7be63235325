package io.brainstem.processor.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The names of units: symbols and SI prefixes for parsing, and how a unit reads in a message. */
final class UnitNames {
  private UnitNames() {}

  private static final Unit M = Unit.base(Unit.LENGTH);
  private static final Unit KG = Unit.base(Unit.MASS);
  private static final Unit S = Unit.base(Unit.TIME);
  private static final Unit A = Unit.base(Unit.CURRENT);
  private static final Unit MOL = Unit.base(Unit.AMOUNT);
  private static final Unit VOLT = KG.times(M.pow(2)).divide(S.pow(3)).divide(A);
  private static final Unit OHM = VOLT.divide(A);
  private static final Unit SIEMENS = OHM.pow(-1);
  private static final Unit FARAD = A.times(S).divide(VOLT);
  private static final Unit COULOMB = A.times(S);
  private static final Unit MOLAR = MOL.divide(M.pow(3)).scaled(3);
  private static final Unit PER_CM2 = M.pow(-2).scaled(4);

  /** Unit symbols without a prefix; long (Brian2) names map to the same units. */
  static final Map<String, Unit> SYMBOLS = new LinkedHashMap<>();

  /** SI prefixes and their powers of ten ({@code u}, {@code µ} and {@code μ} are micro). */
  static final Map<String, Integer> PREFIXES = new LinkedHashMap<>();

  static {
    put(S, "s", "second", "seconds");
    put(M, "m", "metre", "meter");
    put(KG.scaled(-3), "g", "gram");
    put(A, "A", "amp", "ampere");
    put(MOL, "mol");
    put(VOLT, "V", "volt");
    put(OHM, "Ohm", "ohm", "Ω");
    put(SIEMENS, "S", "siemens");
    put(FARAD, "F", "farad");
    put(S.pow(-1), "Hz", "hertz");
    put(COULOMB, "C", "coulomb");
    put(MOLAR, "M", "molar");
    String[] prefixes = {"f", "p", "n", "u", "µ", "μ", "m", "c", "k", "M", "G"};
    int[] decades = {-15, -12, -9, -6, -6, -6, -3, -2, 3, 6, 9};
    for (int i = 0; i < prefixes.length; i++) {
      PREFIXES.put(prefixes[i], decades[i]);
    }
  }

  private static void put(Unit unit, String... names) {
    for (String name : names) {
      SYMBOLS.put(name, unit);
    }
  }

  /** The unit a name such as {@code mV}, {@code MOhm}, {@code msecond} or {@code Hz} denotes, or null. */
  static Unit lookup(String name) {
    Unit unit = SYMBOLS.get(name);
    if (unit != null) {
      return unit;
    }
    for (Map.Entry<String, Integer> prefix : PREFIXES.entrySet()) {
      if (name.startsWith(prefix.getKey())) {
        Unit rest = SYMBOLS.get(name.substring(prefix.getKey().length()));
        if (rest != null) {
          return rest.scaled(prefix.getValue());
        }
      }
    }
    return null;
  }

  /** Names suggested for a misspelt unit. */
  static List<String> common() {
    List<String> names = new ArrayList<>(List.of("ms", "mV", "nA", "pA", "uA", "nS", "uS", "mS",
        "pF", "nF", "uF", "MOhm", "kOhm", "Hz", "cm", "um", "mM", "second", "volt", "amp"));
    names.addAll(SYMBOLS.keySet());
    return names;
  }

  /** A unit as messages name it, with the dimension's words. */
  private record Display(String symbol, Unit unit, String dimension) {}

  private static final List<Display> DISPLAYS = List.of(
      new Display("V", VOLT, "voltage"),
      new Display("A", A, "current"),
      new Display("S", SIEMENS, "conductance"),
      new Display("F", FARAD, "capacitance"),
      new Display("Ohm", OHM, "resistance"),
      new Display("s", S, "time"),
      new Display("C", COULOMB, "charge"),
      new Display("A/cm^2", A.times(PER_CM2), "current density"),
      new Display("S/cm^2", SIEMENS.times(PER_CM2), "conductance density"),
      new Display("F/cm^2", FARAD.times(PER_CM2), "capacitance density"),
      new Display("M", MOLAR, "concentration"),
      new Display("mol", MOL, "amount of substance"),
      new Display("m", M, "length"),
      new Display("m^2", M.pow(2), "area"));

  private static final Map<Integer, String> PREFIX_OF = Map.of(
      -15, "f", -12, "p", -9, "n", -6, "u", -3, "m", 0, "", 3, "k", 6, "M", 9, "G");

  static String format(Unit unit) {
    if (unit.isDimensionless()) {
      return unit.decades() == 0 ? "1" : "10^" + number(unit.decades());
    }
    String named = named(unit);
    if (named != null) {
      return named;
    }
    // Rates read per ms, Brainstem's time unit: mV/ms, 1/ms; noise coefficients per sqrt(ms).
    Unit perMs = unit.times(Unit.MS);
    if (perMs.isDimensionless() && perMs.decades() == 0) {
      return "1/ms";
    }
    if (perMs.isDimensionless()) {
      String prefix = PREFIX_OF.get((int) Math.rint(unit.decades()));
      return prefix != null && unit.decades() == Math.rint(unit.decades()) ? prefix + "Hz"
          : "10^" + number(unit.decades()) + " Hz";
    }
    for (int i = 0; i < TIME_POWERS.length; i++) {
      Unit timesTime = unit.times(Unit.MS.pow(TIME_POWERS[i]));
      named = timesTime.equals(Unit.ONE) && TIME_POWERS[i] > 0 ? "1" : named(timesTime);
      if (named != null) {
        return named + TIME_SUFFIXES[i];
      }
    }
    return base(unit);
  }

  /** Units read as a named unit per (or times) a power of ms, in this order of preference. */
  private static final double[] TIME_POWERS = {1, 0.5, 2, -1, -2};

  private static final String[] TIME_SUFFIXES = {"/ms", "/sqrt(ms)", "/ms^2", " ms", " ms^2"};

  private static final String[] TIME_WORDS = {
      " per time", " per sqrt(time)", " per time squared", " times time", " times time squared"};

  static String dimension(Unit unit) {
    if (unit.isDimensionless()) {
      return "dimensionless";
    }
    if (unit.sameDimension(Unit.MS.pow(-1))) {
      return "rate";
    }
    for (Display display : DISPLAYS) {
      if (unit.sameDimension(display.unit())) {
        return display.dimension();
      }
    }
    for (int i = 0; i < TIME_POWERS.length; i++) {
      Unit timesTime = unit.times(Unit.MS.pow(TIME_POWERS[i]));
      for (Display display : DISPLAYS) {
        if (timesTime.sameDimension(display.unit())) {
          return display.dimension() + TIME_WORDS[i];
        }
      }
    }
    return base(unit.unscaled());
  }

  /** {@code mV}, {@code uA/cm^2}, or {@code 10^-2 V} when no prefix fits; null for other dimensions. */
  private static String named(Unit unit) {
    for (Display display : DISPLAYS) {
      if (unit.sameDimension(display.unit())) {
        double decades = unit.decadesOver(display.unit());
        String prefix = decades == Math.rint(decades) ? PREFIX_OF.get((int) decades) : null;
        return prefix != null ? prefix + display.symbol()
            : "10^" + number(decades) + " " + display.symbol();
      }
    }
    return null;
  }

  /** In SI base units, e.g. {@code 10^-3 kg m^2 s^-4 A^-1}. */
  private static String base(Unit unit) {
    StringBuilder text = new StringBuilder();
    if (unit.decades() != 0) {
      text.append("10^").append(number(unit.decades()));
    }
    for (int i = 0; i < Unit.BASES.length; i++) {
      double exponent = unit.exponent(i);
      if (exponent != 0) {
        text.append(text.length() == 0 ? "" : " ").append(Unit.BASES[i]);
        if (exponent != 1) {
          text.append('^').append(number(exponent));
        }
      }
    }
    return text.toString();
  }

  private static String number(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }
}
