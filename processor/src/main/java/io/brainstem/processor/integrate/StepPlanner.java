package io.brainstem.processor.integrate;

import static io.brainstem.processor.integrate.Exprs.add;
import static io.brainstem.processor.integrate.Exprs.div;
import static io.brainstem.processor.integrate.Exprs.dt;
import static io.brainstem.processor.integrate.Exprs.local;
import static io.brainstem.processor.integrate.Exprs.mul;
import static io.brainstem.processor.integrate.Exprs.num;
import static io.brainstem.processor.integrate.Exprs.sub;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.integrate.ButcherTableau.Ratio;
import io.brainstem.processor.integrate.StepPlan.Arith;
import io.brainstem.processor.integrate.StepPlan.Diffusion;
import io.brainstem.processor.integrate.StepPlan.ExpEulerFactor;
import io.brainstem.processor.integrate.StepPlan.Let;
import io.brainstem.processor.integrate.StepPlan.Rate;
import io.brainstem.processor.integrate.StepPlan.StandardNormal;
import io.brainstem.processor.integrate.StepPlan.Step;
import io.brainstem.processor.integrate.StepPlan.Store;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.CmpOp;
import io.brainstem.processor.ir.Expr.Compare;
import io.brainstem.processor.ir.Expr.Cond;
import io.brainstem.processor.ir.Expr.Fn;
import io.brainstem.processor.ir.Expr.Neg;
import io.brainstem.processor.ir.Expr.Num;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.ModelIR.Noise;
import io.brainstem.processor.ir.ModelIR.Ode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link StepPlan} of a model's ODE system for one {@link Integrator}: exponential
 * Euler in its two forms, or any explicit Runge–Kutta method from its {@link ButcherTableau}; then
 * the {@code @Noise} terms, added to the deterministic step (Euler–Maruyama, plus Milstein's
 * correction when the noise depends on its own variable).
 */
public final class StepPlanner {
  private final ModelIR model;
  private final List<Ode> odes;
  private final Uniformity uniformity;
  private final LocalNames names;
  private final List<Let> hoisted = new ArrayList<>();
  private final List<Step> perElement = new ArrayList<>();
  /** Hoisted step constants {@code r·dt} by fraction, so each is computed once. */
  private final Map<Ratio, Expr> stepConstants = new HashMap<>();
  /** Hoisted stage times {@code t + c·dt} by {@code c}. */
  private final Map<Ratio, Expr> stageTimes = new HashMap<>();
  private final BodyLets bodyLets = new BodyLets(this::let);
  /** Where {@link #let} appends: the element loop, or the body of a stage loop being built. */
  private List<Step> target = perElement;
  /** Whether an explicit Runge–Kutta step is one stage loop driven by the runtime's tableau. */
  private final boolean shared;
  /** Whether a stage loop binds {@code t} to its stage time (else the caller passes it). */
  private boolean bindTime = true;

  private StepPlanner(ModelIR model, Uniformity uniformity, LocalNames names, boolean shared) {
    this.model = model;
    this.odes = model.odes();
    this.uniformity = uniformity;
    this.names = names;
    this.shared = shared;
  }

  /**
   * The plan for {@code model}'s ODEs. Local names are allocated from {@code names}, which the caller
   * seeds with every name already in scope (model variables, loop indices).
   *
   * @throws IllegalArgumentException for {@code EXP_EULER} when an ODE is not affine in its own
   *     variable (see {@link Linearity#supported})
   */
  static StepPlan planWithLocals(
      ModelIR model, Integrator integrator, Uniformity uniformity, LocalNames names,
      boolean shared) {
    return new StepPlanner(model, uniformity, names, shared).build(integrator);
  }

  private StepPlan build(Integrator integrator) {
    Map<String, Expr> updates = switch (integrator) {
      case EXP_AUTO -> expAuto();
      case EXP_EULER -> expEuler();
      default -> shared ? stageLoop() : rungeKutta(ButcherTableau.of(integrator).orElseThrow());
    };
    addNoise(updates);
    store(updates);
    return new StepPlan(integrator, uniformity, hoisted, perElement);
  }

