package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.BinOp;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Units checked at compile time: a consistent model compiles to the same IR as without units (so
 * the same generated code), and each inconsistency is one coded error on the exact element naming
 * both units. The corpus (src/test/resources/invalid/BS208..BS312) pins the caret of each code.
 */
class UnitCheckTest {

  /** A LIF neuron with units; {@code extra} are more members, {@code ode} the return of dV. */
  private static JavaFileObject lif(String extra, String ode) {
    return Models.source("p.Lif", """
        package p;

        import static io.brainstem.annotations.Units.*;

        import io.brainstem.annotations.*;

        @Neuron
        public class Lif {
          @Param(unit = "ms") double tau = 10;
          @Param(unit = "mV") double V_rest = -65, V_th = -50, V_reset = -65;
          @Param(unit = "MOhm") double R = 100;
          @State(unit = "mV") double V = -65;
          @Input(unit = "nA") double input;
          %s

          @Ode("V") double dV(double V, double input) { return %s; }
          @Threshold boolean fire() { return V >= V_th; }
          @Reset void reset() { V = V_reset; }
        }
        """.formatted(extra, ode));
  }

  private static void singleError(JavaFileObject source, String text, String line) {
    Models.Captured result = Models.compile(source);
    Compilation compilation = result.compilation();
    assertThat(compilation).hadErrorContaining(text).inFile(source).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
    assertThat(result.models()).isEmpty();
  }

  private static ModelIR compiles(JavaFileObject source) {
    Models.Captured result = Models.compile(source);
    assertThat(result.compilation()).succeededWithoutWarnings();
    assertThat(result.models()).hasSize(1);
    return result.models().get(0);
  }

  @Test
  void consistentModelCompilesToTheSameModelAsWithoutUnits() {
    String ode = "(V_rest - V + R * input + R * I_pA / 1000) / tau";
    ModelIR withUnits = compiles(Models.source("p.Lif", """
        package p;

        import io.brainstem.annotations.*;

        @Neuron
        public class Lif {
          @Param(unit = "ms") double tau = 10;
          @Param(unit = "mV") double V_rest = -65, V_th = -50, V_reset = -65;
          @Param(unit = "MOhm") double R = 100;
          @State(unit = "mV") double V = -65;
          @Input(unit = "nA") double input;
          @Input(unit = "pA") double I_pA;

          @Ode("V") double dV(double V, double input, double I_pA) { return %s; }
          @Threshold boolean fire() { return V >= V_th; }
          @Reset void reset() { V = V_reset; }
        }
        """.formatted(ode)));
    ModelIR without = compiles(Models.source("p.Lif", """
        package p;

        import io.brainstem.annotations.*;

        @Neuron
        public class Lif {
          @Param double tau = 10;
          @Param double V_rest = -65, V_th = -50, V_reset = -65;
          @Param double R = 100;
          @State double V = -65;
          @Input double input;
          @Input double I_pA;

          @Ode("V") double dV(double V, double input, double I_pA) { return %s; }
          @Threshold boolean fire() { return V >= V_th; }
          @Reset void reset() { V = V_reset; }
        }
        """.formatted(ode)));
    assertThat(withUnits).isEqualTo(without);
  }

  @Test
  void unitConstantsFoldToTheirValuesInBrainstemUnits() {
    // ms and mV are 1, Hz is 0.001 (per ms): the IR is that of the numbers written out.
    ModelIR folded = compiles(lif("",
        "(V_rest - V + R * input + 0 * mV) / (tau * ms) * ms + 0 * (5 * Hz) * V"));
    ModelIR written = compiles(lif("",
        "(V_rest - V + R * input + 0 * 1.0) / (tau * 1.0) * 1.0 + 0 * (5 * 0.001) * V"));
    assertThat(folded.odes().get(0).rhs()).isEqualTo(written.odes().get(0).rhs());
    assertThat(folded.odes().get(0).rhs().toString()).contains("Num[value=0.001]");
  }

  @Test
  void unitConstantsWorkQualifiedAndInDefaults() {
    ModelIR model = compiles(Models.source("p.Syn", """
        package p;

        import io.brainstem.annotations.*;
        import io.brainstem.annotations.Units;

        @Synapse
        public class Syn {
          @Param(unit = "uS") double g_max = 500 * Units.pS; // 0.0005 uS
          @Param(unit = "ms") double tau = 0.005 * Units.second;
          @Param(unit = "mV") double E = -80 * Units.mV;
          @State(unit = "uS") double g;
          @Post(unit = "mV") double V;

          @Ode("g") double dg(double g) { return -g / tau; }
          @OnPre void on() { g += g_max; }
          @Output(value = "input", unit = "nA") double out() { return g * (E - V); }
        }
        """));
    assertThat(model.params()).containsExactly(new ModelIR.Param("g_max", 500 * 0.001 * 0.001),
        new ModelIR.Param("tau", 0.005 * 1000), new ModelIR.Param("E", -80.0)).inOrder();
  }

