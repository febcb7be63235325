package io.brainstem.processor.integrate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static io.brainstem.processor.integrate.Exprs.mul;
import static io.brainstem.processor.integrate.TestExprs.call;
import static io.brainstem.processor.integrate.TestExprs.neg;
import static io.brainstem.processor.integrate.TestExprs.state;
import static io.brainstem.processor.integrate.TestModels.ode;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.ir.Expr.Fn;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every explicit method's measured order of convergence (slope of log error against log dt) on
 * three problems with known solutions: scalar nonlinear, time-dependent, and coupled nonlinear.
 */
class IntegratorOrderTest {
  private static final double[] DTS = {0.025, 0.0125, 0.00625, 0.003125};

  static int theoreticalOrder(Integrator method) {
    return switch (method) {
      case EULER -> 1;
      case MIDPOINT, HEUN, RALSTON2 -> 2;
      case RK3 -> 3;
      case RK4, RK4_38 -> 4;
      case EXP_AUTO, EXP_EULER -> throw new IllegalArgumentException(method.name());
    };
  }

  /** y' = -y², y(0) = 1: y(1) = 1/2. */
  @ParameterizedTest
  @EnumSource(value = Integrator.class, names = {"EXP_AUTO", "EXP_EULER"},
      mode = EnumSource.Mode.EXCLUDE)
  void scalarNonlinear(Integrator method) {
    ModelIR model = TestModels.odesOnly("QuadraticDecay",
        List.of(ode("y", neg(mul(state("y"), state("y"))), "y")));
    assertOrder(method, model, Map.of("y", 1.0), 1.0, end -> Math.abs(end.get("y") - 0.5));
  }

  /** y' = y·cos(t), y(0) = 1: y(t) = exp(sin t); the stages must use their own times. */
  @ParameterizedTest
  @EnumSource(value = Integrator.class, names = {"EXP_AUTO", "EXP_EULER"},
      mode = EnumSource.Mode.EXCLUDE)
  void timeDependent(Integrator method) {
    Ref t = new Ref("t", RefKind.TIME);
    ModelIR model = TestModels.odesOnly("Forced",
        List.of(ode("y", mul(state("y"), call(Fn.TANH, t)), "t", "y")));
    // y' = y·tanh(t): y = cosh(t)
    assertOrder(method, model, Map.of("y", 1.0), 2.0,
        end -> Math.abs(end.get("y") - Math.cosh(2)));
  }

  /** x' = -x·y, y' = -y² from (1, 1): x = y = 1/(1 + t); stages must advance both together. */
  @ParameterizedTest
  @EnumSource(value = Integrator.class, names = {"EXP_AUTO", "EXP_EULER"},
      mode = EnumSource.Mode.EXCLUDE)
  void coupledNonlinear(Integrator method) {
    ModelIR model = TestModels.odesOnly("CoupledDecay", List.of(
        ode("x", neg(mul(state("x"), state("y"))), "x", "y"),
        ode("y", neg(mul(state("y"), state("y"))), "y")));
    assertOrder(method, model, Map.of("x", 1.0, "y", 1.0), 1.0,
        end -> Math.hypot(end.get("x") - 0.5, end.get("y") - 0.5));
  }

  /**
   * EXP_AUTO freezes the slope at the start of the step, so a time-varying coefficient costs it
   * its second order: first order on y' = y·tanh(t).
   */
  @org.junit.jupiter.api.Test
  void expAutoIsFirstOrderWithTimeVaryingCoefficients() {
    Ref t = new Ref("t", RefKind.TIME);
    ModelIR model = TestModels.odesOnly("Forced",
        List.of(ode("y", mul(state("y"), call(Fn.TANH, t)), "t", "y")));
    StepPlan plan = Convergence.plan(model, Integrator.EXP_AUTO);
    double[] errors = new double[DTS.length];
    for (int d = 0; d < DTS.length; d++) {
      errors[d] = Math.abs(Convergence.solve(plan, Map.of("y", 1.0), DTS[d], 2.0).get("y")
          - Math.cosh(2));
    }
    assertThat(Convergence.order(DTS, errors)).isWithin(0.1).of(1);
  }

  private static void assertOrder(Integrator method, ModelIR model, Map<String, Double> initial,
      double until, ToDoubleFunction<Map<String, Double>> error) {
    StepPlan plan = Convergence.plan(model, method);
    double[] errors = new double[DTS.length];
    for (int d = 0; d < DTS.length; d++) {
      errors[d] = error.applyAsDouble(Convergence.solve(plan, initial, DTS[d], until));
    }
    double order = Convergence.order(DTS, errors);
    assertWithMessage("%s on %s: errors %s", method, model.className(),
        java.util.Arrays.toString(errors))
        .that(order).isWithin(0.1).of(theoreticalOrder(method));
    assertThat(errors[DTS.length - 1]).isGreaterThan(0.0);
  }
}