  /**
   * The plan the debug loop renders: {@link #planWithLocals} without the lets of the user's locals,
   * since it calls the user's methods.
   */
  public static StepPlan plan(
      ModelIR model, Integrator integrator, Uniformity uniformity, LocalNames names) {
    return plan(model, integrator, uniformity, names, false);
  }

  /**
   * {@link #plan}; with {@code shared}, an explicit Runge–Kutta {@code integrator} gives the plan
   * that serves every such method: one {@link StepPlan.Stages} loop (see {@link #stageLoop}).
   */
  public static StepPlan plan(ModelIR model, Integrator integrator, Uniformity uniformity,
      LocalNames names, boolean shared) {
    StepPlanner planner = new StepPlanner(model, uniformity, names, shared);
    return planner.bodyLets.withoutUnread(planner.build(integrator));
  }

  /**
   * The plan a generated kernel renders: {@link #plan} with each repeated sub-expression computed
   * once ({@link CommonSubexpressions}). The debug loop keeps {@link #plan}, since it calls the
   * user's methods; both give bit-identical results.
   */
  public static StepPlan kernelPlan(
      ModelIR model, Integrator integrator, Uniformity uniformity, LocalNames names) {
    return kernelPlan(model, integrator, uniformity, names, false);
  }

  /** {@link #kernelPlan}, with {@code shared} as for {@link #plan(ModelIR, Integrator, Uniformity, LocalNames, boolean)}. */
  public static StepPlan kernelPlan(ModelIR model, Integrator integrator, Uniformity uniformity,
      LocalNames names, boolean shared) {
    return CommonSubexpressions.eliminate(
        planWithLocals(model, integrator, uniformity, names, shared), names);
  }

  /**
   * The stage loop plan of a vector kernel ({@link #kernelPlan} with {@code shared}), except that
   * the rates read {@code t} itself: the kernel runs its rate loops once per stage, passing them
   * the stage time as {@code t}.
   */
  public static StepPlan vectorStagePlan(
      ModelIR model, Integrator integrator, Uniformity uniformity, LocalNames names) {
    StepPlanner planner = new StepPlanner(model, uniformity, names, true);
    planner.bindTime = false;
    return CommonSubexpressions.eliminate(planner.build(integrator), names);
  }

  /**
   * Any explicit Runge–Kutta method as one loop over its stages, the tableau read at run time from
   * the runtime's {@code RungeKutta}: per stage, every variable's stage state, then the stage time
   * (if a right-hand side reads {@code t}), then each rate, saved as the variable's slope of that
   * stage; after the loop each variable's combination. The right-hand side is written once for the
   * seven methods, and the runtime's combinations are the same operations as {@link #rungeKutta}'s.
   */
  private Map<String, Expr> stageLoop() {
    Ref method = hoist("tableau", new StepPlan.Tableau());
    Map<String, String> slopes = new LinkedHashMap<>();
    for (Ode ode : odes) {
      slopes.put(ode.state(), hoist(ode.state() + "_k", new StepPlan.Slopes(method.name())).name());
    }
    String stage = names.allocate("stage");
    List<Step> body = new ArrayList<>();
    target = body;
    Map<String, Ref> bindings = new LinkedHashMap<>();
    for (Ode ode : odes) {
      String x = ode.state();
      bindings.put(x, let(x + "_stage",
          new StepPlan.StageState(method.name(), x, slopes.get(x))));
    }
    timeRef().filter(t -> bindTime).ifPresent(t ->
        bindings.put(t.name(), let("tStage", new StepPlan.StageTime(method.name(), t))));
    Map<String, Ref> k = rates("slope", bindings, "_stage");
    k.forEach((x, rate) -> body.add(new StepPlan.SaveSlope(slopes.get(x), rate)));
    target = perElement;
    perElement.add(new StepPlan.Stages(method.name(), stage, body));
    Map<String, Expr> updates = new LinkedHashMap<>();
    for (Ode ode : odes) {
      String x = ode.state();
      updates.put(x, let(x + "_next",
          new StepPlan.Combined(method.name(), x, slopes.get(x))));
    }
    return updates;
  }

