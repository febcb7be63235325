package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import io.brainstem.processor.ir.ModelIR;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver: never throws, skips generation for models with errors, honours its option. */
class DriverTest {
  private static JavaFileObject good(String name) {
    return Models.source("p." + name, """
        package p;
        import io.brainstem.annotations.*;
        @Neuron
        public class %s {
          @State double V;
        }
        """.formatted(name));
  }

  @Test
  void crashInAStageIsReportedAsInternalAndOtherModelsContinue() {
    List<String> reached = new ArrayList<>();
    JavaFileObject first = good("First");
    Compilation compilation = javac()
        .withProcessors(new BrainstemProcessor((model, origin) -> {
          if (model.className().equals("First")) {
            throw new IllegalStateException("boom");
          }
          reached.add(model.className());
        }))
        .compile(first, good("Second"));
    assertThat(compilation)
        .hadErrorContaining("[BS001 INTERNAL] Brainstem failed on First with"
            + " java.lang.IllegalStateException: boom. This is a bug in Brainstem")
        .inFile(first)
        .onLineContaining("class First");
    assertThat(compilation).hadErrorContaining("Please file an issue");
    assertThat(compilation).hadErrorCount(1);
    assertThat(reached).containsExactly("Second");
  }

  @Test
  void errorsSuchAsOutOfMemoryAreReportedAsInternalNeverThrownIntoJavac() {
    // The test-only sink stands in for any stage: whatever it throws must become a diagnostic.
    List<String> reached = new ArrayList<>();
    JavaFileObject starved = good("Starved");
    JavaFileObject broken = good("Broken");
    Compilation compilation = javac()
        .withProcessors(new BrainstemProcessor((model, origin) -> {
          switch (model.className()) {
            case "Starved" -> throw new OutOfMemoryError("Java heap space");
            case "Broken" -> throw new Error("an Error that is no VirtualMachineError");
            default -> reached.add(model.className());
          }
        }))
        .compile(starved, broken, good("Fine"));
    assertThat(compilation)
        .hadErrorContaining("[BS001 INTERNAL] Brainstem ran out of memory on Starved"
            + " (java.lang.OutOfMemoryError: Java heap space)")
        .inFile(starved)
        .onLineContaining("class Starved");
    assertThat(compilation)
        .hadErrorContaining("[BS001 INTERNAL] Brainstem failed on Broken with java.lang.Error:"
            + " an Error that is no VirtualMachineError. This is a bug in Brainstem")
        .inFile(broken)
        .onLineContaining("class Broken");
    assertThat(compilation).hadErrorCount(2);
    assertThat(reached).containsExactly("Fine");
  }

  @Test
  void pathologicallyDeepExpressionIsAnErrorAndOtherModelsContinue() {
    // javac's parser reads a 100 000-term sum iteratively, but any recursive reader overflows.
    // -proc:only: javac's own later phases would overflow too; IDEs and builds that run
    // processors separately (and the processor itself) must survive it.
    String sum = String.join(" + ", java.util.Collections.nCopies(100_000, "V"));
    JavaFileObject deep = Models.source("p.Deep", """
        package p;
        import io.brainstem.annotations.*;
        @Neuron
        public class Deep {
          @State double V;
          @Ode("V") double dV(double V) { return %s; }
        }
        """.formatted(sum));
    List<String> reached = new ArrayList<>();
    Compilation compilation = javac()
        .withOptions("-proc:only")
        .withProcessors(new BrainstemProcessor((model, origin) -> reached.add(model.className())))
        .compile(deep, good("After"));
    assertThat(compilation)
        .hadErrorContaining("[BS001 INTERNAL] Brainstem ran out of stack on Deep")
        .inFile(deep)
        .onLineContaining("class Deep");
    assertThat(compilation).hadErrorContaining("Split long expressions into 'final double' locals");
    assertThat(compilation).hadErrorCount(1);
    assertThat(reached).containsExactly("After");
  }

  @Test
  void modelNamingAMissingTypeIsLeftToJavacAndOtherModelsContinue() {
    JavaFileObject broken = Models.source("p.Broken", """
        package p;
        import io.brainstem.annotations.*;
        @Neuron
        public class Broken {
          @Param NoSuchType gain;
          @State double V;
        }
        """);
    JavaFileObject plainFieldOfMissingType = Models.source("p.Helped", """
        package p;
        import io.brainstem.annotations.*;
        @Neuron
        public class Helped {
          NoSuchHelper helper;
          @State double V;
        }
        """);
    List<String> reached = new ArrayList<>();
    Compilation compilation = javac()
        .withProcessors(new BrainstemProcessor((model, origin) -> reached.add(model.className())))
        .compile(broken, good("Fine"), plainFieldOfMissingType);
    // javac's own errors, and nothing of ours on top (no BS201 "has type NoSuchType").
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(broken)
        .onLineContaining("NoSuchType gain");
    assertThat(compilation).hadErrorContaining("cannot find symbol")
        .inFile(plainFieldOfMissingType).onLineContaining("NoSuchHelper helper");
    assertThat(compilation).hadErrorCount(2);
    // A missing type in a plain field does not concern the model: it is still generated.
    assertThat(reached).containsExactly("Fine", "Helped");
  }

