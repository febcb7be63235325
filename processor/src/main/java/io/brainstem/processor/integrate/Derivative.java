package io.brainstem.processor.integrate;

import static io.brainstem.processor.integrate.Exprs.add;
import static io.brainstem.processor.integrate.Exprs.div;
import static io.brainstem.processor.integrate.Exprs.mul;
import static io.brainstem.processor.integrate.Exprs.num;
import static io.brainstem.processor.integrate.Exprs.sub;

import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Binary;
import io.brainstem.processor.ir.Expr.Call;
import io.brainstem.processor.ir.Expr.CmpOp;
import io.brainstem.processor.ir.Expr.Compare;
import io.brainstem.processor.ir.Expr.Cond;
import io.brainstem.processor.ir.Expr.Fn;
import io.brainstem.processor.ir.Expr.Neg;
import io.brainstem.processor.ir.Expr.Num;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import java.util.List;

/**
 * Symbolic partial derivative of a real-valued {@link Expr}. The result is unsimplified (run it
 * through {@link Simplifier}); non-differentiable points follow one side ({@code abs} at 0 has slope
 * +1, {@code min}/{@code max} at a tie take the first argument's slope).
 */
public final class Derivative {
  private Derivative() {}

  /** {@code ∂e/∂variable}, where {@code variable} names a model variable (not an integrator local). */
  public static Expr of(Expr e, String variable) {
    if (e instanceof Num) {
      return num(0);
    } else if (e instanceof Ref r) {
      return num(r.kind() != RefKind.LOCAL && r.name().equals(variable) ? 1 : 0);
    } else if (e instanceof Neg n) {
      return new Neg(of(n.operand(), variable));
    } else if (e instanceof Binary b) {
      return binary(b, variable);
    } else if (e instanceof Call c) {
      return call(c, variable);
    } else if (e instanceof Cond c) {
      return new Cond(c.test(), of(c.then(), variable), of(c.otherwise(), variable));
    }
    throw new IllegalArgumentException("cannot differentiate the boolean expression " + e);
  }

  private static Expr binary(Binary b, String x) {
    Expr u = b.left();
    Expr v = b.right();
    Expr du = of(u, x);
    Expr dv = of(v, x);
    return switch (b.op()) {
      case ADD -> add(du, dv);
      case SUB -> sub(du, dv);
      case MUL -> add(mul(du, v), mul(u, dv));
      // The quotient rule only when the divisor varies: keeps d(f/tau) = df/tau compact.
      case DIV -> Exprs.mentions(v, x)
          ? div(sub(mul(du, v), mul(u, dv)), mul(v, v))
          : div(du, v);
    };
  }

  private static Expr call(Call c, String x) {
    Expr a = c.args().get(0);
    Expr da = of(a, x);
    return switch (c.fn()) {
      case EXP, EXPM1 -> mul(new Call(Fn.EXP, List.of(a)), da);
      case LOG -> div(da, a);
      case SQRT -> div(da, mul(num(2), c));
      case TANH -> mul(sub(num(1), mul(c, c)), da);
      case ABS -> new Cond(new Compare(CmpOp.LT, a, num(0)), new Neg(da), da);
      case MIN -> new Cond(new Compare(CmpOp.LE, a, c.args().get(1)), da, of(c.args().get(1), x));
      case MAX -> new Cond(new Compare(CmpOp.GE, a, c.args().get(1)), da, of(c.args().get(1), x));
      case POW -> pow(c, a, c.args().get(1), da, x);
    };
  }

  /** Power rule when the exponent is constant in {@code x}, else {@code a^b·(b'·ln a + b·a'/a)}. */
  private static Expr pow(Call c, Expr a, Expr b, Expr da, String x) {
    if (!Exprs.mentions(b, x)) {
      Expr lowered = b instanceof Num n ? num(n.value() - 1) : sub(b, num(1));
      return mul(mul(b, new Call(Fn.POW, List.of(a, lowered))), da);
    }
    Expr db = of(b, x);
    return mul(c, add(mul(db, new Call(Fn.LOG, List.of(a))), div(mul(b, da), a)));
  }
}
