package io.brainstem.processor.integrate;

import static com.google.common.truth.Truth.assertThat;
import static io.brainstem.processor.integrate.Exprs.add;
import static io.brainstem.processor.integrate.Exprs.div;
import static io.brainstem.processor.integrate.Exprs.local;
import static io.brainstem.processor.integrate.Exprs.mul;
import static io.brainstem.processor.integrate.Exprs.num;
import static io.brainstem.processor.integrate.Exprs.sub;
import static io.brainstem.processor.integrate.TestExprs.call;
import static io.brainstem.processor.integrate.TestExprs.input;
import static io.brainstem.processor.integrate.TestExprs.neg;
import static io.brainstem.processor.integrate.TestExprs.param;
import static io.brainstem.processor.integrate.TestExprs.state;
import static io.brainstem.processor.integrate.TestModels.ode;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.integrate.StepPlan.Arith;
import io.brainstem.processor.integrate.StepPlan.ExpEulerFactor;
import io.brainstem.processor.integrate.StepPlan.Let;
import io.brainstem.processor.integrate.StepPlan.Rate;
import io.brainstem.processor.integrate.StepPlan.Step;
import io.brainstem.processor.integrate.StepPlan.Store;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.CmpOp;
import io.brainstem.processor.ir.Expr.Compare;
import io.brainstem.processor.ir.Expr.Cond;
import io.brainstem.processor.ir.Expr.Fn;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.NeuronIR;
import io.brainstem.processor.ir.ModelIR.Noise;
import io.brainstem.processor.ir.ModelIR.Ode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Kernel plans compute each repeated call or division once, with bit-identical results. */
class CommonSubexpressionsTest {
  private static final Ref V = state("v");
  private static final Ref M = state("m");
  private static final Ref VT = param("VT");
  /** Traub's {@code 13 - v + VT}, twice in the gate's alpha. */
  private static final Expr SHIFT = add(sub(num(13), V), VT);
  static final Expr ALPHA =
      div(mul(num(0.32), SHIFT), call(Fn.EXPM1, div(SHIFT, num(4))));
  static final Expr BETA = mul(num(0.5), call(Fn.EXP, div(sub(num(10), V), num(40))));

  /** Traub–Miles' sodium activation {@code dm/dt = alpha·(1 − m) − beta·m}, with its locals. */
  static Ode gate() {
    Map<String, Expr> locals = new LinkedHashMap<>();
    locals.put("alpha", ALPHA);
    locals.put("beta", BETA);
    Expr rhs = sub(mul(new Ref("alpha", RefKind.BODY), sub(num(1), M)),
        mul(new Ref("beta", RefKind.BODY), M));
    return new Ode("m", "dm", List.of("v", "m"), rhs, "alpha * (1 - m) - beta * m", locals);
  }

  /** {@code dv/dt = (gl·(El − v) − gNa·m³·(v − ENa) + I) / Cm}. */
  static Ode membrane() {
    Expr sodium = mul(mul(param("gNa"), mul(mul(M, M), M)), sub(V, param("ENa")));
    Expr rhs = div(add(sub(mul(param("gl"), sub(param("El"), V)), sodium), input("I")),
        param("Cm"));
    return ode("v", rhs, "v", "m");
  }

  static NeuronIR traubLike() {
    return TestModels.odesOnly("TraubLike", List.of(membrane(), gate()));
  }

  private static StepPlan kernel(ModelIR model, Integrator integrator, Uniformity uniformity) {
    return StepPlanner.kernelPlan(model, integrator, uniformity, new LocalNames(Set.of()));
  }

  private static StepPlan unshared(ModelIR model, Integrator integrator, Uniformity uniformity) {
    return StepPlanner.plan(model, integrator, uniformity, new LocalNames(Set.of()));
  }

