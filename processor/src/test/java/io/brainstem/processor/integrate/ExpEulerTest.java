package io.brainstem.processor.integrate;

import static com.google.common.truth.Truth.assertThat;
import static io.brainstem.processor.integrate.Exprs.add;
import static io.brainstem.processor.integrate.Exprs.div;
import static io.brainstem.processor.integrate.Exprs.mul;
import static io.brainstem.processor.integrate.Exprs.num;
import static io.brainstem.processor.integrate.Exprs.sub;
import static io.brainstem.processor.integrate.TestExprs.call;
import static io.brainstem.processor.integrate.TestExprs.neg;
import static io.brainstem.processor.integrate.TestExprs.param;
import static io.brainstem.processor.integrate.TestExprs.state;
import static io.brainstem.processor.integrate.TestModels.ode;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.integrate.StepPlan.Let;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.CmpOp;
import io.brainstem.processor.ir.Expr.Compare;
import io.brainstem.processor.ir.Expr.Cond;
import io.brainstem.processor.ir.Expr.Fn;
import io.brainstem.processor.ir.ModelIR;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** EXP_EULER: the linearity rule and the relaxation update x∞ + (x − x∞)·e^{dt·A}. */
class ExpEulerTest {

  @Test
  void exactForLif() {
    StepPlan plan = Convergence.plan(TestModels.lif(), Integrator.EXP_EULER);
    double dt = 0.1;
    double vInf = -2 + 1.5 * 25;
    Map<String, Double> env = new HashMap<>(Map.of(
        "V_rest", -2.0, "R", 1.5, "tau", 10.0, "input", 25.0, "V", -3.0, "dt", dt, "t", 0.0));
    double worst = 0;
    for (int k = 1; k <= 1000; k++) {
      env = Evaluator.step(plan, env);
      double exact = vInf + (-3 - vInf) * Math.exp(-k * dt / 10);
      worst = Math.max(worst, Math.abs(env.get("V") - exact));
    }
    assertThat(worst).isLessThan(1e-12);
  }

  @Test
  void groupWideLifHoistsSlopeAndDecay() {
    StepPlan plan = Convergence.plan(TestModels.lif(), Integrator.EXP_EULER);
    assertThat(plan.hoisted().stream().map(Let::name).toList())
        .containsExactly("V_slope", "V_decay").inOrder();
  }

  /** dx/dt = a - b·x with b = 0 per element: the slope is 0 there, and the step is Euler's. */
  @Test
  void zeroSlopeAtRunTimeFallsBackToEuler() {
    ModelIR model = TestModels.odesOnly("Relax",
        List.of(ode("x", sub(param("a"), mul(param("b"), state("x"))), "x")));
    for (Uniformity u : Uniformity.values()) {
      StepPlan plan = StepPlanner.plan(model, Integrator.EXP_EULER, u, new LocalNames(Set.of()));
      Map<String, Double> next = Evaluator.step(plan,
          Map.of("a", 3.0, "b", 0.0, "x", 1.0, "dt", 0.1, "t", 0.0));
      assertThat(next.get("x")).isEqualTo(1.0 + 0.1 * 3.0);
      next = Evaluator.step(plan, Map.of("a", 3.0, "b", 2.0, "x", 1.0, "dt", 0.1, "t", 0.0));
      assertThat(next.get("x")).isWithin(1e-15).of(1.5 + (1 - 1.5) * Math.exp(-0.2));
    }
  }

  /** Hodgkin–Huxley gating: dm/dt = α(V)(1 − m) − β(V)m relaxes exactly to m∞ with τ = 1/(α+β). */
  @Test
  void gatingVariableRelaxesExactlyForFrozenVoltage() {
    Expr v = state("V");
    Expr alpha = div(mul(num(0.1), add(v, num(40))),
        sub(num(1), call(Fn.EXP, div(neg(add(v, num(40))), num(10)))));
    Expr beta = mul(num(4), call(Fn.EXP, div(neg(add(v, num(65))), num(18))));
    Expr dm = sub(mul(alpha, sub(num(1), state("m"))), mul(beta, state("m")));
    ModelIR model = TestModels.odesOnly("Gate", List.of(ode("m", dm, "V", "m")));
    StepPlan plan = Convergence.plan(model, Integrator.EXP_EULER);
    double vm = -50;
    double a = 0.1 * (vm + 40) / (1 - Math.exp(-(vm + 40) / 10));
    double b = 4 * Math.exp(-(vm + 65) / 18);
    Map<String, Double> env = Map.of("V", vm, "m", 0.05, "dt", 0.5, "t", 0.0);
    Map<String, Double> next = Evaluator.step(plan, env);
    double mInf = a / (a + b);
    assertThat(next.get("m")).isWithin(1e-15).of(mInf + (0.05 - mInf) * Math.exp(-0.5 * (a + b)));
  }

  @Test
  void linearityIsDecidedSymbolically() {
    Expr x = state("x");
    assertThat(Linearity.isLinear(ode("x", div(sub(param("E"), x), param("tau")), "x"))).isTrue();
    assertThat(Linearity.isLinear(ode("x", mul(call(Fn.EXP, state("y")), x), "x", "y"))).isTrue();
    assertThat(Linearity.isLinear(ode("x",
        new Cond(new Compare(CmpOp.GT, state("y"), num(0)), x, neg(x)), "x", "y"))).isTrue();
    assertThat(Linearity.isLinear(ode("x", neg(mul(x, x)), "x"))).isFalse();
    assertThat(Linearity.isLinear(ode("x", call(Fn.EXP, x), "x"))).isFalse();
    assertThat(Linearity.isLinear(ode("x", div(num(1), x), "x"))).isFalse();
  }

  @Test
  void planningANonlinearOdeIsRefused() {
    ModelIR model = TestModels.odesOnly("Quadratic",
        List.of(ode("x", neg(mul(state("x"), state("x"))), "x")));
    assertThat(Linearity.supported(model)).doesNotContain(Integrator.EXP_EULER);
    assertThrows(IllegalArgumentException.class,
        () -> Convergence.plan(model, Integrator.EXP_EULER));
  }

  /** With frozen coefficients that vary in time, EXP_EULER is first order: y' = -y·(1 + t). */
  @Test
  void firstOrderWithTimeVaryingCoefficients() {
    Expr t = new Expr.Ref("t", Expr.RefKind.TIME);
    ModelIR model = TestModels.odesOnly("Ramp",
        List.of(ode("y", neg(mul(state("y"), add(num(1), t))), "t", "y")));
    StepPlan plan = Convergence.plan(model, Integrator.EXP_EULER);
    double[] dts = {0.05, 0.025, 0.0125, 0.00625};
    double[] errors = new double[dts.length];
    for (int d = 0; d < dts.length; d++) {
      double y = Convergence.solve(plan, Map.of("y", 1.0), dts[d], 1.0).get("y");
      errors[d] = Math.abs(y - Math.exp(-1.5));
    }
    assertThat(Convergence.order(dts, errors)).isWithin(0.1).of(1);
  }
}