  @Test
  void unitConstantsInAModelWithoutDeclaredUnits() {
    // Brian2's spelling works without any declaration: the constants are plain numbers in ms, mV.
    ModelIR model = compiles(Models.source("p.Lif", """
        package p;

        import static io.brainstem.annotations.Units.*;

        import io.brainstem.annotations.*;

        @Neuron
        public class Lif {
          @Param double tau = 10 * ms, V_rest = -65 * mV;
          @State double V;

          @Ode("V") double dV(double V) { return (V_rest - V) / tau; }
        }
        """));
    assertThat(model.params()).containsExactly(
        new ModelIR.Param("tau", 10.0), new ModelIR.Param("V_rest", -65.0)).inOrder();
  }

  @Test
  void aUnitNameWithoutTheImportSaysHowToImportIt() {
    Models.Captured result = Models.compile(Models.neuronOde("(V_rest - V) / (tau * ms)"));
    assertThat(result.compilation()).hadErrorContaining(
        "[BS399 UNIT_NAME] 'ms' is not a variable of Bad and looks like a unit");
    assertThat(result.compilation()).hadErrorContaining(
        "Write 'import static io.brainstem.annotations.Units.*;' to use 'ms' as in Brian2");
    assertThat(result.compilation()).hadErrorCount(1);
  }

  @Test
  void unitConstantsAreCheckedAgainstDeclarations() {
    singleError(lif("", "(V_rest - V + 10 * nA) / tau"),
        "[BS310 UNIT_MISMATCH] 'V_rest - V + 10 * nA' adds 'V_rest - V' in mV (voltage) and"
            + " '10 * nA' in nA (current)", "return (V_rest");
    singleError(lif("@Param(unit = \"mV\") double V_peak = 20 * ms;", "(V_rest - V) / tau"),
        "[BS310 UNIT_MISMATCH] the default of 'V_peak' is in ms (time), but it is declared in mV",
        "V_peak = 20 * ms");
    // A field of the model hides the constant, as in Java.
    compiles(lif("@Param(unit = \"mV\") double mV = 1;", "(V_rest - V + R * input + 0 * mV) / tau"));
  }

  @Test
  void scaleMismatchNamesTheFactor() {
    singleError(lif("@Param(unit = \"V\") double E_L = -0.065;",
            "(E_L - V) / tau"),
        "[BS310 UNIT_MISMATCH] 'E_L - V' subtracts 'E_L' in V (voltage) and 'V' in mV (voltage)."
            + " Both are voltage but in different units: a number in mV times 0.001 is in V",
        "double dV");
  }

  @Test
  void odeMustBeTheStateUnitPerMs() {
    singleError(lif("", "V_rest - V + R * input"),
        "[BS312 RESULT_UNIT] @Ode method 'dV' returns mV (voltage), but dV/dt must be in mV per"
            + " ms (mV/ms; time is in ms)", "return V_rest");
    singleError(lif("@Param(unit = \"s\") double tau_s = 0.01;", "(V_rest - V) / tau_s"),
        "returns uV/ms (voltage per time), but dV/dt must be in mV per ms", "return (V_rest");
  }

  @Test
  void timeIsInMs() {
    singleError(Models.source("p.Ramp", """
        package p;
        import io.brainstem.annotations.*;
        @Neuron
        public class Ramp {
          @Param(unit = "mV/ms") double slope = 1;
          @State(unit = "mV") double V;
          @Ode("V") double dV(double V, double t) { return slope + V / t + t; }
        }
        """), "adds 'slope + V / t' in mV/ms (voltage per time) and 't' in ms (time)",
        "return slope");
  }

