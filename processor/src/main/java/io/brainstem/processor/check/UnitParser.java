package io.brainstem.processor.check;

/**
 * Parses a unit as a neuroscientist writes it: {@code ms}, {@code mV}, {@code nA}, {@code uA/cm^2}
 * (or {@code uA/cm2}), {@code mS/cm^2}, {@code MOhm}, {@code Hz}, {@code 1/ms}, {@code 1}
 * (dimensionless), Brian2's long names ({@code msecond}, {@code mvolt}, {@code nsiemens}), and
 * products ({@code *}, {@code ·} or a space), quotients ({@code /}, left to right), powers
 * ({@code ^2}, {@code **-1}, a trailing digit as in {@code cm2}) and parentheses.
 */
public final class UnitParser {
  private final String text;
  private int at;

  private UnitParser(String text) {
    this.text = text;
  }

  /** The unit {@code text} denotes; {@link IllegalArgumentException} says what is wrong. */
  public static Unit parse(String text) {
    UnitParser parser = new UnitParser(text);
    Unit unit = parser.product();
    parser.skipSpaces();
    if (parser.at < text.length()) {
      throw parser.error("unexpected '" + text.charAt(parser.at) + "'");
    }
    return unit;
  }

  private Unit product() {
    Unit unit = power();
    while (true) {
      boolean spaced = skipSpaces();
      if (at >= text.length() || peek() == ')') {
        return unit;
      }
      char c = peek();
      if (c == '*' && !text.startsWith("**", at) || c == '·') {
        at++;
        unit = unit.times(power());
      } else if (c == '/') {
        at++;
        unit = unit.divide(power());
      } else if (spaced && startsFactor(c)) {
        unit = unit.times(power());
      } else {
        throw error("unexpected '" + c + "'");
      }
    }
  }

  private Unit power() {
    Unit unit = atom();
    int end = at;
    skipSpaces();
    if (text.startsWith("**", at)) {
      at += 2;
    } else if (at < text.length() && peek() == '^') {
      at++;
    } else {
      at = end; // a space before the next factor multiplies
      return unit;
    }
    return raise(unit, exponent());
  }

  private Unit atom() {
    skipSpaces();
    if (at >= text.length()) {
      throw error("a unit is missing");
    }
    char c = peek();
    if (c == '(') {
      at++;
      Unit inner = product();
      if (at >= text.length() || peek() != ')') {
        throw error("')' is missing");
      }
      at++;
      return inner;
    }
    if (Character.isDigit(c)) {
      int start = at;
      while (at < text.length() && (Character.isDigit(peek()) || peek() == '.')) {
        at++;
      }
      if (Double.parseDouble(text.substring(start, at)) != 1) {
        throw error("'" + text.substring(start, at) + "' is not a unit; only '1' (as in '1/ms')"
            + " may be written as a number");
      }
      return Unit.ONE;
    }
    if (!isLetter(c)) {
      throw error("unexpected '" + c + "'");
    }
    int start = at;
    while (at < text.length() && isLetter(peek())) {
      at++;
    }
    String name = text.substring(start, at);
    Unit unit = UnitNames.lookup(name);
    if (unit == null) {
      at = start;
      throw error("'" + name + "' is not a unit"
          + Suggestions.didYouMean(name, UnitNames.common()));
    }
    int digits = at;
    while (at < text.length() && Character.isDigit(peek())) {
      at++;
    }
    return digits == at ? unit : raise(unit, Integer.parseInt(text.substring(digits, at)));
  }

  private double exponent() {
    skipSpaces();
    int start = at;
    if (at < text.length() && (peek() == '-' || peek() == '+')) {
      at++;
    }
    while (at < text.length() && (Character.isDigit(peek()) || peek() == '.')) {
      at++;
    }
    try {
      return Double.parseDouble(text.substring(start, at));
    } catch (NumberFormatException e) {
      at = start;
      throw error("an exponent (a number such as 2 or -1) is missing");
    }
  }

  private Unit raise(Unit unit, double exponent) {
    Unit result = unit.pow(exponent);
    if (result == null) {
      throw error("only whole and half powers of a unit are units");
    }
    return result;
  }

  private boolean skipSpaces() {
    int start = at;
    while (at < text.length() && Character.isWhitespace(peek())) {
      at++;
    }
    return at > start;
  }

  private char peek() {
    return text.charAt(at);
  }

  private static boolean startsFactor(char c) {
    return isLetter(c) || Character.isDigit(c) || c == '(';
  }

  private static boolean isLetter(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(
        "'" + text + "' is not a unit I can read: " + what + " (at character " + (at + 1) + ")");
  }
}