  /** Exponential Euler per variable, linearised in that variable with the others at step n. */
  private Map<String, Expr> expAuto() {
    Map<String, Expr> updates = new LinkedHashMap<>();
    for (Ode ode : odes) {
      String x = ode.state();
      Expr slope = Linearity.slope(ode, bodyLets.locals(ode));
      Ref rate = let(x + "_rate", bodyLets.rate(ode, Map.of(), ""));
      // exprel(0) = 1: with no linear part the step is exactly Euler's, so skip the factor.
      Expr factor = isZero(slope) ? dt() : factor(ode, slope);
      updates.put(x, add(state(x), mul(factor, rate)));
    }
    return updates;
  }

  private Ref factor(Ode ode, Expr slope) {
    String x = ode.state();
    if (uniformity.isUniform(slope)) {
      return hoist(x + "_expEulerFactor", new ExpEulerFactor(slope));
    }
    Expr perElementSlope =
        bodyLets.atStart(ode, hoistParts(slope, x + "_slopeTerm", new int[] {0}));
    return let(x + "_expEulerFactor", new ExpEulerFactor(perElementSlope));
  }

  /**
   * Exponential Euler in relaxation form for ODEs affine in their own variable:
   * {@code x∞ = x − f/A}, {@code x' = x∞ + (x − x∞)·e^{dt·A}}, Euler where {@code A == 0}.
   */
  private Map<String, Expr> expEuler() {
    Map<String, Expr> updates = new LinkedHashMap<>();
    for (Ode ode : odes) {
      String x = ode.state();
      if (!Linearity.isLinear(ode)) {
        throw new IllegalArgumentException(
            "EXP_EULER needs d" + x + "/dt affine in " + x + "; use EXP_AUTO");
      }
      Expr slope = Linearity.slope(ode, bodyLets.locals(ode));
      Ref rate = let(x + "_rate", bodyLets.rate(ode, Map.of(), ""));
      Expr euler = add(state(x), mul(dt(), rate));
      if (isZero(slope)) {
        updates.put(x, euler);
        continue;
      }
      Expr a = uniformity.isUniform(slope)
          ? (slope instanceof Num ? slope : hoist(x + "_slope", new Arith(slope)))
          : let(x + "_slope", new Arith(
              bodyLets.atStart(ode, hoistParts(slope, x + "_slopeTerm", new int[] {0}))));
      Expr exponent = new Expr.Call(Fn.EXP, List.of(mul(dt(), a)));
      Expr decay = uniformity.isUniform(slope)
          ? hoist(x + "_decay", new Arith(exponent))
          : let(x + "_decay", new Arith(exponent));
      Ref steady = let(x + "_inf", new Arith(sub(state(x), div(rate, a))));
      Expr relax = add(steady, mul(sub(state(x), steady), decay));
      updates.put(x, slope instanceof Num
          ? relax
          : new Cond(new Compare(CmpOp.EQ, a, num(0)), euler, relax));
    }
    return updates;
  }

  /**
   * Replaces the largest non-trivial uniform sub-expressions of {@code e} by hoisted locals
   * {@code prefix1, prefix2, ...}.
   */
  private Expr hoistParts(Expr e, String prefix, int[] count) {
    if (uniformity.isUniform(e) && Uniformity.isNonTrivial(e)) {
      return hoist(prefix + ++count[0], new Arith(e));
    }
    if (e instanceof Expr.Neg n) {
      return new Expr.Neg(hoistParts(n.operand(), prefix, count));
    } else if (e instanceof Expr.Binary b) {
      return new Expr.Binary(
          b.op(), hoistParts(b.left(), prefix, count), hoistParts(b.right(), prefix, count));
    } else if (e instanceof Expr.Call c) {
      return new Expr.Call(c.fn(),
          c.args().stream().map(arg -> hoistParts(arg, prefix, count)).toList());
    } else if (e instanceof Expr.Cond c) {
      return new Expr.Cond(
          hoistParts(c.test(), prefix, count),
          hoistParts(c.then(), prefix, count),
          hoistParts(c.otherwise(), prefix, count));
    } else if (e instanceof Expr.Compare c) {
      return new Expr.Compare(
          c.op(), hoistParts(c.left(), prefix, count), hoistParts(c.right(), prefix, count));
    }
    return e;
  }

