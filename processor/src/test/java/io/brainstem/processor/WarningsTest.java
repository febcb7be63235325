package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Warnings beyond the corpus: how they are suppressed, that they never echo an error, and that the
 * model library has none. (One file per warning code is in src/test/resources/warning.)
 */
class WarningsTest {
  /** A neuron with an unused parameter (BS502) and a time constant in seconds (BS505). */
  private static JavaFileObject twoWarnings(String classAnnotation, String fieldAnnotation) {
    return Models.source("p.W", """
        package p;
        import io.brainstem.annotations.*;
        %s
        @Neuron
        public class W {
          %s
          @Param double gain = 2;
          @Param double tau_s = 0.01;
          @State double V;
          @Ode("V") double dV(double V) { return -V / tau_s; }
        }
        """.formatted(classAnnotation, fieldAnnotation));
  }

  @Test
  void bothWarningsWithoutSuppression() {
    Compilation compilation = Models.compile(twoWarnings("", "")).compilation();
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(2);
    assertThat(compilation).hadWarningContaining("[BS502 PARAM_NEVER_USED] parameter 'gain'")
        .inFile(twoWarnings("", "")).onLineContaining("double gain");
    assertThat(compilation)
        .hadWarningContaining("[BS505 TIME_CONSTANT_IN_SECONDS] 'tau_s' defaults to 0.01 ms")
        .inFile(twoWarnings("", "")).onLineContaining("double tau_s");
    assertThat(compilation).hadWarningContaining("Write it in ms (0.01 s = 10 ms)");
  }

  @Test
  void brainstemOnTheClassSuppressesAll() {
    Compilation compilation =
        Models.compile(twoWarnings("@SuppressWarnings(\"brainstem\")", "")).compilation();
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void aCodeKeySuppressesOnlyThatCode() {
    Compilation compilation =
        Models.compile(twoWarnings("@SuppressWarnings(\"brainstem:BS505\")", "")).compilation();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("[BS502 PARAM_NEVER_USED]");
  }

  @Test
  void suppressionOnTheFieldCoversThatField() {
    Compilation compilation =
        Models.compile(twoWarnings("", "@SuppressWarnings(\"brainstem\")")).compilation();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("[BS505 TIME_CONSTANT_IN_SECONDS]");
  }

  @Test
  void otherSuppressionKeysDoNothing() {
    Compilation compilation = Models.compile(
        twoWarnings("@SuppressWarnings({\"unused\", \"brainstem:BS999\"})", "")).compilation();
    assertThat(compilation).hadWarningCount(2);
  }

  @Test
  void noWarningsForAModelWithErrors() {
    // 'gain' is unused only because the body that would read it does not parse: no echo.
    Models.Captured result = Models.compile(Models.source("p.E", """
        package p;
        import io.brainstem.annotations.*;
        @Neuron
        public class E {
          @Param double gain = 2, tau = 10;
          @State double V, w;
          @Ode("V") double dV(double V) { return -V / tau * gain + (int) V; }
        }
        """));
    assertThat(result.compilation()).hadErrorCount(1);
    assertThat(result.compilation()).hadWarningCount(0);
  }

  @Test
  void readsThroughLocalsThisAndEveryBodyKindCount() {
    Compilation compilation = Models.compile(Models.source("p.U", """
        package p;
        import io.brainstem.annotations.*;
        @Neuron
        public class U {
          @Param double a = 1, b = 2, c = 3, d = 4;
          @Param @Refractory double tau_ref = 0.0;
          @State double V, n;
          @Input double I;
          @Ode("V") double dV(double V) { final double k = a * I; return k - V; }
          @Threshold boolean fire() { return this.V > b; }
          @Reset void reset() { V = c; n += d; }
        }
        """)).compilation();
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void theModelLibraryHasNoWarnings() {
    Compilation compilation =
        Models.compile(Models.library("Lif"), Models.library("ExpCoba")).compilation();
    assertThat(compilation).succeededWithoutWarnings();
  }
}