  @Test
  void gateRatesAreComputedOnceForTheRateAndTheFactor() {
    StepPlan plan = kernel(traubLike(), Integrator.EXP_AUTO, Uniformity.PER_ELEMENT_PARAMS);
    List<String> names = plan.perElement().stream()
        .filter(Let.class::isInstance).map(s -> ((Let) s).name()).toList();
    assertThat(names).containsAtLeast("m_alpha", "m_beta", "m_rate", "m_expEulerFactor").inOrder();
    assertThat(let(plan, "m_alpha").value()).isEqualTo(new Arith(ALPHA));
    assertThat(let(plan, "m_beta").value()).isEqualTo(new Arith(BETA));
    Rate rate = (Rate) let(plan, "m_rate").value();
    assertThat(rate.ode()).isEqualTo(gate());
    assertThat(rate.inlined()).isEqualTo(
        sub(mul(local("m_alpha"), sub(num(1), M)), mul(local("m_beta"), M)));
    assertThat(let(plan, "m_expEulerFactor").value())
        .isEqualTo(new ExpEulerFactor(sub(neg(local("m_alpha")), local("m_beta"))));
    assertThat(calls(plan, Fn.EXPM1)).isEqualTo(1);
    assertThat(calls(plan, Fn.EXP)).isEqualTo(1);
    // Once each before sharing too: the user's locals are lets, read by the rate and the factor.
    StepPlan before = StepPlanner.planWithLocals(traubLike(), Integrator.EXP_AUTO,
        Uniformity.PER_ELEMENT_PARAMS, new LocalNames(Set.of()), false);
    assertThat(calls(before, Fn.EXPM1)).isEqualTo(1);
    assertThat(calls(before, Fn.EXP)).isEqualTo(1);
  }

  @Test
  void theDebugPlanCallsTheMethodAndComputesLocalsOnlyForTheFactor() {
    StepPlan plan = unshared(traubLike(), Integrator.EXP_AUTO, Uniformity.PER_ELEMENT_PARAMS);
    Rate rate = (Rate) let(plan, "m_rate").value();
    assertThat(rate.ode()).isEqualTo(gate());
    assertThat(rate.bindings()).isEmpty();
    // The factor reads alpha and beta, so the debug loop computes them as the method does.
    assertThat(let(plan, "m_expEulerFactor").value())
        .isEqualTo(new ExpEulerFactor(sub(neg(local("m_alpha")), local("m_beta"))));
    assertThat(let(plan, "m_alpha").value()).isEqualTo(new Arith(ALPHA));
  }

  @Test
  void aRepeatedPartOfASharedValueIsSharedToo() {
    // 13 - v + VT alone is not worth a local (no call, no division), but (13 - v + VT) / 4 is.
    Expr quarter = div(SHIFT, num(4));
    Expr rhs = sub(mul(call(Fn.EXPM1, quarter), quarter), mul(ALPHA, M));
    StepPlan plan = kernel(TestModels.odesOnly("Nested", List.of(ode("m", rhs, "v", "m"))),
        Integrator.EULER, Uniformity.PER_ELEMENT_PARAMS);
    // The quarter shift is read by the expm1 local, so it is defined first.
    assertThat(lets(plan)).containsExactly(
        new Let("m_common1", new Arith(quarter)),
        new Let("m_common2", new Arith(call(Fn.EXPM1, local("m_common1")))),
        new Let("m_rate", new Rate(ode("m", rhs, "v", "m"), Map.of(), sub(
            mul(local("m_common2"), local("m_common1")),
            mul(div(mul(num(0.32), SHIFT), local("m_common2")), M))))).inOrder();
  }

  @Test
  void nothingIsSharedWithoutACallOrADivision() {
    // -x, x·y and (x + y)·z twice each: cheaper to recompute, and the JIT shares them anyway.
    Ref x = state("x");
    Ref y = param("y");
    Expr product = mul(x, y);
    Expr compound = mul(add(x, y), param("z"));
    Expr rhs = add(add(mul(neg(x), product), mul(neg(x), compound)), add(product, compound));
    ModelIR model = TestModels.odesOnly("Cheap", List.of(ode("x", rhs, "x")));
    for (Integrator integrator : Linearity.supported(model)) {
      for (Uniformity uniformity : Uniformity.values()) {
        assertThat(kernel(model, integrator, uniformity))
            .isEqualTo(unshared(model, integrator, uniformity));
      }
    }
  }