  @Test
  void localsCarryTheUnitOfTheirInitializer() {
    singleError(lif("@Param(unit = \"nS\") double g_L = 10;",
            "0 * V_rest + (g_L * (V_rest - V) + input) / 1.0"),
        "adds 'g_L * (V_rest - V)' in pA (current) and 'input' in nA (current)", "double dV");
    Models.Captured result = Models.compile(Models.source("p.Cond", """
        package p;
        import io.brainstem.annotations.*;
        @Neuron
        public class Cond {
          @Param(unit = "nS") double g_L = 10;
          @Param(unit = "pF") double C = 200;
          @Param(unit = "mV") double E_L = -70;
          @State(unit = "mV") double V;
          @Input(unit = "nA") double input;
          @Ode("V") double dV(double V, double input) {
            final double leak = g_L * (E_L - V);
            return (leak + input) / C;
          }
        }
        """));
    assertThat(result.compilation()).hadErrorContaining(
        "'leak + input' adds 'leak' in pA (current) and 'input' in nA (current). Both are current"
            + " but in different units: a number in nA times 1000 is in pA");
    assertThat(result.compilation()).hadErrorCount(1);
  }

  @Test
  void functionsNeedDimensionlessArguments() {
    singleError(lif("", "(V_rest - V + Math.exp(V / tau) * 0) / tau"),
        "[BS311 NOT_DIMENSIONLESS] the argument of exp must be dimensionless, but 'V / tau' is in"
            + " mV/ms (voltage per time)", "double dV");
    singleError(lif("", "(V_rest - V) / tau * Math.pow(2, V)"),
        "the exponent of pow must be dimensionless, but 'V' is in mV", "double dV");
    singleError(lif("", "(V_rest - V) / tau * Math.pow(V, V / V_rest)"),
        "raises 'V', in mV (voltage), to a power that is not a constant", "double dV");
    // Dimensionless ratios, constant powers and square roots are fine.
    compiles(lif("", "(V_rest - V + R * input) / tau * Math.exp((V - V_th) / (V_rest - V_th))"
        + " + Math.pow(V, 2) / V_rest / tau * 0 + Math.sqrt(V * V) / tau * 0"));
    singleError(lif("", "(V_rest - V + Math.pow(V, 2)) / tau"),
        "adds 'V_rest - V' in mV (voltage) and 'Math.pow(V, 2)' in 10^-6 m^4 kg^2 s^-6 A^-2",
        "double dV");
  }

  @Test
  void numbersTakeTheUnitTheirContextRequires() {
    // HH-style rate functions: every number here takes whatever unit makes the equation hold.
    compiles(Models.source("p.Gate", """
        package p;
        import io.brainstem.annotations.*;
        @Neuron
        public class Gate {
          @State(unit = "mV") double V = -65;
          @State(unit = "1") double m;
          @Ode("V") double dV(double V) { return -(V + 65) / 10; }
          @Ode("m") double dm(double V, double m) {
            final double x = -(V + 40) / 10;
            final double alpha = x == 0 ? 1 : x / Math.expm1(x);
            final double beta = 4 * Math.exp(-(V + 65) / 18);
            return alpha * (1 - m) - beta * m;
          }
        }
        """));
  }

  @Test
  void ternaryBranchesAndComparisonsAgree() {
    singleError(lif("", "V > V_th ? (V_rest - V) / tau : V_rest"),
        "has branches in '(V_rest - V) / tau' in mV/ms (voltage per time) and 'V_rest' in mV",
        "double dV");
    singleError(lif("", "V > tau ? (V_rest - V) / tau : 0"),
        "compares 'V' in mV (voltage) and 'tau' in ms (time)", "double dV");
  }

  @Test
  void resetAndScalingAssignments() {
    singleError(Models.source("p.R", """
        package p;
        import io.brainstem.annotations.*;
        @Neuron
        public class R {
          @Param(unit = "mV") double V_th = -50;
          @Param(unit = "nA") double V_reset = -65;
          @State(unit = "mV") double V;
          @Ode("V") double dV(double V) { return 0; }
          @Threshold boolean fire() { return V >= V_th; }
          @Reset void reset() { V = V_reset; }
        }
        """), "'V = V_reset' assigns 'V_reset' in nA (current) to 'V', declared in mV", "V = V_reset");
    singleError(Models.source("p.R", """
        package p;
        import io.brainstem.annotations.*;
        @Neuron
        public class R {
          @Param(unit = "mV") double V_th = -50;
          @State(unit = "mV") double V;
          @Ode("V") double dV(double V) { return 0; }
          @Threshold boolean fire() { return V >= V_th; }
          @Reset void reset() { V *= V_th; }
        }
        """), "[BS311 NOT_DIMENSIONLESS] 'V *= V_th' scales V, so 'V_th' must be dimensionless",
        "V *= V_th");
  }

