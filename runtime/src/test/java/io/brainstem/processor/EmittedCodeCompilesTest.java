package io.brainstem.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The generated sources compile with every lint enabled and warnings as errors. */
class EmittedCodeCompilesTest {

  @Test
  void libraryModelsCompileWithoutWarnings() {
    Compilation compilation = EmittedSources.compileLibrary();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "io.brainstem.models", "LifGroup.class");
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "io.brainstem.models", "ExpCobaProjection.class");
  }
}
