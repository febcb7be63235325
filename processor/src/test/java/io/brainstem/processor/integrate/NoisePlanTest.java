package io.brainstem.processor.integrate;

import static com.google.common.truth.Truth.assertThat;
import static io.brainstem.processor.integrate.Exprs.div;
import static io.brainstem.processor.integrate.Exprs.mul;
import static io.brainstem.processor.integrate.TestExprs.neg;
import static io.brainstem.processor.integrate.TestExprs.param;
import static io.brainstem.processor.integrate.TestExprs.state;
import static io.brainstem.processor.integrate.TestModels.ode;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.integrate.StepPlan.Let;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.NeuronIR;
import io.brainstem.processor.ir.ModelIR.Noise;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Strong convergence of the noise terms on geometric Brownian motion dX = μX dt + σX dW, whose
 * exact solution X0·exp((μ − σ²/2)t + σW_t) is evaluated on the same Brownian path: each coarse
 * increment is the sum of the finest ones.
 */
class NoisePlanTest {
  private static final double MU = 1.5;
  private static final double SIGMA = 1.0;
  private static final int PATHS = 400;
  private static final int FINEST = 256;
  private static final int[] STEPS = {32, 64, 128, 256};

  private static ModelIR gbm(boolean milstein) {
    Expr x = state("x");
    NeuronIR deterministic = TestModels.odesOnly("Gbm", List.of(ode("x", mul(param("mu"), x), "x")));
    Noise noise = new Noise("x", "noiseX", List.of("x"), mul(param("sigma"), x), "sigma * x",
        milstein);
    return withNoise(deterministic, List.of(noise));
  }

  static NeuronIR withNoise(NeuronIR m, List<Noise> noises) {
    return new NeuronIR(m.packageName(), m.className(), m.method(), m.params(), m.states(),
        m.inputs(), m.odes(), m.threshold(), m.reset(), m.refractoryParam(), noises, m.methods());
  }

  @Test
  void eulerMaruyamaHasStrongOrderOneHalf() {
    assertThat(strongOrder(gbm(false), Integrator.EULER)).isWithin(0.1).of(0.5);
  }

  @Test
  void milsteinHasStrongOrderOne() {
    assertThat(strongOrder(gbm(true), Integrator.EULER)).isWithin(0.1).of(1.0);
  }

  /** Noise is added after any deterministic method; with Milstein the order stays one. */
  @Test
  void milsteinAfterRk4HasStrongOrderOne() {
    assertThat(strongOrder(gbm(true), Integrator.RK4)).isWithin(0.1).of(1.0);
  }

  @Test
  void additiveNoiseNeedsNoCorrection() {
    ModelIR ou = withNoise(
        TestModels.odesOnly("Ou", List.of(ode("x", div(neg(state("x")), param("tau")), "x"))),
        List.of(new Noise("x", "noiseX", List.of(), param("sigma"), "sigma", true)));
    StepPlan plan = Convergence.plan(ou, Integrator.EULER);
    assertThat(plan.perElement().stream()
            .filter(s -> s instanceof Let l && l.name().contains("noiseSlope")).count())
        .isEqualTo(0);
    Map<String, Double> next = Evaluator.step(plan, Map.of(
        "x", 2.0, "tau", 4.0, "sigma", 0.3, "dt", 0.25, "t", 0.0, "xi0", -1.2));
    assertThat(next.get("x")).isWithin(1e-15).of(2.0 + 0.25 * (-2.0 / 4.0) + 0.3 * 0.5 * -1.2);
  }

  @Test
  void multiplicativeNoiseHoistsItsSlope() {
    StepPlan plan = Convergence.plan(gbm(true), Integrator.EULER);
    assertThat(plan.hoisted().stream().map(Let::name).toList()).containsExactly("sqrtDt");
    Map<String, Double> next = Evaluator.step(plan, Map.of(
        "x", 2.0, "mu", MU, "sigma", SIGMA, "dt", 0.25, "t", 0.0, "xi0", 0.8));
    double dW = 0.5 * 0.8;
    double expected = 2.0 + 0.25 * (MU * 2.0) + SIGMA * 2.0 * dW
        + 0.5 * (SIGMA * 2.0) * SIGMA * (dW * dW - 0.25);
    assertThat(next.get("x")).isWithin(1e-14).of(expected);
  }

  /** Mean absolute error at T = 1 over {@code PATHS} paths, for each step count; fitted slope. */
  private static double strongOrder(ModelIR model, Integrator method) {
    StepPlan plan = Convergence.plan(model, method);
    Random random = new Random(20261126);
    double[] errors = new double[STEPS.length];
    double[] dts = new double[STEPS.length];
    for (int p = 0; p < PATHS; p++) {
      double[] fine = new double[FINEST];
      double w = 0;
      for (int k = 0; k < FINEST; k++) {
        fine[k] = random.nextGaussian() * Math.sqrt(1.0 / FINEST);
        w += fine[k];
      }
      double exact = Math.exp((MU - SIGMA * SIGMA / 2) + SIGMA * w);
      for (int level = 0; level < STEPS.length; level++) {
        int steps = STEPS[level];
        double dt = 1.0 / steps;
        int group = FINEST / steps;
        Map<String, Double> env = new HashMap<>(Map.of("x", 1.0, "mu", MU, "sigma", SIGMA,
            "dt", dt));
        for (int k = 0; k < steps; k++) {
          double dW = 0;
          for (int j = 0; j < group; j++) {
            dW += fine[k * group + j];
          }
          env.put("t", k * dt);
          env.put("xi0", dW / Math.sqrt(dt));
          env = Evaluator.step(plan, env);
        }
        errors[level] += Math.abs(env.get("x") - exact) / PATHS;
        dts[level] = dt;
      }
    }
    return Convergence.order(dts, errors);
  }
}
