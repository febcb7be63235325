package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.brainstem.annotations.Integrator;
import io.brainstem.network.NeuronGroup;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A body whose locals each read the previous one twice, plus nested calls: pasted into their uses
 * they would make 2^200 terms; emitted as locals the code compiles, and its kernels match the
 * debug path (which calls the method) bit for bit (issue 12, item 1).
 */
class GeneratedDeepLocalsTest {
  private static final int LOCALS = 200;
  private static final int NESTING = 40;
  private static Class<?> group;

  private static String source() {
    StringBuilder body = new StringBuilder("    final double b0 = Math.tanh(V / 10);\n");
    for (int k = 1; k <= LOCALS; k++) {
      body.append("    final double b").append(k).append(" = b").append(k - 1)
          .append(" * 0.5 + b").append(k - 1).append(" * 0.5;\n");
    }
    String nested = "Math.tanh(".repeat(NESTING) + "V / 20" + ")".repeat(NESTING);
    return """
        package test.models;

        import io.brainstem.annotations.*;

        @Neuron
        public class Deep {
          @Param double tau = 10;
          @State double V;
          @Input double input;

          @Ode("V") double dV(double V, double input) {
        %s    return (b%d + %s - V + input) / tau;
          }
        }
        """.formatted(body, LOCALS, nested);
  }

  @BeforeAll
  static void compile() throws ClassNotFoundException {
    Compilation compilation = EmittedSources.processAndCompile(
        JavaFileObjects.forSourceString("test.models.Deep", source())).compiled();
    assertThat(compilation).succeeded();
    group = EmittedSources.load(compilation).loadClass("test.models.DeepGroup");
  }

  /** The model is not linear in V, so EXP_EULER is refused. */
  @ParameterizedTest
  @EnumSource(value = Integrator.class, names = "EXP_EULER", mode = EnumSource.Mode.EXCLUDE)
  void kernelsAndDebugPathAreBitIdentical(Integrator method) throws Exception {
    NeuronGroup jit = (NeuronGroup) group.getConstructor(String.class, int.class)
        .newInstance("jit", 10);
    NeuronGroup debug = (NeuronGroup) group.getConstructor(String.class, int.class)
        .newInstance("debug", 10);
    for (NeuronGroup g : new NeuronGroup[] {jit, debug}) {
      group.getMethod("method", Integrator.class).invoke(g, method);
    }
    Random random = new Random(3);
    double dt = 0.1;
    for (int k = 0; k < 100; k++) {
      for (int n = 0; n < 10; n++) {
        double current = 20 * random.nextDouble() - 10;
        jit.doubles("input")[n] = current;
        debug.doubles("input")[n] = current;
      }
      jit.update(k * dt, dt, true);
      debug.update(k * dt, dt, false);
      assertThat(Arrays.equals(jit.doubles("V"), debug.doubles("V"))).isTrue();
      jit.clearInputs();
      debug.clearInputs();
    }
    assertThat(jit.doubles("V")[0]).isNotEqualTo(0.0);
  }
}