  /** Writes class {@code p.Gen} in the first round, as another code generator would. */
  private static final class GeneratesGen extends javax.annotation.processing.AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (java.io.Writer w = processingEnv.getFiler().createSourceFile("p.Gen").openWriter()) {
          w.write("package p; public class Gen {}");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void modelNamingATypeAnotherProcessorGeneratesIsRetriedNextRound() {
    JavaFileObject model = Models.source("p.Waits", """
        package p;
        import io.brainstem.annotations.*;
        @Neuron
        public class Waits {
          @Param Gen gain;
          @State double V;
        }
        """);
    Compilation compilation = javac()
        .withProcessors(new BrainstemProcessor((m, origin) -> {}), new GeneratesGen())
        .compile(model);
    // Round 1: Gen is missing, so the model waits; round 2: Gen exists and the model is checked.
    assertThat(compilation).hadErrorContaining("[BS201 FIELD_NOT_DOUBLE] @Param field 'gain' has"
        + " type p.Gen").inFile(model).onLineContaining("Gen gain");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void failedWriteIsReported() {
    JavaFileObject source = good("Good");
    Compilation compilation = javac()
        .withProcessors(new BrainstemProcessor((model, origin) -> {
          throw new IOException("disk full");
        }))
        .compile(source);
    assertThat(compilation)
        .hadErrorContaining("[BS002 CANNOT_WRITE] the generated source for Good could not be"
            + " written: java.io.IOException: disk full")
        .inFile(source)
        .onLineContaining("class Good");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void modelWithErrorsGetsNoGeneratedCode(@TempDir Path generated) throws IOException {
    // The real last stage, with a real -s directory: compile-testing cannot list the generated
    // files of a failed compilation, and this must hold whether or not the emitter works yet.
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(generated));
      JavaCompiler.CompilationTask task = compiler.getTask(
          null, files, diagnostics, List.of(), null,
          List.of(Models.neuronOde("V / tau + unknown")));
      task.setProcessors(List.of(new BrainstemProcessor()));
      assertThat(task.call()).isFalse();
    }
    List<String> errors = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(null))
        .toList();
    // Reaching the emitter would show as a BS001 error today and as a written file later.
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).startsWith("[BS104 UNKNOWN_NAME] 'unknown'");
    try (Stream<Path> written = Files.walk(generated)) {
      assertThat(written.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  @Test
  void modelWithErrorsNeverReachesTheLastStage() {
    Models.Captured result = Models.compile(Models.neuronOde("V / tau + unknown"));
    assertThat(result.models()).isEmpty();
  }

  @Test
  void emitCanBeSwitchedOff() {
    Compilation compilation = javac()
        .withProcessors(new BrainstemProcessor())
        .withOptions("-Abrainstem.emit=false")
        .compile(Models.library("Lif"), Models.library("ExpCoba"));
    assertThat(compilation).succeeded();
    assertThat(compilation.generatedSourceFiles()).isEmpty();
  }

  @Test
  void registeredAsAService() {
    List<Class<?>> found = new ArrayList<>();
    ServiceLoader.load(Processor.class).forEach(p -> found.add(p.getClass()));
    assertThat(found).contains(BrainstemProcessor.class);
  }

  @Test
  void supportsTheTwoModelAnnotationsAndTheLatestSource() {
    BrainstemProcessor processor = new BrainstemProcessor();
    // "*": a model on a local class annotates no element, so javac would not call the processor
    // for a file holding only that; process() still claims nothing (it returns false).
    assertThat(processor.getSupportedAnnotationTypes()).containsExactly("*");
    assertThat(processor.getSupportedSourceVersion()).isEqualTo(SourceVersion.latestSupported());
    assertThat(processor.getSupportedOptions())
        .containsExactly("brainstem.emit", "brainstem.vector", "brainstem.fastMath");
  }

  @Test
  void unannotatedClassesAreIgnored() {
    List<ModelIR> models = new ArrayList<>();
    Compilation compilation = javac()
        .withProcessors(new BrainstemProcessor((model, origin) -> models.add(model)))
        .compile(Models.source("p.Plain", "package p; class Plain { double x = 1 / 2; }"));
    assertThat(compilation).succeeded();
    assertThat(models).isEmpty();
  }
}
