package io.brainstem.processor;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random well-formed expressions of the model DSL (docs/writing-models.md, "What a method body may
 * contain"), as Java source with only the parentheses precedence needs (plus some redundant ones).
 * Integer subexpressions are kept to what the DSL accepts: constants that fold without overflow,
 * never divided by each other, never a {@code ?:} of integers. Functions whose domain is limited
 * are often, not always, given a safe argument, so that most runs stay finite.
 */
final class FuzzExpressions {
  /** Java precedence levels, lowest first. */
  private static final int TERNARY = 1;
  private static final int OR = 2;
  private static final int AND = 3;
  private static final int EQUALITY = 4;
  private static final int RELATIONAL = 5;
  private static final int ADDITIVE = 6;
  private static final int MULTIPLICATIVE = 7;
  private static final int UNARY = 8;
  private static final int PRIMARY = 9;

  /** Source text, its precedence, and the value when it is an integer constant (else null). */
  record Code(String text, int precedence, Long intValue) {
    static Code dbl(String text, int precedence) {
      return new Code(text, precedence, null);
    }

    boolean isInt() {
      return intValue != null;
    }
  }

  private final Random random;
  private final List<String> names;
  private final boolean transcendental;

  /**
   * Expressions reading {@code names} (model variables, locals, {@code t}); {@code transcendental}
   * allows exp, log, tanh, pow and expm1 (which vector kernels compute with another library).
   */
  FuzzExpressions(Random random, List<String> names, boolean transcendental) {
    this.random = random;
    this.names = names;
    this.transcendental = transcendental;
  }

  /** A numeric expression of at most {@code depth} levels, typed double (never an integer). */
  String number(int depth) {
    Code c = numeric(depth);
    if (c.isInt()) {
      // e.g. "3" is fine in Java, but keep double-typed values where callers combine them freely
      return wrap(c, ADDITIVE).text() + " * 1.0";
    }
    return c.text();
  }

  /** A condition of at most {@code depth} levels. */
  String condition(int depth) {
    return bool(depth).text();
  }

  Code numeric(int depth) {
    if (depth <= 0 || random.nextInt(10) < 2) {
      return leaf();
    }
    int pick = random.nextInt(100);
    if (pick < 45) {
      return binary(depth);
    }
    if (pick < 55) {
      return negate(numeric(depth - 1));
    }
    if (pick < 85) {
      return call(depth);
    }
    if (pick < 93) {
      return ternary(depth);
    }
    Code inner = numeric(depth - 1);
    return new Code("(" + inner.text() + ")", PRIMARY, inner.intValue());
  }

  private Code leaf() {
    int pick = random.nextInt(100);
    if (pick < 55 && !names.isEmpty()) {
      return Code.dbl(names.get(random.nextInt(names.size())), PRIMARY);
    }
    if (pick < 70) {
      long v = random.nextInt(12);
      return new Code(Long.toString(v), PRIMARY, v);
    }
    if (pick < 74) {
      return Code.dbl(random.nextBoolean() ? "Math.PI" : "Math.E", PRIMARY);
    }
    return Code.dbl(doubleLiteral(), PRIMARY);
  }

  /** A non-negative double literal in one of Java's spellings. */
  String doubleLiteral() {
    double[] values = {0.0, 0.5, 1.0, 2.0, 0.25, 3.0, 10.0, 0.1, 1e-3, 1.5, 7.25, 100.0, 0.3};
    double v = values[random.nextInt(values.length)];
    switch (random.nextInt(4)) {
      case 0:
        return Double.toString(v);
      case 1:
        return String.format(Locale.ROOT, "%.4f", v);
      case 2:
        return String.format(Locale.ROOT, "%e", v);
      default:
        return v == Math.rint(v) && v < 1000 ? (long) v + ".0" : Double.toString(v);
    }
  }

  private Code binary(int depth) {
    String[] ops = {"+", "-", "*", "/"};
    String op = ops[random.nextInt(ops.length)];
    Code left = numeric(depth - 1);
    Code right = op.equals("/") && random.nextInt(3) > 0 ? safeDenominator(depth - 1)
        : numeric(depth - 1);
    if (left.isInt() && right.isInt()) {
      Long folded = fold(op, left.intValue(), right.intValue());
      if (folded == null) {
        right = Code.dbl(doubleLiteral(), PRIMARY);
      } else {
        return new Code(render(left, op, right), op.equals("*") || op.equals("/")
            ? MULTIPLICATIVE : ADDITIVE, folded);
      }
    }
    int precedence = op.equals("*") || op.equals("/") ? MULTIPLICATIVE : ADDITIVE;
    return Code.dbl(render(left, op, right), precedence);
  }

  /** Java's value of a constant int operation, or null when the DSL refuses it (division, overflow). */
  private static Long fold(String op, long a, long b) {
    long v;
    switch (op) {
      case "+":
        v = a + b;
        break;
      case "-":
        v = a - b;
        break;
      case "*":
        v = a * b;
        break;
      default:
        return null;
    }
    return Math.abs(v) < 1_000_000 ? v : null;
  }

  private static String render(Code left, String op, Code right) {
    int precedence = op.equals("*") || op.equals("/") ? MULTIPLICATIVE : ADDITIVE;
    // left-associative: the right operand needs parentheses at the same level
    return wrap(left, precedence).text() + " " + op + " " + wrap(right, precedence + 1).text();
  }

  /** A denominator away from zero: 1 + |x|, or 0.5 + x * x. */
  private Code safeDenominator(int depth) {
    if (random.nextBoolean()) {
      return Code.dbl("(1.0 + Math.abs(" + number(depth) + "))", PRIMARY);
    }
    Code x = wrap(numeric(depth), MULTIPLICATIVE + 1);
    return Code.dbl("(0.5 + " + x.text() + " * " + x.text() + ")", PRIMARY);
  }

  private Code negate(Code operand) {
    Code inner = wrap(operand, UNARY);
    String text = inner.text().startsWith("-") ? "-(" + inner.text() + ")" : "-" + inner.text();
    return new Code(text, UNARY, operand.isInt() ? -operand.intValue() : null);
  }

  private Code call(int depth) {
    String[] plain = {"sqrt", "abs", "min", "max"};
    String[] all = {"sqrt", "abs", "min", "max", "exp", "log", "tanh", "pow", "expm1"};
    String[] fns = transcendental ? all : plain;
    String fn = fns[random.nextInt(fns.length)];
    boolean safe = random.nextInt(4) > 0;
    switch (fn) {
      case "min":
      case "max": {
        Code a = numeric(depth - 1);
        Code b = numeric(depth - 1);
        String text = "Math." + fn + "(" + a.text() + ", " + b.text() + ")";
        if (a.isInt() && b.isInt()) {
          return new Code(text, PRIMARY,
              fn.equals("min") ? Math.min(a.intValue(), b.intValue())
                  : Math.max(a.intValue(), b.intValue()));
        }
        return Code.dbl(text, PRIMARY);
      }
      case "abs": {
        Code a = numeric(depth - 1);
        return new Code("Math.abs(" + a.text() + ")", PRIMARY,
            a.isInt() ? Math.abs(a.intValue()) : null);
      }
      case "pow": {
        String base = safe ? "0.5 + Math.abs(" + number(depth - 1) + ")" : numeric(depth - 1).text();
        String[] exponents = {"2", "3", "0.5", "-1.5", "2.0", "1.0 / 3"};
        String exponent = random.nextBoolean() ? exponents[random.nextInt(exponents.length)]
            : safe ? "Math.tanh(" + number(depth - 1) + ")" : numeric(depth - 1).text();
        return Code.dbl("Math.pow(" + base + ", " + exponent + ")", PRIMARY);
      }
      case "sqrt":
      case "log": {
        String arg = safe ? "1.0 + Math.abs(" + number(depth - 1) + ")" : numeric(depth - 1).text();
        return Code.dbl("Math." + fn + "(" + arg + ")", PRIMARY);
      }
      case "exp":
      case "expm1": {
        String arg = safe ? "-Math.abs(" + number(depth - 1) + ")" : numeric(depth - 1).text();
        return Code.dbl("Math." + fn + "(" + arg + ")", PRIMARY);
      }
      default:
        return Code.dbl("Math." + fn + "(" + numeric(depth - 1).text() + ")", PRIMARY);
    }
  }

  private Code ternary(int depth) {
    Code test = bool(depth - 1);
    Code then = numeric(depth - 1);
    Code otherwise = numeric(depth - 1);
    if (then.isInt() && otherwise.isInt()) {
      otherwise = Code.dbl(doubleLiteral(), PRIMARY); // an int '?:' is BS307 under arithmetic
    }
    return Code.dbl(wrap(test, OR).text() + " ? " + wrap(then, OR).text() + " : "
        + wrap(otherwise, OR).text(), TERNARY);
  }

  private Code bool(int depth) {
    int pick = depth <= 0 ? 0 : random.nextInt(100);
    if (pick < 60) {
      String[] ops = {"<", "<=", ">", ">=", "==", "!="};
      String op = ops[random.nextInt(random.nextInt(5) == 0 ? 6 : 4)];
      Code left = numeric(Math.max(0, depth - 1));
      Code right = numeric(Math.max(0, depth - 1));
      int precedence = op.length() == 2 && op.charAt(1) == '=' && op.charAt(0) != '<'
          && op.charAt(0) != '>' ? EQUALITY : RELATIONAL;
      return Code.dbl(wrap(left, ADDITIVE).text() + " " + op + " "
          + wrap(right, ADDITIVE).text(), precedence);
    }
    if (pick < 75) {
      Code operand = bool(depth - 1);
      return Code.dbl("!" + wrap(operand, UNARY).text(), UNARY);
    }
    if (pick < 95) {
      boolean and = random.nextBoolean();
      int precedence = and ? AND : OR;
      Code left = bool(depth - 1);
      Code right = bool(depth - 1);
      return Code.dbl(wrap(left, precedence).text() + (and ? " && " : " || ")
          + wrap(right, precedence + 1).text(), precedence);
    }
    Code inner = bool(depth - 1);
    return Code.dbl("(" + inner.text() + ")", PRIMARY);
  }

  /** {@code code} in parentheses when its precedence is below {@code needed}. */
  private static Code wrap(Code code, int needed) {
    return code.precedence() >= needed ? code
        : new Code("(" + code.text() + ")", PRIMARY, code.intValue());
  }
}
