package io.brainstem.processor.integrate;

import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.BinOp;
import io.brainstem.processor.ir.Expr.Binary;
import io.brainstem.processor.ir.Expr.Call;
import io.brainstem.processor.ir.Expr.Compare;
import io.brainstem.processor.ir.Expr.Cond;
import io.brainstem.processor.ir.Expr.Logic;
import io.brainstem.processor.ir.Expr.Neg;
import io.brainstem.processor.ir.Expr.Not;
import io.brainstem.processor.ir.Expr.Num;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Algebraic clean-up of expressions the integrators derive (never of the user's own right-hand
 * sides, which are rendered exactly as parsed, nor of the parts a derivative copies from them:
 * see {@link #simplifyDerived}). Bottom-up constant folding and identities such as
 * {@code x + 0}, {@code 0·x}, {@code 1·x}, {@code x/1}, {@code −−x}, {@code (−a)/b → −(a/b)}.
 *
 * <p>{@code 0·x → 0} is only valid for finite {@code x}; that holds for the slopes we derive.
 */
public final class Simplifier {
  private Simplifier() {}

  public static Expr simplify(Expr e) {
    return simplify(e, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /**
   * {@code derived}, an expression derived from {@code source} (such as its derivative), simplified
   * except for the parts it copied from {@code source} (the same objects), which stay exactly as the
   * user wrote them. Besides being faithful to the user's arithmetic, this keeps such a part equal
   * to its occurrence in {@code source}, so kernels can compute it once for both
   * ({@link CommonSubexpressions}).
   */
  public static Expr simplifyDerived(Expr derived, Expr source) {
    Set<Expr> verbatim = Collections.newSetFromMap(new IdentityHashMap<>());
    collect(source, verbatim);
    return simplify(derived, verbatim);
  }

  private static void collect(Expr e, Set<Expr> out) {
    out.add(e);
    Exprs.children(e).forEach(child -> collect(child, out));
  }

  private static Expr simplify(Expr e, Set<Expr> verbatim) {
    if (verbatim.contains(e)) {
      return e;
    } else if (e instanceof Neg n) {
      return neg(simplify(n.operand(), verbatim));
    } else if (e instanceof Binary b) {
      return binary(b.op(), simplify(b.left(), verbatim), simplify(b.right(), verbatim));
    } else if (e instanceof Call c) {
      return call(new Call(c.fn(), c.args().stream().map(a -> simplify(a, verbatim)).toList()));
    } else if (e instanceof Cond c) {
      Expr then = simplify(c.then(), verbatim);
      Expr otherwise = simplify(c.otherwise(), verbatim);
      // Derived zeros may carry either sign (0 vs -0); both branches are then the same value.
      boolean sameNumber = then instanceof Num a && otherwise instanceof Num b && a.value() == b.value();
      return then.equals(otherwise) || sameNumber
          ? then
          : new Cond(simplify(c.test(), verbatim), then, otherwise);
    } else if (e instanceof Compare c) {
      return new Compare(c.op(), simplify(c.left(), verbatim), simplify(c.right(), verbatim));
    } else if (e instanceof Logic l) {
      return new Logic(l.op(), simplify(l.left(), verbatim), simplify(l.right(), verbatim));
    } else if (e instanceof Not n) {
      return new Not(simplify(n.operand(), verbatim));
    }
    return e;
  }

  private static Expr neg(Expr a) {
    if (a instanceof Num n) {
      return new Num(-n.value());
    }
    if (a instanceof Neg n) {
      return n.operand();
    }
    return new Neg(a);
  }

  private static Expr binary(BinOp op, Expr a, Expr b) {
    if (a instanceof Num x && b instanceof Num y && !(op == BinOp.DIV && y.value() == 0)) {
      return new Num(fold(op, x.value(), y.value()));
    }
    return switch (op) {
      case ADD -> {
        if (isNum(b, 0)) yield a;
        if (isNum(a, 0)) yield b;
        if (b instanceof Neg nb) yield binary(BinOp.SUB, a, nb.operand());
        if (a instanceof Neg na) yield binary(BinOp.SUB, b, na.operand());
        yield new Binary(op, a, b);
      }
      case SUB -> {
        if (isNum(b, 0)) yield a;
        if (isNum(a, 0)) yield neg(b);
        if (b instanceof Neg nb) yield binary(BinOp.ADD, a, nb.operand());
        yield new Binary(op, a, b);
      }
      case MUL -> {
        if (isNum(a, 0) || isNum(b, 0)) yield new Num(0);
        if (isNum(a, 1)) yield b;
        if (isNum(b, 1)) yield a;
        if (isNum(a, -1)) yield neg(b);
        if (isNum(b, -1)) yield neg(a);
        if (a instanceof Neg na) yield neg(binary(op, na.operand(), b));
        if (b instanceof Neg nb) yield neg(binary(op, a, nb.operand()));
        yield new Binary(op, a, b);
      }
      case DIV -> {
        if (isNum(a, 0)) yield new Num(0);
        if (isNum(b, 1)) yield a;
        if (isNum(b, -1)) yield neg(a);
        if (a instanceof Neg na) yield neg(binary(op, na.operand(), b));
        if (b instanceof Neg nb) yield neg(binary(op, a, nb.operand()));
        yield new Binary(op, a, b);
      }
    };
  }

  private static Expr call(Call c) {
    if (!c.args().stream().allMatch(a -> a instanceof Num)) {
      return c;
    }
    double x = ((Num) c.args().get(0)).value();
    double y = c.args().size() > 1 ? ((Num) c.args().get(1)).value() : 0;
    return new Num(switch (c.fn()) {
      case EXP -> Math.exp(x);
      case LOG -> Math.log(x);
      case SQRT -> Math.sqrt(x);
      case POW -> Math.pow(x, y);
      case TANH -> Math.tanh(x);
      case SIN -> Math.sin(x);
      case COS -> Math.cos(x);
      case ABS -> Math.abs(x);
      case MIN -> Math.min(x, y);
      case MAX -> Math.max(x, y);
      case EXPM1 -> Math.expm1(x);
    });
  }

  private static double fold(BinOp op, double x, double y) {
    return switch (op) {
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      case DIV -> x / y;
    };
  }

  private static boolean isNum(Expr e, double value) {
    return e instanceof Num n && n.value() == value;
  }
}
