package io.brainstem.processor.integrate;

import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Fn;
import io.brainstem.processor.ir.Expr.Num;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR.Ode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Event-driven integration (Brian2's {@code (event-driven)}): a linear autonomous ODE
 * {@code dx/dt = a·x + b}, {@code a} and {@code b} free of {@code x}, {@code t} and other states,
 * is advanced in closed form over the time since its last update, only when an event touches it:
 * {@code x(t0 + Δ) = (x0 + b/a)·exp(a·Δ) − b/a}, {@code x0·exp(a·Δ)} when {@code b = 0},
 * {@code x0 + b·Δ} when {@code a = 0}. {@code a} and {@code b} are derived as for the exponential
 * integrators (the slope of the right-hand side, and its value at {@code x = 0}).
 */
public final class EventDriven {
  private EventDriven() {}

  /** The right-hand side with its body locals written out (they are few and read once). */
  public static Expr inlined(Ode ode) {
    Expr e = ode.rhs();
    List<String> names = new ArrayList<>(ode.locals().keySet());
    // Later locals may read earlier ones: substitute from the last back to the first.
    for (int n = names.size() - 1; n >= 0; n--) {
      String name = names.get(n);
      Expr value = ode.locals().get(name);
      e = Exprs.map(e, r -> r.kind() == RefKind.BODY && r.name().equals(name) ? value : r);
    }
    return e;
  }

  /** The references of the right-hand side other than its own state: each must be a parameter. */
  public static List<Ref> otherRefs(Ode ode) {
    return Exprs.refs(inlined(ode)).stream()
        .filter(r -> !(r.kind() == RefKind.STATE && r.name().equals(ode.state())))
        .toList();
  }

  /** True when the right-hand side is affine in its own state. */
  public static boolean isLinear(Ode ode) {
    Expr rhs = inlined(ode);
    Expr slope = Simplifier.simplify(Derivative.of(rhs, ode.state()));
    return !Exprs.mentions(slope, ode.state());
  }

  /**
   * The state after {@code elapsed} ms (a local of that name) from its value {@code x0} (the
   * state's own name, a local too).
   */
  public static Expr advance(Ode ode, String elapsed) {
    Expr rhs = inlined(ode);
    Expr x = new Ref(ode.state(), RefKind.STATE);
    Expr delta = Exprs.local(elapsed);
    Expr a = Simplifier.simplify(Derivative.of(rhs, ode.state()));
    Expr b = Simplifier.simplify(Exprs.substitute(rhs, Map.of(ode.state(), new Num(0))));
    if (a instanceof Num n && n.value() == 0) {
      return Simplifier.simplify(Exprs.add(x, Exprs.mul(b, delta)));
    }
    Expr decay = new Expr.Call(Fn.EXP, List.of(Simplifier.simplify(Exprs.mul(a, delta))));
    if (b instanceof Num n && n.value() == 0) {
      return Exprs.mul(x, decay);
    }
    Expr fixedPoint = Simplifier.simplify(Exprs.div(b, a)); // −(fixed point)
    return Exprs.sub(Exprs.mul(Exprs.add(x, fixedPoint), decay), fixedPoint);
  }
}