  @Test
  void aValueOnlyInsideAConditionalBranchIsNotHoistedOutOfIt() {
    Ref x = state("x");
    Expr e = call(Fn.EXP, x);
    Expr test = new Compare(CmpOp.GT, x, num(0));
    Expr branchOnly = new Cond(test, add(e, e), num(0));
    ModelIR model = TestModels.odesOnly("Branch", List.of(ode("x", branchOnly, "x")));
    StepPlan plan = kernel(model, Integrator.EULER, Uniformity.PER_ELEMENT_PARAMS);
    assertThat(plan).isEqualTo(unshared(model, Integrator.EULER, Uniformity.PER_ELEMENT_PARAMS));

    // Computed anyway outside the branch: the branch reads the shared value.
    Expr both = add(e, new Cond(test, e, num(0)));
    model = TestModels.odesOnly("Both", List.of(ode("x", both, "x")));
    plan = kernel(model, Integrator.EULER, Uniformity.PER_ELEMENT_PARAMS);
    assertThat(let(plan, "x_common1").value()).isEqualTo(new Arith(e));
    Rate rate = (Rate) let(plan, "x_rate").value();
    assertThat(rate.inlined())
        .isEqualTo(add(local("x_common1"), new Cond(test, local("x_common1"), num(0))));
  }

  @Test
  void stageValuesAreSharedAfterTheStageIsComputed() {
    // In stage 2, alpha reads v_stage2: its shared parts must come after that local.
    Expr rhs = add(ALPHA, div(num(1), call(Fn.EXPM1, div(SHIFT, num(4)))));
    ModelIR model = TestModels.odesOnly("Stages",
        List.of(ode("v", rhs, "v"), membraneWithoutGate()));
    StepPlan plan = kernel(model, Integrator.RK4, Uniformity.GROUP_WIDE_PARAMS);
    List<String> names = lets(plan).stream().map(Let::name).toList();
    assertThat(names).contains("v_k2_common1");
    assertThat(names.indexOf("v_stage2")).isLessThan(names.indexOf("v_k2_common1"));
    assertThat(names.indexOf("v_k2_common1")).isLessThan(names.indexOf("v_k2"));
    assertDefinedBeforeUse(plan);
  }

  private static Ode membraneWithoutGate() {
    return ode("w", div(sub(V, state("w")), param("tau")), "v", "w");
  }

  @Test
  void uniformValuesSharedByHoistedLocalsAreHoistedOnce() {
    // dx/dt = x·-e^(a/b) and dy/dt = y·-e^(a/b): both slopes are -e^(a/b), hoisted when uniform.
    Expr rate = neg(call(Fn.EXP, div(param("a"), param("b"))));
    ModelIR model = TestModels.odesOnly("Twin", List.of(
        ode("x", mul(state("x"), rate), "x"), ode("y", mul(state("y"), rate), "y")));
    StepPlan plan = kernel(model, Integrator.EXP_AUTO, Uniformity.GROUP_WIDE_PARAMS);
    assertThat(plan.hoisted()).containsExactly(
        new Let("x_common1", new Arith(rate)),
        new Let("x_expEulerFactor", new ExpEulerFactor(local("x_common1"))),
        new Let("y_expEulerFactor", new ExpEulerFactor(local("x_common1")))).inOrder();
    // The loop reads the hoisted value: e^(a/b) is computed once per step, not once per element.
    assertThat(count(plan, rate)).isEqualTo(1);
    assertThat(((Rate) let(plan, "y_rate").value()).inlined())
        .isEqualTo(mul(state("y"), local("x_common1")));
    assertDefinedBeforeUse(plan);
  }

