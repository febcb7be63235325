package io.brainstem.processor.integrate;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.BinOp;
import io.brainstem.processor.ir.Expr.Binary;
import io.brainstem.processor.ir.Expr.Num;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.ModelIR.Ode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which right-hand sides are affine in their own variable ({@code ∂²f/∂x² ≡ 0} after
 * simplification), as {@link Integrator#EXP_EULER} requires, and so which integrators a model's
 * generated class offers.
 */
public final class Linearity {
  private Linearity() {}

  /**
   * {@code ∂f/∂x}, simplified; the parts copied from {@code f} stay as written. It may read the
   * body locals of {@code locals}, which starts as a mutable copy of the ODE's locals and receives
   * the derivatives of locals the slope reads.
   */
  public static Expr slope(Ode ode, Map<String, Expr> locals) {
    return reciprocals(Simplifier.simplifyDerived(
        Derivative.of(ode.rhs(), ode.state(), locals), ode.rhs()));
  }

  /**
   * {@code n / d} as {@code n · (1 / d)} where {@code d} holds over a step (parameters, dt, time,
   * numbers) and {@code n} does not: the slope is ours, not the user's code, so a kernel may multiply
   * by a reciprocal it computes once instead of dividing every element (COBA's {@code /taum}). Every
   * path (scalar, vector, jit(false)) renders the same product, so they keep the same bits.
   */
  static Expr reciprocals(Expr e) {
    Expr mapped = Exprs.mapChildren(e, Linearity::reciprocals);
    if (mapped instanceof Binary b && b.op() == BinOp.DIV
        && holdsOverStep(b.right()) && !holdsOverStep(b.left())) {
      return Exprs.mul(b.left(), Exprs.div(Exprs.num(1), b.right()));
    }
    return mapped;
  }

  private static boolean holdsOverStep(Expr e) {
    boolean[] holds = {true};
    Exprs.forEachRef(e, r -> holds[0] &= r.kind() == RefKind.PARAM
        || r.kind() == RefKind.DT || r.kind() == RefKind.TIME);
    return holds[0];
  }

  /** True when {@code ode} is affine in its own variable. */
  public static boolean isLinear(Ode ode) {
    Map<String, Expr> locals = new LinkedHashMap<>(ode.locals());
    Expr slope = slope(ode, locals);
    Expr curvature = Simplifier.simplify(Derivative.of(slope, ode.state(), locals));
    return curvature instanceof Num n && n.value() == 0;
  }

  /** The ODEs of {@code model} that are not affine in their own variable. */
  public static List<Ode> nonlinear(ModelIR model) {
    return model.odes().stream().filter(o -> !isLinear(o)).toList();
  }

  /**
   * The integrators the model's annotation lists ({@code methods}; every one by default), except
   * {@code EXP_EULER} when an ODE is not affine in its own variable.
   */
  public static List<Integrator> supported(ModelIR model) {
    boolean linear = nonlinear(model).isEmpty();
    return Arrays.stream(Integrator.values())
        .filter(m -> model.methods().contains(m))
        .filter(m -> linear || m != Integrator.EXP_EULER)
        .toList();
  }
}