  /**
   * An explicit Runge–Kutta step over the whole system: every stage advances all variables
   * together, at its own time {@code t + c·dt}. Step constants such as {@code halfDt} are hoisted,
   * and each weighted sum keeps integer weights ({@code sixthDt * (k1 + 2.0 * k2 + ...)}).
   */
  private Map<String, Expr> rungeKutta(ButcherTableau tableau) {
    int stages = tableau.stages();
    List<Combination> rows = new ArrayList<>();
    for (int s = 0; s < stages; s++) {
      rows.add(combination(tableau.a().get(s)));
    }
    Combination weights = combination(tableau.b());
    Optional<Ref> time = timeRef();
    List<Optional<Expr>> times = new ArrayList<>();
    for (int s = 0; s < stages; s++) {
      Ratio c = tableau.c().get(s);
      times.add(time.map(t -> c.isZero() ? t : stageTime(t, c)));
    }

    List<Map<String, Ref>> k = new ArrayList<>();
    for (int s = 0; s < stages; s++) {
      Map<String, Ref> bindings = new LinkedHashMap<>();
      if (s > 0 && !rows.get(s).terms.isEmpty()) {
        for (Ode ode : odes) {
          String x = ode.state();
          bindings.put(x, let(x + "_stage" + (s + 1),
              new Arith(add(state(x), rows.get(s).times(x, k)))));
        }
      }
      Optional<Expr> stageTime = times.get(s);
      if (stageTime.isPresent() && stageTime.get() instanceof Ref t && t.kind() == RefKind.LOCAL) {
        bindings.put(time.orElseThrow().name(), t);
      }
      k.add(rates(stages == 1 ? "rate" : "k" + (s + 1), bindings, s == 0 ? "" : "_k" + (s + 1)));
    }

    Map<String, Expr> updates = new LinkedHashMap<>();
    for (Ode ode : odes) {
      String x = ode.state();
      updates.put(x, add(state(x), weights.times(x, k)));
    }
    return updates;
  }

  /** {@code weight · k_stage} in a {@link Combination}. */
  private record Term(int stage, long weight) {}

  /** {@code h · Σ w_j·k_j}: a step constant {@code h} and integer weights {@code w_j}. */
  private record Combination(Expr step, List<Term> terms) {
    /** The sum for variable {@code x}, given each stage's slope locals {@code k}. */
    Expr times(String x, List<Map<String, Ref>> k) {
      Expr sum = null;
      for (Term term : terms) {
        Expr slope = k.get(term.stage()).get(x);
        long w = term.weight();
        Expr magnitude = Math.abs(w) == 1 ? slope : mul(num(Math.abs(w)), slope);
        if (sum == null) {
          sum = w < 0 ? new Neg(magnitude) : magnitude;
        } else {
          sum = w < 0 ? sub(sum, magnitude) : add(sum, magnitude);
        }
      }
      return mul(step, sum);
    }
  }

  /** One stage row or the weights as a step constant times integer weights. */
  private Combination combination(List<Ratio> row) {
    List<Term> terms = new ArrayList<>();
    List<Ratio> nonZero = row.stream().filter(r -> !r.isZero()).toList();
    if (nonZero.size() == 1) {
      terms.add(new Term(row.indexOf(nonZero.get(0)), 1));
      return new Combination(stepConstant(nonZero.get(0)), terms);
    }
    long denominator = Ratio.commonDenominator(row);
    for (int j = 0; j < row.size(); j++) {
      Ratio r = row.get(j);
      if (!r.isZero()) {
        terms.add(new Term(j, r.p() * (denominator / r.q())));
      }
    }
    return new Combination(stepConstant(new Ratio(1, denominator)), terms);
  }

  /** {@code r·dt}: {@code dt} itself, or a hoisted local such as {@code halfDt}. */
  private Expr stepConstant(Ratio r) {
    if (r.p() == 1 && r.q() == 1) {
      return dt();
    }
    return stepConstants.computeIfAbsent(r, ratio -> {
      Expr value = ratio.p() == 1 ? dt() : mul(num(ratio.p()), dt());
      if (ratio.q() != 1) {
        value = div(value, num(ratio.q()));
      }
      return hoist(fractionName(ratio) + "Dt", new Arith(value));
    });
  }

