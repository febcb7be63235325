package io.brainstem.processor.integrate;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.brainstem.processor.BrainstemProcessor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The errors of @Noise, EXP_EULER and {@code methods}: tagged message on the exact line, and
 * nothing else.
 */
class IntegratorErrorsTest {

  private static JavaFileObject neuron(String method, String members) {
    return JavaFileObjects.forSourceString("p.Bad", """
        package p;

        import io.brainstem.annotations.*;

        @Neuron(method = Integrator.%s)
        public class Bad {
          @Param double tau = 10, sigma = 1;
          @State double V, w;

        %s
        }
        """.formatted(method, members));
  }

  private static Compilation compile(JavaFileObject source) {
    return javac().withProcessors(new BrainstemProcessor())
        .withOptions("-Abrainstem.emit=false")
        .compile(source);
  }

  private static void assertSingleError(JavaFileObject source, String message, String line) {
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void noiseOnAnUnknownState() {
    assertSingleError(neuron("EXP_AUTO", """
          @Ode("V") double dV(double V) { return -V / tau; }
          @Noise("Vv") double noise() { return sigma; }
        """),
        "[BS309 NOT_A_STATE] @Noise(\"Vv\") names no state of Bad (did you mean 'V'?)",
        "@Noise(\"Vv\")");
  }

  @Test
  void twoNoisesForOneState() {
    assertSingleError(neuron("EXP_AUTO", """
          @Ode("V") double dV(double V) { return -V / tau; }
          @Noise("V") double noise() { return sigma; }
          @Noise("V") double more(double V) { return sigma * V; }
        """),
        "[BS410 DUPLICATE_NOISE] 'V' already has a @Noise method",
        "double more(");
  }

  @Test
  void noiseWithoutOde() {
    assertSingleError(neuron("EXP_AUTO", """
          @Ode("V") double dV(double V) { return -V / tau; }
          @Noise("w") double noise() { return sigma; }
        """),
        "[BS411 NOISE_WITHOUT_ODE] 'w' has a @Noise but no @Ode",
        "@Noise(\"w\")");
  }

  @Test
  void noiseParameterMustNameAVariable() {
    assertSingleError(neuron("EXP_AUTO", """
          @Ode("V") double dV(double V) { return -V / tau; }
          @Noise("V") double noise(double sgma) { return sgma; }
        """),
        "[BS104 UNKNOWN_NAME] @Noise parameter 'sgma' is not a parameter",
        "double noise(");
  }

  @Test
  void seedIsReservedInANoisyModel() {
    JavaFileObject source = JavaFileObjects.forSourceString("p.Bad", """
        package p;

        import io.brainstem.annotations.*;

        @Neuron
        public class Bad {
          @Param double seed = 1;
          @State double V;

          @Ode("V") double dV(double V) { return -V; }
          @Noise("V") double noise() { return seed; }
        }
        """);
    assertSingleError(source, "[BS105 RESERVED_NAME] 'seed' is reserved: the generated class uses"
            + " it as the noise setter seed(long) (in a model with @Noise)",
        "@Param double seed");
  }

  @Test
  void expEulerOnANonlinearOde() {
    assertSingleError(neuron("EXP_EULER", """
          @Ode("V") double dV(double V, double w) { return V * V - w; }
          @Ode("w") double dw(double V, double w) { return (V - w) / tau; }
        """),
        "[BS412 NONLINEAR_EXP_EULER] Bad chooses EXP_EULER, but dV/dt = V * V - w is not linear"
            + " in V",
        "@Ode(\"V\")");
  }

  @Test
  void expEulerOnLinearOdesIsAccepted() {
    Compilation compilation = compile(neuron("EXP_EULER", """
          @Ode("V") double dV(double V, double w) { return (w - V) / tau * Math.exp(w); }
          @Ode("w") double dw(double V, double w) { return V * V - w; }
          @Noise("V") double noise(double V) { return sigma * V; }
        """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void nonlinearOdesAreFineWithOtherMethods() {
    Compilation compilation = compile(neuron("RK4_38", """
          @Ode("V") double dV(double V, double w) { return V * V - w; }
          @Ode("w") double dw(double t, double w) { return Math.exp(-t) - w; }
        """));
    // Unused parameters of the shared fixture may warn (BS502); what matters is no BS412.
    assertThat(compilation).succeeded();
  }

  @Test
  void defaultMethodMustBeAmongTheGeneratedOnes() {
    assertSingleError(neuron("RK4, methods = {Integrator.EULER, Integrator.HEUN}", """
          @Ode("V") double dV(double V, double w) { return (w - V) / tau; }
          @Ode("w") double dw(double w) { return -w * sigma; }
        """),
        "[BS413 METHOD_NOT_GENERATED] Bad's default integrator RK4 is not among its"
            + " @Neuron(methods = ...) [EULER, HEUN]",
        "@Neuron(method");
  }
}
