package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.brainstem.processor.ir.ModelIR;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Units checked at compile time: consistent models compile to the same IR as without units, and
 * each inconsistency is one coded error on the exact element, naming both units.
 */
class UnitCheckTest {

  /** A LIF neuron with units; {@code ode} is the return of dV, {@code extra} more members. */
  private static JavaFileObject lif(String ode, String extra) {
    return Models.source("p.Lif", """
        package p;

        import static io.brainstem.annotations.Units.*;

        import io.brainstem.annotations.*;

        @Neuron
        public class Lif {
          @Param(unit = "ms") double tau = 10;
          @Param(unit = "mV") double V_rest = -65, V_th = -50, V_reset = -65;
          @Param(unit = "MOhm") double R = 100;
          @Param(unit = "V") double E_volt = -0.07;
          @Param(unit = "nS") double g_L = 10;
          @State(unit = "mV") double V = -65;
          @Input(unit = "nA") double input;
          @Input(unit = "pA") double I_pA;
          %s

          @Ode("V") double dV(double V, double input, double I_pA) { return %s; }
          @Threshold boolean fire() { return V >= V_th; }
          @Reset void reset() { V = V_reset; }
        }
        """.formatted(extra, ode));
  }

  private static Compilation singleError(JavaFileObject source, String text, String line) {
    Models.Captured result = Models.compile(source);
    Compilation compilation = result.compilation();
    assertThat(compilation).hadErrorContaining(text).inFile(source).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
    assertThat(result.models()).isEmpty();
    return compilation;
  }

  private static ModelIR compiles(JavaFileObject source) {
    Models.Captured result = Models.compile(source);
    assertThat(result.compilation()).succeededWithoutWarnings();
    assertThat(result.models()).hasSize(1);
    return result.models().get(0);
  }

  @Test
  void consistentModelCompiles() {
    compiles(lif("(V_rest - V + R * input) / tau", ""));
  }

  @Test
  void printAll() {
    for (String ode : new String[] {
        "(V_rest - V + input) / tau",
        "(V_rest - V + R * input)",
        "(E_volt - V + R * input) / tau",
        "(V_rest - V + R * I_pA) / tau",
        "Math.exp(V) / tau",
        "(V_rest - V + R * input) / tau + 5 * Hz",
        "(V_rest - V + R * input) / (tau * second)",
        "g_L * (V_rest - V) / tau",
        "Math.pow(V, V_rest) / tau",
        "V > V_th ? V / tau : V_rest",
        "Math.pow(V / V_rest, 2) * (V_rest - V) / tau",
        "(V_rest - V + 10 * mV) / tau",
        "(V_rest - V + 10 * nA) / tau",
    }) {
      System.out.println("=== " + ode);
      Models.compile(lif(ode, "")).compilation().diagnostics().forEach(d -> System.out.println(d));
    }
  }
}
