package io.brainstem.processor.integrate;

import static com.google.common.truth.Truth.assertThat;
import static io.brainstem.processor.integrate.Exprs.div;
import static io.brainstem.processor.integrate.Exprs.mul;
import static io.brainstem.processor.integrate.TestExprs.neg;
import static io.brainstem.processor.integrate.TestExprs.param;
import static io.brainstem.processor.integrate.TestExprs.state;
import static io.brainstem.processor.integrate.TestModels.ode;

import io.brainstem.processor.emit.EmittedText;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.ModelIR.Noise;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the integrators add to the generated source: noise members, refused methods. */
class GeneratedTextTest {

  @Test
  void noisyGroupHasSeedCounterAndDraws() {
    ModelIR ou = NoisePlanTest.withNoise(
        TestModels.odesOnly("Ou", List.of(ode("x", div(neg(state("x")), param("tau")), "x"))),
        List.of(new Noise("x", "noiseX", List.of(), param("sigma"), "sigma", true)));
    String text = EmittedText.of(ou);
    assertThat(text).contains("public OuGroup seed(long seed) {");
    assertThat(text).contains("this.noiseSeed = name.hashCode();");
    // Draws are keyed by the absolute step, so ranges and threads draw the same numbers.
    assertThat(text).doesNotContain("noiseStep");
    assertThat(text).contains("final double sqrtDt = Math.sqrt(dt);");
    assertThat(text).contains("// noise on x: sigma · dW");
    assertThat(text).contains(
        "final double x_xi = Gaussian.at(this.noiseSeed, i, Math.round(t / dt), 0);");
    assertThat(text).contains("x = x + x_expEulerFactor * x_rate + x_noise * x_dW;");
    // the debug loop calls the user's method
    assertThat(text).contains("final double x_noise = m.noiseX();");
  }

  /** Kernels compute each gate's alpha and beta once; the debug loop calls the user's method. */
  @Test
  void kernelsComputeEachGateRateOnce() {
    String text = EmittedText.of(CommonSubexpressionsTest.traubLike());
    String kernel = method(text, "stepExpAutoPerElement");
    assertThat(kernel).contains("""
              final double m_alpha = 0.32 * (13.0 - v + VT) / Math.expm1((13.0 - v + VT) / 4.0);
              final double m_beta = 0.5 * Math.exp((10.0 - v) / 40.0);
              // dm/dt = alpha * (1 - m) - beta * m
              final double m_rate = m_alpha * (1.0 - m) - m_beta * m;
              final double m_expEulerFactor = dt * Exprel.exprel(dt * (-m_alpha - m_beta));
        """);
    assertThat(occurrences(kernel, "Math.expm1(")).isEqualTo(1);
    assertThat(occurrences(kernel, "Math.exp(")).isEqualTo(1);
    // Every Runge–Kutta method runs one stage loop: the right-hand side is written once.
    assertThat(occurrences(method(text, "stepRungeKutta"), "Math.expm1(")).isEqualTo(1);
    String debug = method(text, "stepExpAutoDebug");
    // (the model instance is m_, since the model has a state m)
    assertThat(debug).contains("final double m_rate = m_.dm(v, m);");
    // The factor reads the user's alpha and beta, so the debug loop computes them as dm does.
    assertThat(debug).contains(
        "final double m_expEulerFactor = dt * Exprel.exprel(dt * (-m_alpha - m_beta));");
    assertThat(occurrences(debug, "Math.expm1(")).isEqualTo(1);
  }

  /** The text of method {@code name} of generated source {@code text}. */
  private static String method(String text, String name) {
    int start = text.indexOf("private int " + name + "(");
    assertThat(start).isAtLeast(0);
    return text.substring(start, text.indexOf("\n  }\n", start));
  }

  private static int occurrences(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  @Test
  void deterministicGroupHasNoNoiseMembers() {
    String text = EmittedText.of(TestModels.lif());
    assertThat(text).doesNotContain("seed");
    assertThat(text).doesNotContain("Gaussian");
    assertThat(text).contains("private int stepExpEuler(double t, double dt, int from, int to) {");
    assertThat(text).contains("private int stepRungeKuttaDebug(double t, double dt, int from, int to) {");
  }

  @Test
  void nonlinearModelHasNoExpEulerLoopsAndRefusesIt() {
    ModelIR model = TestModels.odesOnly("Square",
        List.of(ode("x", neg(mul(state("x"), state("x"))), "x")));
    String text = EmittedText.of(model);
    assertThat(text).doesNotContain("stepExpEuler");
    assertThat(text).doesNotContain("case EXP_EULER");
    assertThat(text).contains("if (method == Integrator.EXP_EULER) {");
    assertThat(text).contains("Square cannot use EXP_EULER: dx/dt = x' = ... is not linear in x");
  }
}
