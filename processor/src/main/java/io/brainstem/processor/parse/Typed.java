package io.brainstem.processor.parse;

import io.brainstem.processor.ir.Expr;

/**
 * A parsed expression with its Java static type, which decides whether Java would evaluate it in
 * {@code double} (as the generated code does) or in a narrower type. {@code intValue} is the exact
 * value of an integer-typed constant, used to detect overflow; null when unknown or not integral.
 */
record Typed(Expr expr, JavaType type, Long intValue) {

  enum JavaType {
    INT,
    LONG,
    FLOAT,
    DOUBLE,
    BOOLEAN;

    boolean isNumeric() {
      return this != BOOLEAN;
    }

    boolean isIntegral() {
      return this == INT || this == LONG;
    }

    /** Java's binary numeric promotion. */
    static JavaType promote(JavaType a, JavaType b) {
      return a.ordinal() >= b.ordinal() ? a : b;
    }
  }

  static Typed of(Expr expr, JavaType type) {
    return new Typed(expr, type, null);
  }
}
