package io.brainstem.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Models that {@link ModelFuzzTest} once found broken, reduced by hand: each must process without a
 * diagnostic, compile, and run bit-identical to its own methods under every integrator.
 */
class FuzzRegressionTest {

  /** An @Ode that declares t without reading it: the debug call passes t, so loops need it. */
  @Test
  void synapseOdeDeclaringTimeItDoesNotRead() {
    check(new FuzzModel("UnreadTime", true, """
        package fuzz;

        import io.brainstem.annotations.*;

        @Synapse
        public class UnreadTime {
          @Param double tau = 5;
          @State double g;
          @Post double V;

          @Ode("g") double dg(double t, double g) { return -g / tau; }
          @OnPre void on() { g += 1; }
          @Output("input") double out() { return g * (1 - V); }
        }
        """, Map.of("tau", 5.0), null, List.of("g"), List.of(), false));
  }

  /** The same in a neuron without a refractory period (whose loops took no t either). */
  @Test
  void neuronOdeDeclaringTimeItDoesNotRead() {
    check(new FuzzModel("UnreadTimeNeuron", false, """
        package fuzz;

        import io.brainstem.annotations.*;

        @Neuron
        public class UnreadTimeNeuron {
          @Param double tau = 5;
          @State double V;
          @Input double input;

          @Ode("V") double dV(double V, double t, double input) { return (input - V) / tau; }
          @Threshold boolean fire() { return V > 1; }
          @Reset void reset() { V = 0; }
        }
        """, Map.of("tau", 5.0), null, List.of("V"), List.of("input"), false));
  }

  /**
   * A slope with a condition the same for every element ({@code 6 < 0.3}): it was hoisted before
   * the loop as a {@code double} local, which does not compile.
   */
  @Test
  void uniformConditionInASlope() {
    check(new FuzzModel("UniformCondition", false, """
        package fuzz;

        import io.brainstem.annotations.*;

        @Neuron
        public class UniformCondition {
          @Param double tau = 10, a = 1;
          @State double x = 0.5;
          @Input double v;

          @Ode("x") double dx(double x, double v) {
            return (v < a && 6 < 0.3 ? x * x : (a > 0 || !(2 < 1) ? -x : x)) / tau;
          }
          @Threshold boolean fire() { return x > 2; }
          @Reset void reset() { x = 0; }
        }
        """, Map.of("tau", 10.0, "a", 1.0), null, List.of("x"), List.of("v"), false));
  }

  /**
   * A conditional {@code @Output}: the float-storage loop wrote {@code a[j] = (float) (a[j] + c ? x
   * : y)}, where {@code +} takes the condition's left operand, so it compiled and added the wrong
   * value. The double loops and the user's method were right, so no run comparison caught it.
   */
  @Test
  void conditionalOutputIntoFloatStorage() throws java.io.IOException {
    String source = """
        package fuzz;

        import io.brainstem.annotations.*;

        @Synapse
        public class ConditionalOutput {
          @Param double tau = 5, theta = -3.5;
          @State double w;
          @Post double V;

          @Ode("w") double dw(double w) { return -w / tau; }
          @OnPre void on() { w += 1; }
          @Output("input") double out() { return V > theta ? w : -w; }
        }
        """;
    check(new FuzzModel("ConditionalOutput", true, source, Map.of("tau", 5.0, "theta", -3.5),
        null, List.of("w"), List.of(), false));
    com.google.testing.compile.Compilation compilation = com.google.testing.compile.Compiler
        .javac().withProcessors(new BrainstemProcessor())
        .compile(com.google.testing.compile.JavaFileObjects.forSourceString(
            "fuzz.ConditionalOutput", source));
    String generated = compilation.generatedSourceFile("fuzz.ConditionalOutputProjection")
        .orElseThrow().getCharContent(true).toString();
    assertWithMessage("float output loop").that(generated)
        .contains("(float) ((assign ? 0.0 : postInput_float[j]) + (V > theta ? w : -w));");
  }

  private static void check(FuzzModel model) {
    FuzzCompiler.Outcome outcome = FuzzCompiler.compile(List.of(model));
    assertWithMessage("%s", outcome.problems()).that(outcome.problems()).isEmpty();
    for (Integrator method : Integrator.values()) {
      try {
        FuzzRun.Result result = new FuzzRun(model, outcome.loader(), method, 1).run();
        assertWithMessage("%s %s", model.className(), method).that(result.mismatch()).isNull();
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }
}
