package io.brainstem.processor.ir;

import java.util.List;

/**
 * An expression of the model DSL, independent of javac. Parse builds it from method bodies exactly
 * as written (no reassociation), so rendering it back gives the same IEEE-754 operations in the same
 * order as the user's own method; integrate derives new expressions from it.
 */
public sealed interface Expr {

  /** A numeric literal. */
  record Num(double value) implements Expr {}

  /** A reference to a model variable, an integrator temporary, or the clock. */
  record Ref(String name, RefKind kind) implements Expr {}

  /** Arithmetic negation. */
  record Neg(Expr operand) implements Expr {}

  /** {@code left op right} for {@code + - * /}. */
  record Binary(BinOp op, Expr left, Expr right) implements Expr {}

  /** A call of a supported {@code Math} function. */
  record Call(Fn fn, List<Expr> args) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** {@code test ? then : otherwise}. */
  record Cond(Expr test, Expr then, Expr otherwise) implements Expr {}

  /** A comparison; boolean-valued. */
  record Compare(CmpOp op, Expr left, Expr right) implements Expr {}

  /** {@code &&} or {@code ||}; boolean-valued. */
  record Logic(LogicOp op, Expr left, Expr right) implements Expr {}

  /** {@code !operand}; boolean-valued. */
  record Not(Expr operand) implements Expr {}

  enum RefKind {
    PARAM,
    STATE,
    INPUT,
    /** A postsynaptic variable read by a synapse ({@code @Post}). */
    POST,
    /** A presynaptic variable read by a graded synapse ({@code @Pre}). */
    PRE,
    /** The time at the start of the step, {@code t}. */
    TIME,
    /** The step size, {@code dt}. */
    DT,
    /** A temporary introduced by an integrator (a stage value or slope). */
    LOCAL,
    /**
     * A local of the user's method body ({@code final double alpha = ...;}); its value is in the
     * {@code locals} of the {@link ModelIR.Ode}, {@link ModelIR.Noise}, {@link ModelIR.Threshold}
     * or {@link ModelIR.Output} that reads it. Integrate turns each into a {@link #LOCAL} (a let)
     * before anything is emitted.
     */
    BODY
  }

  enum BinOp {
    ADD("+"),
    SUB("-"),
    MUL("*"),
    DIV("/");

    public final String symbol;

    BinOp(String symbol) {
      this.symbol = symbol;
    }
  }

  enum CmpOp {
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    EQ("=="),
    NE("!=");

    public final String symbol;

    CmpOp(String symbol) {
      this.symbol = symbol;
    }
  }

  enum LogicOp {
    AND("&&"),
    OR("||");

    public final String symbol;

    LogicOp(String symbol) {
      this.symbol = symbol;
    }
  }

  /** Supported functions; {@code javaName} is the {@code java.lang.Math} method. */
  enum Fn {
    EXP("exp", 1),
    LOG("log", 1),
    SQRT("sqrt", 1),
    POW("pow", 2),
    TANH("tanh", 1),
    ABS("abs", 1),
    MIN("min", 2),
    MAX("max", 2),
    /** Periodic drive (e.g. an oscillating input or rate); arguments in radians. */
    SIN("sin", 1),
    COS("cos", 1),
    /** {@code expm1}: used by integrators for an accurate {@code exprel}; also accepted in bodies. */
    EXPM1("expm1", 1);

    public final String javaName;
    public final int arity;

    Fn(String javaName, int arity) {
      this.javaName = javaName;
      this.arity = arity;
    }
  }
}