  /** {@code t + c·dt}, hoisted: {@code tMid}, {@code tEnd}, {@code tThird}, ... */
  private Expr stageTime(Ref t, Ratio c) {
    return stageTimes.computeIfAbsent(c, ratio -> {
      String fraction = fractionName(ratio);
      String name = ratio.equals(new Ratio(1, 2)) ? "tMid"
          : ratio.equals(new Ratio(1, 1)) ? "tEnd"
          : "t" + Character.toUpperCase(fraction.charAt(0)) + fraction.substring(1);
      return hoist(name, new Arith(add(t, stepConstant(ratio))));
    });
  }

  private static String fractionName(Ratio r) {
    return switch (r.p() + "/" + r.q()) {
      case "1/2" -> "half";
      case "1/3" -> "third";
      case "2/3" -> "twoThirds";
      case "1/4" -> "quarter";
      case "3/4" -> "threeQuarters";
      case "1/6" -> "sixth";
      case "1/8" -> "eighth";
      default -> (r.p() < 0 ? "minus" + -r.p() : "" + r.p()) + "Over" + r.q();
    };
  }

  private Map<String, Ref> rates(String name, Map<String, Ref> bindings, String suffix) {
    Map<String, Ref> out = new LinkedHashMap<>();
    for (Ode ode : odes) {
      out.put(ode.state(), let(ode.state() + "_" + name, bodyLets.rate(ode, bindings, suffix)));
    }
    return out;
  }

  /** The clock reference if any right-hand side reads {@code t}. */
  private Optional<Ref> timeRef() {
    for (Ode ode : odes) {
      for (Expr part : Exprs.parts(ode)) {
        for (Ref r : Exprs.refs(part)) {
          if (r.kind() == RefKind.TIME) {
            return Optional.of(r);
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Adds {@code g·ΔW} to each noisy variable's update, with {@code ΔW = √dt·ξ} and {@code g} at the
   * start of the step (Itô); plus Milstein's {@code ½·g·∂g/∂x·(ΔW² − dt)} when {@code g} depends on
   * {@code x}.
   */
  private void addNoise(Map<String, Expr> updates) {
    if (model.noises().isEmpty()) {
      return;
    }
    Ref sqrtDt = hoist("sqrtDt", new Arith(new Expr.Call(Fn.SQRT, List.of(dt()))));
    for (int stream = 0; stream < model.noises().size(); stream++) {
      Noise noise = model.noises().get(stream);
      String x = noise.state();
      Ref g = let(x + "_noise", bodyLets.diffusion(noise, Map.of()));
      Ref xi = let(x + "_xi", new StandardNormal(stream));
      Ref dW = let(x + "_dW", new Arith(mul(sqrtDt, xi)));
      Expr increment = mul(g, dW);
      Expr dg = Simplifier.simplifyDerived(
          Derivative.of(noise.diffusion(), x, bodyLets.locals(noise)), noise.diffusion());
      if (noise.milstein() && !isZero(dg)) {
        Expr slope = !Uniformity.isNonTrivial(dg) ? bodyLets.atStart(noise, dg)
            : uniformity.isUniform(dg) ? hoist(x + "_noiseSlope", new Arith(dg))
            : let(x + "_noiseSlope", new Arith(bodyLets.atStart(noise,
                hoistParts(dg, x + "_noiseSlopeTerm", new int[] {0}))));
        Expr correction =
            mul(mul(mul(num(0.5), g), slope), sub(mul(dW, dW), dt()));
        increment = add(increment, correction);
      }
      updates.put(x, add(updates.get(x), increment));
    }
  }

  /** Stores the new values; through {@code x_new} locals when several variables read each other. */
  private void store(Map<String, Expr> updates) {
    if (updates.size() == 1) {
      updates.forEach((x, value) -> perElement.add(new Store(x, value)));
      return;
    }
    Map<String, Ref> next = new LinkedHashMap<>();
    // A value already in a local (a stage loop's combination) is stored from it.
    updates.forEach((x, value) -> next.put(x,
        value instanceof Ref r && r.kind() == RefKind.LOCAL ? r : let(x + "_new", new Arith(value))));
    next.forEach((x, ref) -> perElement.add(new Store(x, ref)));
  }

  private static boolean isZero(Expr e) {
    return e instanceof Num n && n.value() == 0;
  }

  private Ref let(String wanted, StepPlan.Value value) {
    String name = names.allocate(wanted);
    target.add(new Let(name, value));
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
