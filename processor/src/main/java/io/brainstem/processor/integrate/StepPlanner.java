package io.brainstem.processor.integrate;

import static io.brainstem.processor.integrate.Exprs.add;
import static io.brainstem.processor.integrate.Exprs.div;
import static io.brainstem.processor.integrate.Exprs.dt;
import static io.brainstem.processor.integrate.Exprs.local;
import static io.brainstem.processor.integrate.Exprs.mul;
import static io.brainstem.processor.integrate.Exprs.num;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.integrate.StepPlan.Arith;
import io.brainstem.processor.integrate.StepPlan.ExpEulerFactor;
import io.brainstem.processor.integrate.StepPlan.Let;
import io.brainstem.processor.integrate.StepPlan.Rate;
import io.brainstem.processor.integrate.StepPlan.Step;
import io.brainstem.processor.integrate.StepPlan.Store;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Num;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.ModelIR.Ode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the {@link StepPlan} of a model's ODE system for one {@link Integrator}. */
public final class StepPlanner {
  private final List<Ode> odes;
  private final Uniformity uniformity;
  private final LocalNames names;
  private final List<Let> hoisted = new ArrayList<>();
  private final List<Step> perElement = new ArrayList<>();

  private StepPlanner(List<Ode> odes, Uniformity uniformity, LocalNames names) {
    this.odes = odes;
    this.uniformity = uniformity;
    this.names = names;
  }

  /**
   * The plan for {@code model}'s ODEs. Local names are allocated from {@code names}, which the caller
   * seeds with every name already in scope (model variables, loop indices).
   */
  public static StepPlan plan(
      ModelIR model, Integrator integrator, Uniformity uniformity, LocalNames names) {
    StepPlanner planner = new StepPlanner(model.odes(), uniformity, names);
    switch (integrator) {
      case EXP_AUTO -> planner.expAuto();
      case EULER -> planner.euler();
      case RK4 -> planner.rk4();
    }
    return new StepPlan(integrator, uniformity, planner.hoisted, planner.perElement);
  }

  /** Exponential Euler per variable, linearised in that variable with the others at step n. */
  private void expAuto() {
    Map<String, Expr> updates = new LinkedHashMap<>();
    for (Ode ode : odes) {
      String x = ode.state();
      Expr slope = Simplifier.simplify(Derivative.of(ode.rhs(), x));
      Ref rate = let(x + "_rate", new Rate(ode, Map.of()));
      // exprel(0) = 1: with no linear part the step is exactly Euler's, so skip the factor.
      Expr factor = slope instanceof Num n && n.value() == 0 ? dt() : factor(x, slope);
      updates.put(x, add(state(x), mul(factor, rate)));
    }
    store(updates);
  }

  private Ref factor(String x, Expr slope) {
    if (uniformity.isUniform(slope)) {
      return hoist(x + "_expEulerFactor", new ExpEulerFactor(slope));
    }
    Expr perElementSlope = hoistParts(slope, x, new int[] {0});
    return let(x + "_expEulerFactor", new ExpEulerFactor(perElementSlope));
  }

  /**
   * Replaces the largest non-trivial uniform sub-expressions of {@code e} (part of the slope of
   * {@code x}) by hoisted locals {@code x_slopeTerm1, x_slopeTerm2, ...}.
   */
  private Expr hoistParts(Expr e, String x, int[] count) {
    if (uniformity.isUniform(e) && Uniformity.isNonTrivial(e)) {
      return hoist(x + "_slopeTerm" + ++count[0], new Arith(e));
    }
    if (e instanceof Expr.Neg n) {
      return new Expr.Neg(hoistParts(n.operand(), x, count));
    } else if (e instanceof Expr.Binary b) {
      return new Expr.Binary(
          b.op(), hoistParts(b.left(), x, count), hoistParts(b.right(), x, count));
    } else if (e instanceof Expr.Call c) {
      return new Expr.Call(c.fn(), c.args().stream().map(a -> hoistParts(a, x, count)).toList());
    } else if (e instanceof Expr.Cond c) {
      return new Expr.Cond(
          hoistParts(c.test(), x, count),
          hoistParts(c.then(), x, count),
          hoistParts(c.otherwise(), x, count));
    } else if (e instanceof Expr.Compare c) {
      return new Expr.Compare(
          c.op(), hoistParts(c.left(), x, count), hoistParts(c.right(), x, count));
    }
    return e;
  }

