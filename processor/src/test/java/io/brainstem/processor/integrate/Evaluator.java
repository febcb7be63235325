package io.brainstem.processor.integrate;

import io.brainstem.processor.integrate.StepPlan.Arith;
import io.brainstem.processor.integrate.StepPlan.Diffusion;
import io.brainstem.processor.integrate.StepPlan.ExpEulerFactor;
import io.brainstem.processor.integrate.StepPlan.Let;
import io.brainstem.processor.integrate.StepPlan.Rate;
import io.brainstem.processor.integrate.StepPlan.StandardNormal;
import io.brainstem.processor.integrate.StepPlan.Step;
import io.brainstem.processor.integrate.StepPlan.Store;
import io.brainstem.processor.integrate.StepPlan.Value;
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
import io.brainstem.processor.ir.Expr.RefKind;
import java.util.HashMap;
import java.util.Map;

/** Evaluates expressions and runs step plans numerically, with the generated code's semantics. */
final class Evaluator {
  private Evaluator() {}

  static double eval(Expr e, Map<String, Double> env) {
    if (e instanceof Num n) {
      return n.value();
    } else if (e instanceof Ref r) {
      Double v = env.get(r.name());
      if (v == null) {
        throw new IllegalArgumentException("unbound " + r);
      }
      return v;
    } else if (e instanceof Neg n) {
      return -eval(n.operand(), env);
    } else if (e instanceof Binary b) {
      double x = eval(b.left(), env);
      double y = eval(b.right(), env);
      return switch (b.op()) {
        case ADD -> x + y;
        case SUB -> x - y;
        case MUL -> x * y;
        case DIV -> x / y;
      };
    } else if (e instanceof Call c) {
      double x = eval(c.args().get(0), env);
      double y = c.args().size() > 1 ? eval(c.args().get(1), env) : 0;
      return switch (c.fn()) {
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
      };
    } else if (e instanceof Cond c) {
      return test(c.test(), env) ? eval(c.then(), env) : eval(c.otherwise(), env);
    }
    throw new IllegalArgumentException("boolean expression where a number is needed: " + e);
  }

  static boolean test(Expr e, Map<String, Double> env) {
    if (e instanceof Compare c) {
      double x = eval(c.left(), env);
      double y = eval(c.right(), env);
      return switch (c.op()) {
        case LT -> x < y;
        case LE -> x <= y;
        case GT -> x > y;
        case GE -> x >= y;
        case EQ -> x == y;
        case NE -> x != y;
      };
    } else if (e instanceof Logic l) {
      return switch (l.op()) {
        case AND -> test(l.left(), env) && test(l.right(), env);
        case OR -> test(l.left(), env) || test(l.right(), env);
      };
    } else if (e instanceof Not n) {
      return !test(n.operand(), env);
    }
    throw new IllegalArgumentException("not a boolean expression: " + e);
  }

  /**
   * One step of {@code plan}; {@code env} holds parameters, inputs, states, {@code t} and
   * {@code dt}, and for noise term {@code s} its standard normal draw as {@code xi<s>}. Returns the
   * environment after the step (states updated).
   */
  static Map<String, Double> step(StepPlan plan, Map<String, Double> env) {
    Map<String, Double> scope = new HashMap<>(env);
    for (Let let : plan.hoisted()) {
      scope.put(let.name(), value(let.value(), scope));
    }
    Map<String, Double> stores = new HashMap<>();
    for (Step step : plan.perElement()) {
      if (step instanceof Let let) {
        scope.put(let.name(), value(let.value(), scope));
      } else {
        Store store = (Store) step;
        stores.put(store.state(), eval(store.value(), scope));
      }
    }
    Map<String, Double> out = new HashMap<>(env);
    out.putAll(stores);
    return out;
  }

  /** False when {@code e} reads a local the plan does not compute: the debug loop's rates. */
  private static boolean inScope(Expr e, Map<String, Double> scope) {
    boolean[] all = {true};
    Exprs.forEachRef(e, r -> all[0] &= r.kind() != RefKind.LOCAL && r.kind() != RefKind.BODY
        || scope.containsKey(r.name()));
    return all[0];
  }

  /**
   * What the debug loop does: calls the user's method, whose parameters are the bound values,
   * which computes its locals in order, then returns {@code value}.
   */
  private static double call(Map<String, Expr> locals, Expr value, Map<String, Ref> bindings,
      Map<String, Double> scope) {
    Map<String, Double> method = new HashMap<>(scope);
    bindings.forEach((name, ref) -> method.put(name, eval(ref, scope)));
    locals.forEach((name, e) -> method.put(name, eval(e, method)));
    return eval(value, method);
  }

  private static double value(Value v, Map<String, Double> scope) {
    if (v instanceof Arith a) {
      return eval(a.expr(), scope);
    } else if (v instanceof Rate r) {
      return inScope(r.inlined(), scope) ? eval(r.inlined(), scope)
          : call(r.ode().locals(), r.ode().rhs(), r.bindings(), scope);
    } else if (v instanceof Diffusion d) {
      return inScope(d.inlined(), scope) ? eval(d.inlined(), scope)
          : call(d.noise().locals(), d.noise().diffusion(), d.bindings(), scope);
    } else if (v instanceof StandardNormal draw) {
      return scope.get("xi" + draw.stream());
    }
    double dt = scope.get("dt");
    double z = dt * eval(((ExpEulerFactor) v).linearPart(), scope);
    return dt * (z == 0.0 ? 1.0 : Math.expm1(z) / z);
  }
}
