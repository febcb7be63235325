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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Symbolic partial derivative of a real-valued {@link Expr}. The result is unsimplified (run it
 * through {@link Simplifier}); non-differentiable points follow one side ({@code abs} at 0 has slope
 * +1, {@code min}/{@code max} at a tie take the first argument's slope).
 *
 * <p>Body locals ({@link RefKind#BODY}) are differentiated by the chain rule: the derivative of a
 * local is itself a new body local ({@code alpha'V}, defined after the locals it reads), unless it
 * simplifies to a number or a reference, which is used directly. So the derivative of a body stays
 * linear in its size however often its locals are read.
 */
public final class Derivative {
  private final String variable;
  private final Map<String, Expr> locals;
  private final Map<String, Expr> derivatives = new HashMap<>();
  private final Map<String, Boolean> dependence = new HashMap<>();

  private Derivative(String variable, Map<String, Expr> locals) {
    this.variable = variable;
    this.locals = locals;
  }

  /** {@code ∂e/∂variable}, where {@code variable} names a model variable (not an integrator local). */
  public static Expr of(Expr e, String variable) {
    return of(e, variable, new HashMap<>());
  }

  /**
   * {@code ∂e/∂variable} where {@code e} may read the body locals defined in {@code locals}
   * (mutable, in declaration order); the derivatives of locals it needs are added to it, each after
   * the locals its value reads.
   */
  public static Expr of(Expr e, String variable, Map<String, Expr> locals) {
    Derivative derivative = new Derivative(variable, locals);
    // The locals e reads first, in declaration order: each then finds the ones it reads done, so
    // the recursion is as deep as one expression, not as long as a chain of locals.
    for (String name : Exprs.localsRead(e, locals)) {
      derivative.depends(new Ref(name, RefKind.BODY));
      derivative.local(name);
    }
    return derivative.d(e);
  }

  /** The name of the body local holding {@code ∂local/∂variable}: no Java identifier has it. */
  static String derivativeName(String local, String variable) {
    return local + "'" + variable;
  }

  private Expr d(Expr e) {
    if (e instanceof Num) {
      return num(0);
    } else if (e instanceof Ref r && r.kind() == RefKind.BODY) {
      return local(r.name());
    } else if (e instanceof Ref r) {
      return num(r.kind() != RefKind.LOCAL && r.name().equals(variable) ? 1 : 0);
    } else if (e instanceof Neg n) {
      return new Neg(d(n.operand()));
    } else if (e instanceof Binary b) {
      return binary(b);
    } else if (e instanceof Call c) {
      return call(c);
    } else if (e instanceof Cond c) {
      return new Cond(c.test(), d(c.then()), d(c.otherwise()));
    }
    throw new IllegalArgumentException("cannot differentiate the boolean expression " + e);
  }

  private Expr local(String name) {
    Expr known = derivatives.get(name);
    if (known != null) {
      return known;
    }
    Expr value = locals.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no value for the body local " + name);
    }
    Expr derived = Simplifier.simplifyDerived(d(value), value);
    Expr out = derived;
    if (Uniformity.isNonTrivial(derived)) {
      String dName = derivativeName(name, variable);
      locals.put(dName, derived);
      out = new Ref(dName, RefKind.BODY);
    }
    derivatives.put(name, out);
    return out;
  }

  /** True when {@code e} reads {@code variable}, directly or through body locals. */
  private boolean depends(Expr e) {
    if (e instanceof Ref r && r.kind() == RefKind.BODY) {
      Boolean known = dependence.get(r.name());
      if (known == null) {
        known = depends(locals.get(r.name()));
        dependence.put(r.name(), known);
      }
      return known;
    } else if (e instanceof Ref r) {
      return r.kind() != RefKind.LOCAL && r.name().equals(variable);
    }
    for (Expr child : Exprs.children(e)) {
      if (depends(child)) {
        return true;
      }
    }
    return false;
  }

  private Expr binary(Binary b) {
    Expr u = b.left();
    Expr v = b.right();
    Expr du = d(u);
    Expr dv = d(v);
    return switch (b.op()) {
      case ADD -> add(du, dv);
      case SUB -> sub(du, dv);
      case MUL -> add(mul(du, v), mul(u, dv));
      // The quotient rule only when the divisor varies: keeps d(f/tau) = df/tau compact.
      case DIV -> depends(v)
          ? div(sub(mul(du, v), mul(u, dv)), mul(v, v))
          : div(du, v);
    };
  }

  private Expr call(Call c) {
    Expr a = c.args().get(0);
    Expr da = d(a);
    return switch (c.fn()) {
      case EXP, EXPM1 -> mul(new Call(Fn.EXP, List.of(a)), da);
      case LOG -> div(da, a);
      case SQRT -> div(da, mul(num(2), c));
      case TANH -> mul(sub(num(1), mul(c, c)), da);
      case SIN -> mul(new Call(Fn.COS, List.of(a)), da);
      case COS -> new Neg(mul(new Call(Fn.SIN, List.of(a)), da));
      case ABS -> new Cond(new Compare(CmpOp.LT, a, num(0)), new Neg(da), da);
      case MIN -> new Cond(new Compare(CmpOp.LE, a, c.args().get(1)), da, d(c.args().get(1)));
      case MAX -> new Cond(new Compare(CmpOp.GE, a, c.args().get(1)), da, d(c.args().get(1)));
      case POW -> pow(c, a, c.args().get(1), da);
    };
  }

  /** Power rule when the exponent is constant in {@code x}, else {@code a^b·(b'·ln a + b·a'/a)}. */
  private Expr pow(Call c, Expr a, Expr b, Expr da) {
    if (!depends(b)) {
      Expr lowered = b instanceof Num n ? num(n.value() - 1) : sub(b, num(1));
      return mul(mul(b, new Call(Fn.POW, List.of(a, lowered))), da);
    }
    Expr db = d(b);
    return mul(c, add(mul(db, new Call(Fn.LOG, List.of(a))), div(mul(b, da), a)));
  }
}