  @Test
  void aValueThatIsAlreadyALocalIsReadFromIt() {
    StepPlan plan = kernel(alphaSynapse(), Integrator.EXP_EULER, Uniformity.GROUP_WIDE_PARAMS);
    assertThat(plan.hoisted().stream().filter(l -> l.name().equals("h_slope")).toList())
        .containsExactly(new Let("h_slope", new Arith(local("g_slope"))));
    assertThat(count(plan, div(num(-1), param("tau")))).isEqualTo(1);
  }

  /** dg/dt = -g/tau + h, dh/dt = -h/tau: both EXP_EULER slopes are -1/tau. */
  private static ModelIR alphaSynapse() {
    Expr g = state("g");
    Expr h = state("h");
    return TestModels.odesOnly("Alpha", List.of(
        ode("g", add(div(neg(g), param("tau")), h), "g", "h"),
        ode("h", div(neg(h), param("tau")), "h")));
  }

  @Test
  void aUsersLocalKeepsItsNameWhenPartOfItIsHoisted() {
    StepPlan plan = kernel(wilsonCowanLike(), Integrator.EXP_AUTO, Uniformity.GROUP_WIDE_PARAMS);
    assertThat(lets(plan).stream().map(Let::name).toList()).contains("x_f");
    assertDefinedBeforeUse(plan);
  }

  /** Wilson–Cowan: f = S(input) - S(0); S(0) depends on parameters only, so it is hoisted. */
  private static ModelIR wilsonCowanLike() {
    Ref x = state("x");
    Expr drive = neg(mul(param("a"), sub(x, param("th"))));
    Expr sigmoid = div(num(1), add(num(1), call(Fn.EXP, drive)));
    Expr atZero = div(num(1), add(num(1), call(Fn.EXP, mul(param("a"), param("th")))));
    Expr f = sub(sigmoid, atZero);
    Expr rhs = div(add(neg(x), mul(sub(num(1), x), new Ref("f", RefKind.BODY))), param("tau"));
    Ode ode = new Ode("x", "dx", List.of("x"), rhs, "(-x + (1 - x) * f) / tau", Map.of("f", f));
    return TestModels.odesOnly("WilsonCowanLike", List.of(ode));
  }

  @Test
  void sharedNamesNeverClashWithTheModelsOwn() {
    StepPlan plan = StepPlanner.kernelPlan(traubLike(), Integrator.EXP_AUTO,
        Uniformity.PER_ELEMENT_PARAMS, new LocalNames(Set.of("m_alpha", "v", "m")));
    assertThat(lets(plan).stream().map(Let::name).toList()).contains("m_alpha_");
  }

  /** Every model, integrator and layout: kernel and unshared plans step to the same doubles. */
  @Test
  void sharedPlansGiveBitIdenticalResults() {
    Random random = new Random(42);
    for (ModelIR model : models()) {
      for (Integrator integrator : Linearity.supported(model)) {
        for (Uniformity uniformity : Uniformity.values()) {
          StepPlan shared = kernel(model, integrator, uniformity);
          StepPlan plain = unshared(model, integrator, uniformity);
          assertDefinedBeforeUse(shared);
          for (int trial = 0; trial < 50; trial++) {
            Map<String, Double> env = randomEnvironment(model, random);
            for (int k = 0; k < 5; k++) {
              Map<String, Double> a = Evaluator.step(shared, env);
              Map<String, Double> b = Evaluator.step(plain, env);
              for (ModelIR.State s : model.states()) {
                // Double.equals compares bits: -0.0 and 0.0 differ, NaN equals NaN.
                assertThat(a.get(s.name()))
                    .isEqualTo(b.get(s.name()));
              }
              env = a;
            }
          }
        }
      }
    }
  }

