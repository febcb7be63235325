package io.brainstem.processor.integrate;

import static com.google.common.truth.Truth.assertThat;
import static io.brainstem.processor.integrate.Exprs.add;
import static io.brainstem.processor.integrate.Exprs.div;
import static io.brainstem.processor.integrate.Exprs.mul;
import static io.brainstem.processor.integrate.Exprs.num;
import static io.brainstem.processor.integrate.Exprs.sub;
import static io.brainstem.processor.integrate.TestExprs.neg;
import static io.brainstem.processor.integrate.TestExprs.param;
import static io.brainstem.processor.integrate.TestExprs.state;
import static io.brainstem.processor.integrate.TestModels.ode;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.integrate.StepPlan.ExpEulerFactor;
import io.brainstem.processor.integrate.StepPlan.Let;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.BinOp;
import io.brainstem.processor.ir.Expr.Binary;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StepPlannerTest {

  private static StepPlan plan(ModelIR model, Integrator integrator, Uniformity uniformity) {
    return StepPlanner.plan(model, integrator, uniformity, new LocalNames(Set.of()));
  }

  @Test
  void expAutoIsExactForLif() {
    StepPlan plan = plan(TestModels.lif(), Integrator.EXP_AUTO, Uniformity.GROUP_WIDE_PARAMS);
    double dt = 0.1;
    double vRest = -2;
    double r = 1.5;
    double tau = 10;
    double current = 25;
    double v0 = -3;
    Map<String, Double> env = new HashMap<>(Map.of(
        "V_rest", vRest, "R", r, "tau", tau, "input", current, "V", v0, "dt", dt, "t", 0.0));
    double vInf = vRest + r * current;
    double worst = 0;
    for (int k = 1; k <= 1000; k++) {
      env = Evaluator.step(plan, env);
      double exact = vInf + (v0 - vInf) * Math.exp(-k * dt / tau);
      worst = Math.max(worst, Math.abs(env.get("V") - exact));
    }
    assertThat(worst).isLessThan(1e-12);
  }

  @Test
  void groupWideLifHoistsTheExpEulerFactor() {
    StepPlan plan = plan(TestModels.lif(), Integrator.EXP_AUTO, Uniformity.GROUP_WIDE_PARAMS);
    assertThat(plan.hoisted()).containsExactly(new Let("V_expEulerFactor",
        new ExpEulerFactor(new Binary(BinOp.DIV, num(-1), param("tau")))));
    assertThat(plan.perElement()).hasSize(2);
  }

  @Test
  void perElementLifHoistsNothing() {
    StepPlan plan = plan(TestModels.lif(), Integrator.EXP_AUTO, Uniformity.PER_ELEMENT_PARAMS);
    assertThat(plan.hoisted()).isEmpty();
    assertThat(plan.perElement()).hasSize(3);
  }

  @Test
  void uniformPartsOfAStateDependentSlopeAreHoisted() {
    // dx/dt = -x / tau - x * x * (c * d): slope -1/tau - (x + x) * (c * d)
    Expr x = state("x");
    Expr rhs = sub(div(neg(x), param("tau")), mul(mul(x, x), mul(param("c"), param("d"))));
    ModelIR model = TestModels.odesOnly("Quadratic", List.of(ode("x", rhs, "x")));
    StepPlan plan = plan(model, Integrator.EXP_AUTO, Uniformity.GROUP_WIDE_PARAMS);
    assertThat(plan.hoisted().stream().map(Let::name).toList())
        .containsExactly("x_slopeTerm1", "x_slopeTerm2");
    assertThat(plan(model, Integrator.EXP_AUTO, Uniformity.PER_ELEMENT_PARAMS).hoisted()).isEmpty();
  }

  @Test
  void zeroSlopeNeedsNoFactor() {
    ModelIR model = TestModels.odesOnly("Drift", List.of(ode("x", param("a"))));
    StepPlan plan = plan(model, Integrator.EXP_AUTO, Uniformity.GROUP_WIDE_PARAMS);
    assertThat(plan.hoisted()).isEmpty();
    assertThat(plan.perElement()).hasSize(2);
  }

  @Test
  void localNamesAvoidModelNames() {
    StepPlan plan = StepPlanner.plan(TestModels.lif(), Integrator.EXP_AUTO,
        Uniformity.GROUP_WIDE_PARAMS, new LocalNames(Set.of("V_expEulerFactor")));
    assertThat(plan.hoisted().get(0).name()).isEqualTo("V_expEulerFactor_");
  }

  /** dy/dt = -y², y(0) = 1: y(t) = 1 / (1 + t). */
  private static final ModelIR QUADRATIC_DECAY = TestModels.odesOnly("QuadraticDecay",
      List.of(ode("y", neg(mul(state("y"), state("y"))), "y")));

  @Test
  void eulerIsFirstOrder() {
    assertThat(order(Integrator.EULER)).isWithin(0.1).of(1);
  }

  @Test
  void rk4IsFourthOrder() {
    assertThat(order(Integrator.RK4)).isWithin(0.1).of(4);
  }

  /**
   * With the exact slope, exponential Euler on a scalar autonomous ODE is the exponential
   * Rosenbrock–Euler method, which is second order.
   */
  @Test
  void expAutoIsSecondOrderOnAScalarNonlinearProblem() {
    assertThat(order(Integrator.EXP_AUTO)).isWithin(0.1).of(2);
  }

  /**
   * Freezing the other variables (BrainPy's diagonal linearisation) costs an order on a coupled
   * system: x' = -x·y, y' = -y² from (1, 1) has x = y = 1 / (1 + t).
   */
  @Test
  void expAutoIsFirstOrderOnACoupledNonlinearSystem() {
    ModelIR model = TestModels.odesOnly("CoupledDecay", List.of(
        ode("x", neg(mul(state("x"), state("y"))), "x", "y"),
        ode("y", neg(mul(state("y"), state("y"))), "y")));
    StepPlan plan = plan(model, Integrator.EXP_AUTO, Uniformity.GROUP_WIDE_PARAMS);
    double[] dts = {0.1, 0.05, 0.025, 0.0125, 0.00625};
    double[] logDt = new double[dts.length];
    double[] logErr = new double[dts.length];
    for (int d = 0; d < dts.length; d++) {
      Map<String, Double> end = solve(plan, Map.of("x", 1.0, "y", 1.0), dts[d], 1.0);
      logDt[d] = Math.log(dts[d]);
      logErr[d] = Math.log(Math.abs(end.get("x") - 0.5));
    }
    assertThat(slope(logDt, logErr)).isWithin(0.1).of(1);
  }

  /** Least-squares slope of log(error at t = 1) against log(dt). */
  private static double order(Integrator integrator) {
    StepPlan plan = plan(QUADRATIC_DECAY, integrator, Uniformity.GROUP_WIDE_PARAMS);
    double[] dts = {0.1, 0.05, 0.025, 0.0125, 0.00625};
    double[] logDt = new double[dts.length];
    double[] logErr = new double[dts.length];
    for (int d = 0; d < dts.length; d++) {
      double y = solve(plan, Map.of("y", 1.0), dts[d], 1.0).get("y");
      logDt[d] = Math.log(dts[d]);
      logErr[d] = Math.log(Math.abs(y - 0.5));
    }
    return slope(logDt, logErr);
  }

  @Test
  void rk4AdvancesACoupledSystemTogether() {
    // x' = v, v' = -x from (1, 0): (cos t, -sin t); order 4 only if stages use each other's values.
    ModelIR oscillator = TestModels.odesOnly("Oscillator", List.of(
        ode("x", state("v"), "v"), ode("v", neg(state("x")), "x")));
    StepPlan plan = plan(oscillator, Integrator.RK4, Uniformity.GROUP_WIDE_PARAMS);
    double[] dts = {0.2, 0.1, 0.05, 0.025};
    double[] logDt = new double[dts.length];
    double[] logErr = new double[dts.length];
    for (int d = 0; d < dts.length; d++) {
      Map<String, Double> end = solve(plan, Map.of("x", 1.0, "v", 0.0), dts[d], 2.0);
      logDt[d] = Math.log(dts[d]);
      logErr[d] = Math.log(Math.hypot(end.get("x") - Math.cos(2), end.get("v") + Math.sin(2)));
    }
    assertThat(slope(logDt, logErr)).isWithin(0.1).of(4);
  }

  @Test
  void rk4EvaluatesStagesAtTheirOwnTimes() {
    // y' = t - y from y(0) = 1: y = t - 1 + 2 e^{-t}
    Ref time = new Ref("t", RefKind.TIME);
    ModelIR model = TestModels.odesOnly("Forced", List.of(ode("y", sub(time, state("y")), "t", "y")));
    StepPlan plan = plan(model, Integrator.RK4, Uniformity.GROUP_WIDE_PARAMS);
    assertThat(plan.hoisted().stream().map(Let::name).toList())
        .containsExactly("halfDt", "sixthDt", "tMid", "tEnd");
    double y = solve(plan, Map.of("y", 1.0), 0.1, 1.0).get("y");
    assertThat(y).isWithin(1e-6).of(2 * Math.exp(-1));
  }

  @Test
  void expAutoFreezesOtherVariablesOfACoupledSystem() {
    // x' = -x + v, v' = -v: each update must read step-n values of the other variable.
    ModelIR model = TestModels.odesOnly("Chain", List.of(
        ode("x", add(neg(state("x")), state("v")), "x", "v"), ode("v", neg(state("v")), "v")));
    StepPlan plan = plan(model, Integrator.EXP_AUTO, Uniformity.GROUP_WIDE_PARAMS);
    Map<String, Double> next = Evaluator.step(plan, Map.of("x", 1.0, "v", 2.0, "dt", 0.5, "t", 0.0));
    double decay = Math.exp(-0.5);
    assertThat(next.get("x")).isWithin(1e-14).of(2 + (1 - 2) * decay);
    assertThat(next.get("v")).isWithin(1e-14).of(2 * decay);
  }

  private static Map<String, Double> solve(
      StepPlan plan, Map<String, Double> initial, double dt, double until) {
    Map<String, Double> env = new HashMap<>(initial);
    env.put("dt", dt);
    int steps = (int) Math.round(until / dt);
    for (int k = 0; k < steps; k++) {
      env.put("t", k * dt);
      env = Evaluator.step(plan, env);
    }
    return env;
  }

  private static double slope(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i] / x.length;
      my += y[i] / y.length;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxy / sxx;
  }
}