  private void euler() {
    Map<String, Expr> updates = new LinkedHashMap<>();
    for (Ode ode : odes) {
      Ref rate = let(ode.state() + "_rate", new Rate(ode, Map.of()));
      updates.put(ode.state(), add(state(ode.state()), mul(dt(), rate)));
    }
    store(updates);
  }

  /** Classic RK4 over the whole system: every stage advances all variables together. */
  private void rk4() {
    Ref halfDt = hoist("halfDt", new Arith(div(dt(), num(2))));
    Ref sixthDt = hoist("sixthDt", new Arith(div(dt(), num(6))));
    Optional<Ref> time = timeRef();
    Optional<Ref> tMid = time.map(t -> hoist("tMid", new Arith(add(t, halfDt))));
    Optional<Ref> tEnd = time.map(t -> hoist("tEnd", new Arith(add(t, dt()))));

    Map<String, Ref> k1 = rates("k1", Map.of());
    Map<String, Ref> k2 = rates("k2", stage("stage2", halfDt, k1, tMid));
    Map<String, Ref> k3 = rates("k3", stage("stage3", halfDt, k2, tMid));
    Map<String, Ref> k4 = rates("k4", stage("stage4", dt(), k3, tEnd));

    Map<String, Expr> updates = new LinkedHashMap<>();
    for (Ode ode : odes) {
      String x = ode.state();
      Expr sum = add(
          add(add(k1.get(x), mul(num(2), k2.get(x))), mul(num(2), k3.get(x))), k4.get(x));
      updates.put(x, add(state(x), mul(sixthDt, sum)));
    }
    store(updates);
  }

  /** Locals {@code x_<name> = x + h·slope_x} for every variable, plus {@code t → time}, as bindings. */
  private Map<String, Ref> stage(
      String name, Expr h, Map<String, Ref> slopes, Optional<Ref> time) {
    Map<String, Ref> bindings = new LinkedHashMap<>();
    for (Ode ode : odes) {
      String x = ode.state();
      bindings.put(x, let(x + "_" + name, new Arith(add(state(x), mul(h, slopes.get(x))))));
    }
    timeRef().ifPresent(t -> bindings.put(t.name(), time.orElseThrow()));
    return bindings;
  }

  private Map<String, Ref> rates(String name, Map<String, Ref> bindings) {
    Map<String, Ref> out = new LinkedHashMap<>();
    for (Ode ode : odes) {
      out.put(ode.state(), let(ode.state() + "_" + name, new Rate(ode, bindings)));
    }
    return out;
  }

  /** The clock reference if any right-hand side reads {@code t}. */
  private Optional<Ref> timeRef() {
    for (Ode ode : odes) {
      for (Ref r : Exprs.refs(ode.rhs())) {
        if (r.kind() == RefKind.TIME) {
          return Optional.of(r);
        }
      }
    }
    return Optional.empty();
  }

  /** Stores the new values; through {@code x_new} locals when several variables read each other. */
  private void store(Map<String, Expr> updates) {
    if (updates.size() == 1) {
      updates.forEach((x, value) -> perElement.add(new Store(x, value)));
      return;
    }
    Map<String, Ref> next = new LinkedHashMap<>();
    updates.forEach((x, value) -> next.put(x, let(x + "_new", new Arith(value))));
    next.forEach((x, ref) -> perElement.add(new Store(x, ref)));
  }

  private Ref let(String wanted, StepPlan.Value value) {
    String name = names.allocate(wanted);
    perElement.add(new Let(name, value));
    return local(name);
  }

  private Ref hoist(String wanted, StepPlan.Value value) {
    String name = names.allocate(wanted);
    hoisted.add(new Let(name, value));
    return local(name);
  }

  private static Ref state(String name) {
    return new Ref(name, RefKind.STATE);
  }
}