  private static List<ModelIR> models() {
    ModelIR noisy = NoisePlanTest.withNoise(traubLike(), List.of(new Noise("m", "noiseM",
        List.of(), mul(param("sigma"), call(Fn.SQRT, div(M, param("tau")))), "...", true)));
    return List.of(TestModels.lif(), traubLike(), noisy, alphaSynapse(), wilsonCowanLike(),
        TestModels.odesOnly("Branch", List.of(ode("v",
            new Cond(new Compare(CmpOp.GT, V, num(0)), call(Fn.EXP, div(V, num(3))),
                add(call(Fn.EXP, div(V, num(3))), div(num(1), V))), "v"))));
  }

  private static Map<String, Double> randomEnvironment(ModelIR model, Random random) {
    Map<String, Double> env = new HashMap<>();
    for (String name : List.of("VT", "gNa", "ENa", "gl", "El", "I", "Cm", "sigma", "tau",
        "V_rest", "R", "input", "a", "th")) {
      env.put(name, 0.5 + 20 * random.nextDouble());
    }
    env.put("VT", -63 + random.nextGaussian());
    env.put("xi0", random.nextGaussian());
    for (ModelIR.State s : model.states()) {
      boolean gate = s.name().equals("m");
      env.put(s.name(), gate ? random.nextDouble() : -80 + 60 * random.nextDouble());
    }
    env.put("t", 10 * random.nextDouble());
    env.put("dt", 0.01 + 0.1 * random.nextDouble());
    return env;
  }

  /** Every local read by a step is defined by an earlier hoisted or per-element let. */
  static void assertDefinedBeforeUse(StepPlan plan) {
    Set<String> defined = new HashSet<>();
    List<Step> all = new ArrayList<>(plan.hoisted());
    all.addAll(plan.perElement());
    for (Step step : all) {
      expr(step).ifPresent(e -> Exprs.forEachRef(e, r -> {
        if (r.kind() == RefKind.LOCAL) {
          assertThat(defined).contains(r.name());
        }
      }));
      if (step instanceof Let let) {
        assertThat(defined.add(let.name())).isTrue();
      }
    }
  }

  private static Optional<Expr> expr(Step step) {
    if (step instanceof Store store) {
      return Optional.of(store.value());
    }
    StepPlan.Value value = ((Let) step).value();
    if (value instanceof Arith a) {
      return Optional.of(a.expr());
    } else if (value instanceof Rate r) {
      return Optional.of(r.inlined());
    } else if (value instanceof ExpEulerFactor f) {
      return Optional.of(f.linearPart());
    } else if (value instanceof StepPlan.Diffusion d) {
      return Optional.of(d.inlined());
    }
    return Optional.empty();
  }

  private static List<Let> lets(StepPlan plan) {
    return plan.perElement().stream().filter(Let.class::isInstance).map(Let.class::cast).toList();
  }

  private static Let let(StepPlan plan, String name) {
    return lets(plan).stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
  }

  /** How many times the kernel evaluates {@code fn} per element and before the loop. */
  private static int calls(StepPlan plan, Fn fn) {
    int[] n = {0};
    forEachExpr(plan, e -> n[0] += countCalls(e, fn));
    return n[0];
  }

  private static int countCalls(Expr e, Fn fn) {
    int own = e instanceof Expr.Call c && c.fn() == fn ? 1 : 0;
    return own + Exprs.children(e).stream().mapToInt(c -> countCalls(c, fn)).sum();
  }

  private static int count(StepPlan plan, Expr tree) {
    int[] n = {0};
    forEachExpr(plan, e -> n[0] += countTree(e, tree));
    return n[0];
  }

  private static int countTree(Expr e, Expr tree) {
    return e.equals(tree) ? 1
        : Exprs.children(e).stream().mapToInt(c -> countTree(c, tree)).sum();
  }

  private static void forEachExpr(StepPlan plan, java.util.function.Consumer<Expr> visitor) {
    plan.hoisted().forEach(l -> expr(l).ifPresent(visitor));
    plan.perElement().forEach(s -> expr(s).ifPresent(visitor));
  }
}
