package io.brainstem.processor.integrate;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.ir.ModelIR;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Runs plans with the {@link Evaluator} and fits convergence orders. */
final class Convergence {
  private Convergence() {}

  static StepPlan plan(ModelIR model, Integrator integrator) {
    return StepPlanner.plan(model, integrator, Uniformity.GROUP_WIDE_PARAMS,
        new LocalNames(Set.of()));
  }

  /** The state after integrating from {@code initial} at t = 0 to {@code until} in steps of dt. */
  static Map<String, Double> solve(
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

  /** Least-squares slope of {@code log(errors)} against {@code log(dts)}. */
  static double order(double[] dts, double[] errors) {
    double[] x = new double[dts.length];
    double[] y = new double[dts.length];
    for (int i = 0; i < dts.length; i++) {
      x[i] = Math.log(dts[i]);
      y[i] = Math.log(errors[i]);
    }
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