  @Test
  void noiseIsPerSqrtMs() {
    String model = """
        package p;
        import io.brainstem.annotations.*;
        @Neuron
        public class N {
          @Param(unit = "ms") double tau = 10;
          @Param(unit = "mV") double sigma = 1;
          @State(unit = "mV") double V;
          @Ode("V") double dV(double V) { return -V / tau; }
          @Noise("V") double noise() { return %s; }
        }
        """;
    compiles(Models.source("p.N", model.formatted("sigma * Math.sqrt(2 / tau)")));
    singleError(Models.source("p.N", model.formatted("sigma")),
        "[BS312 RESULT_UNIT] @Noise method 'noise' returns mV (voltage), but the coefficient of dW"
            + " must be in mV per sqrt(ms) (mV/sqrt(ms)", "return sigma");
  }

  @Test
  void refractoryPeriodIsInMs() {
    singleError(lif("@Param(unit = \"s\") @Refractory double tau_ref = 0.002;",
            "(V_rest - V) / tau"),
        "[BS310 UNIT_MISMATCH] the @Refractory period 'tau_ref' is declared in s (time)",
        "tau_ref = 0.002");
  }

  @Test
  void outputChecksItsDeclaredUnit() {
    String synapse = """
        package p;
        import io.brainstem.annotations.*;
        @Synapse
        public class S {
          @Param(unit = "ms") double tau = 5;
          @Param(unit = "mV") double E = 0;
          @State(unit = "nS") double g;
          @Post(value = "V", unit = "mV") double v_post;
          @Ode("g") double dg(double g) { return -g / tau; }
          @OnPre void on() { g += 1; }
          @Output(value = "input", unit = "%s") double out() { return g * (E - v_post); }
        }
        """;
    compiles(Models.source("p.S", synapse.formatted("pA")));
    singleError(Models.source("p.S", synapse.formatted("nA")),
        "returns pA (current), but the @Output declares unit = \"nA\"", "return g");
    singleError(Models.source("p.S", synapse.formatted("nA/")),
        "[BS208 BAD_UNIT] 'nA/' is not a unit I can read: a unit is missing", "@Output");
  }

  @Test
  void partialDeclarationsCheckWhatIsKnown() {
    // Only V has a unit: tau, V_rest and input are unchecked, the sum with t is still wrong.
    compiles(Models.source("p.P", """
        package p;
        import io.brainstem.annotations.*;
        @Neuron
        public class P {
          @Param double tau = 10, V_rest = -65;
          @State(unit = "mV") double V;
          @Input double input;
          @Ode("V") double dV(double V, double input) { return (V_rest - V + input) / tau; }
        }
        """));
  }

  @Test
  void modelsWithoutUnitsAreNotChecked() {
    // exp of a potential would be BS311 with units; without any declaration nothing is checked.
    compiles(Models.source("p.Free", """
        package p;
        import io.brainstem.annotations.*;
        @Neuron
        public class Free {
          @State double V;
          @Ode("V") double dV(double V, double t) { return Math.exp(V) + t; }
        }
        """));
  }

  @Test
  void theLibraryIsConsistent() {
    for (String model : List.of("Lif", "ExpIf", "AdEx", "Izhikevich", "Qif", "HodgkinHuxley",
        "TraubHH", "FitzHughNagumo", "WilsonCowan", "ExpCoba", "ExpCuba", "DeltaCoba",
        "DeltaCuba", "AlphaCoba", "AlphaCuba", "DualExpCoba", "DualExpCuba", "AmpaCoba",
        "AmpaCuba", "GabaACoba", "GabaACuba", "NmdaCoba", "NmdaCuba")) {
      Models.Captured result = Models.compile(Models.library(model));
      assertThat(result.compilation().errors()).isEmpty();
      assertThat(result.models()).hasSize(1);
    }
  }

  @Test
  void theCheckerSeesAMistakeInALibraryModel() {
    // HH with the leak conductance declared per m^2 instead of per cm^2: 10^4 apart.
    JavaFileObject hh = Models.library("HodgkinHuxley");
    String text;
    try {
      text = hh.getCharContent(true).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String wrong = text.replace(
        "@Param(unit = \"mS/cm^2\") double gL", "@Param(unit = \"mS/m^2\") double gL");
    assertThat(wrong).isNotEqualTo(text);
    singleError(Models.source("io.brainstem.models.HodgkinHuxley", wrong),
        "[BS310 UNIT_MISMATCH] '-iNa - iK - iL' subtracts '-iNa - iK' in uA/cm^2 (current density)"
            + " and 'iL' in 10^-10 A/cm^2", "return (-iNa");
  }
}
