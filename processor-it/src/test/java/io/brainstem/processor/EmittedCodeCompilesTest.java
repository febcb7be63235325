package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The real processor runs on the library's sources without a diagnostic, and what it generates
 * compiles with every lint enabled and warnings as errors (also for the golden test models).
 */
class EmittedCodeCompilesTest {

  @Test
  void libraryModelsCompileWithoutWarnings() {
    EmittedSources.Result result = EmittedSources.library();
    // LifGroup with its float, debug and staged loops, LifBackward (backward = true);
    // ExpCobaProjection and ExpCobaBackward (backward = true)
    assertThat(result.generatedSources()).hasSize(7);
    Compilation compilation = result.compiled();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "io.brainstem.models", "LifGroup.class");
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "io.brainstem.models", "ExpCobaProjection.class");
  }

  @Test
  void vectorKernelsCompileWithOnlyTheIncubatorWarning() {
    EmittedSources.Result result = EmittedSources.processAndCompileWithVectors(
        EmittedSources.librarySource("Lif"), EmittedSources.librarySource("ExpCoba"),
        EmittedSources.testModelSource("Hh"), EmittedSources.testModelSource("AdEx"));
    // 3 groups and 1 projection, each with vector classes for double and float storage; each
    // group with its float, debug and staged loops; LifBackward and its vector loops;
    // ExpCobaBackward (synapse backward steps have no vector loops)
    assertThat(result.generatedSources()).hasSize(12 + 3 * 3 + 2 + 1);
    Compilation compilation = result.compiled();
    assertThat(compilation).succeeded();
    for (Diagnostic<? extends JavaFileObject> d : compilation.warnings()) {
      assertThat(d.getMessage(Locale.ROOT)).contains("incubating");
    }
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "test.models", "HhGroupVector.class");
    assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "io.brainstem.models",
        "ExpCobaProjectionVector.class");
    assertThat(result.generated("io.brainstem.models.LifGroup")).contains("vectorKernel(");
    assertThat(result.generated("io.brainstem.models.ExpCobaProjection")).contains("vectorKernel(");
  }

  @Test
  void synapseVectorKernelsHaveTheLoopsTheModelHas() {
    JavaFileObject outputOnly = JavaFileObjects.forSourceString("test.models.Step", """
        package test.models;
        import io.brainstem.annotations.*;
        @Synapse
        public class Step {
          @Param double w = 1;
          @State double on;
          @OnPre void onSpike() { on = w; }
          @Output("input") double current() { return 2 * on; }
        }
        """);
    JavaFileObject odeOnly = JavaFileObjects.forSourceString("test.models.Kick", """
        package test.models;
        import io.brainstem.annotations.*;
        @Synapse
        public class Kick {
          @Param double tau = 5, w = 0.1;
          @State double g;
          @Post double V;
          @Ode("g") double dg(double g) { return -g / tau; }
          @OnPre void onSpike() { g += w; V += g; }
        }
        """);
    EmittedSources.Result result = EmittedSources.processAndCompileWithVectors(outputOnly, odeOnly,
        EmittedSources.librarySource("DeltaCoba"));
    // DeltaCoba only delivers spikes: no element loop, no vector class, but its backward step
    // (backward = true); the others get two vector classes each.
    assertThat(result.generatedSources()).hasSize(8);
    Compilation compilation = result.compiled();
    assertThat(compilation).succeeded();
    for (Diagnostic<? extends JavaFileObject> d : compilation.warnings()) {
      assertThat(d.getMessage(Locale.ROOT)).contains("incubating");
    }
    String step = result.generated("test.models.StepProjectionVector");
    assertThat(step).contains("public void output(");
    assertThat(step).doesNotContain("integrate(");
    String kick = result.generated("test.models.KickProjectionVector");
    assertThat(kick).contains("public void integrate(");
    assertThat(kick).doesNotContain("output(");
    assertThat(result.generated("io.brainstem.models.DeltaCobaProjection"))
        .doesNotContain("vectorKernel(");
  }

  @Test
  void withoutTheVectorModuleOneNoteSaysHowToGetVectorKernels() {
    Compilation processed = javac()
        .withProcessors(EmittedSources.brainstem())
        .withOptions("-proc:only")
        .compile(EmittedSources.librarySource("Lif"), EmittedSources.librarySource("Qif"));
    assertThat(processed.generatedSourceFiles().stream().map(JavaFileObject::getName).toList())
        .containsNoneOf("/SOURCE_OUTPUT/io/brainstem/models/LifGroupVector.java",
            "/SOURCE_OUTPUT/io/brainstem/models/QifGroupVector.java");
    assertThat(processed.diagnostics()).hasSize(1);
    assertThat(processed.diagnostics().get(0).getKind()).isEqualTo(Diagnostic.Kind.NOTE);
    assertThat(processed.diagnostics().get(0).getMessage(Locale.ROOT))
        .contains("compile with --add-modules jdk.incubator.vector");
  }

  @Test
  void goldenTestModelsCompileWithoutWarnings() {
    Compilation compilation = EmittedSources.libraryAndTestModels().compiled();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "test.models", "HhGroup.class");
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "test.models", "AdExGroup.class");
    assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "io.brainstem.models",
        "TsodyksMarkramCobaBackward.class");
  }
}
