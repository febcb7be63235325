package io.brainstem.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Binary;
import io.brainstem.processor.ir.Expr.Call;
import io.brainstem.processor.ir.Expr.Compare;
import io.brainstem.processor.ir.Expr.Cond;
import io.brainstem.processor.ir.Expr.Logic;
import io.brainstem.processor.ir.Expr.Neg;
import io.brainstem.processor.ir.Expr.Not;
import io.brainstem.processor.ir.Expr.Num;
import io.brainstem.processor.ir.Expr.Ref;
import java.util.function.Function;

/**
 * Renders an {@link Expr} as Java source with the tree's exact shape: parentheses wherever Java's
 * precedence or left-associativity would otherwise regroup it, so the generated code performs the
 * same floating-point operations in the same order as the user's method.
 */
final class ExprRenderer {
  private static final int CONDITIONAL = 1;
  private static final int OR = 2;
  private static final int AND = 3;
  private static final int EQUALITY = 4;
  private static final int RELATIONAL = 5;
  private static final int ADDITIVE = 6;
  private static final int MULTIPLICATIVE = 7;
  private static final int UNARY = 8;
  private static final int PRIMARY = 9;

  private final Function<Ref, String> names;

  /** {@code names} maps each reference to the Java expression that holds its value. */
  ExprRenderer(Function<Ref, String> names) {
    this.names = names;
  }

  CodeBlock render(Expr e) {
    return render(e, 0);
  }

  private CodeBlock render(Expr e, int context) {
    CodeBlock code = bare(e);
    return precedence(e) < context ? CodeBlock.of("($L)", code) : code;
  }

  private CodeBlock bare(Expr e) {
    if (e instanceof Num n) {
      return CodeBlock.of("$L", literal(n.value()));
    } else if (e instanceof Ref r) {
      return CodeBlock.of("$L", names.apply(r));
    } else if (e instanceof Neg n) {
      return CodeBlock.of("-$L", operandOfUnary(n.operand()));
    } else if (e instanceof Not n) {
      return CodeBlock.of("!$L", operandOfUnary(n.operand()));
    } else if (e instanceof Binary b) {
      int p = precedence(b);
      return CodeBlock.of("$L $L $L", render(b.left(), p), b.op().symbol, right(b.right(), p));
    } else if (e instanceof Compare c) {
      int p = precedence(c);
      return CodeBlock.of("$L $L $L", render(c.left(), p), c.op().symbol, right(c.right(), p));
    } else if (e instanceof Logic l) {
      int p = precedence(l);
      return CodeBlock.of("$L $L $L", render(l.left(), p), l.op().symbol, right(l.right(), p));
    } else if (e instanceof Call c) {
      CodeBlock args = c.args().stream().map(this::render).collect(CodeBlock.joining(", "));
      return CodeBlock.of("$T.$L($L)", Math.class, c.fn().javaName, args);
    }
    Cond c = (Cond) e;
    return CodeBlock.of("$L ? $L : $L",
        render(c.test(), OR), render(c.then(), OR), render(c.otherwise(), OR));
  }

  /** A right operand binds tighter than its operator (left-associativity); unary ones get parens. */
  private CodeBlock right(Expr e, int operator) {
    return isUnary(e) ? CodeBlock.of("($L)", bare(e)) : render(e, operator + 1);
  }

  /** Parenthesised when itself unary, so {@code -(-x)} never becomes the {@code --} operator. */
  private CodeBlock operandOfUnary(Expr e) {
    return isUnary(e) ? CodeBlock.of("($L)", bare(e)) : render(e, UNARY);
  }

  private static boolean isUnary(Expr e) {
    return precedence(e) == UNARY;
  }

  private static int precedence(Expr e) {
    if (e instanceof Num n) {
      return isNegative(n.value()) ? UNARY : PRIMARY;
    } else if (e instanceof Neg || e instanceof Not) {
      return UNARY;
    } else if (e instanceof Binary b) {
      return switch (b.op()) {
        case ADD, SUB -> ADDITIVE;
        case MUL, DIV -> MULTIPLICATIVE;
      };
    } else if (e instanceof Compare c) {
      return switch (c.op()) {
        case EQ, NE -> EQUALITY;
        case LT, LE, GT, GE -> RELATIONAL;
      };
    } else if (e instanceof Logic l) {
      return switch (l.op()) {
        case AND -> AND;
        case OR -> OR;
      };
    } else if (e instanceof Cond) {
      return CONDITIONAL;
    }
    return PRIMARY;
  }

  private static boolean isNegative(double v) {
    return v < 0 || Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(-0.0);
  }

  /**
   * A Java literal with exactly this value; NaN and the infinities as constant divisions, which
   * name no type (a model variable called {@code Double} could shadow one).
   */
  static String literal(double v) {
    if (Double.isNaN(v)) {
      return "(0.0 / 0.0)";
    } else if (Double.isInfinite(v)) {
      return v > 0 ? "(1.0 / 0.0)" : "(-1.0 / 0.0)";
    }
    return Double.toString(v);
  }
}
