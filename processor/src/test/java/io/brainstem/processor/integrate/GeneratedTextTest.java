package io.brainstem.processor.integrate;

import static com.google.common.truth.Truth.assertThat;
import static io.brainstem.processor.integrate.Exprs.div;
import static io.brainstem.processor.integrate.Exprs.mul;
import static io.brainstem.processor.integrate.TestExprs.neg;
import static io.brainstem.processor.integrate.TestExprs.param;
import static io.brainstem.processor.integrate.TestExprs.state;
import static io.brainstem.processor.integrate.TestModels.ode;

import io.brainstem.processor.emit.Emitter;
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
    String text = Emitter.emit(ou).toString();
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

  @Test
  void deterministicGroupHasNoNoiseMembers() {
    String text = Emitter.emit(TestModels.lif()).toString();
    assertThat(text).doesNotContain("seed");
    assertThat(text).doesNotContain("Gaussian");
    assertThat(text).contains("private int stepExpEuler(double t, double dt, int from, int to) {");
    assertThat(text).contains("private int stepRk4_38Debug(double t, double dt, int from, int to) {");
  }

  @Test
  void nonlinearModelHasNoExpEulerLoopsAndRefusesIt() {
    ModelIR model = TestModels.odesOnly("Square",
        List.of(ode("x", neg(mul(state("x"), state("x"))), "x")));
    String text = Emitter.emit(model).toString();
    assertThat(text).doesNotContain("stepExpEuler");
    assertThat(text).doesNotContain("case EXP_EULER");
    assertThat(text).contains("if (method == Integrator.EXP_EULER) {");
    assertThat(text).contains("Square cannot use EXP_EULER: dx/dt = x' = ... is not linear in x");
  }
}
