package io.brainstem.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Runs the real BrainstemProcessor on model sources (the library's, read from the runtime module's
 * src/main/java, or test models from src/test/resources/golden/sources), compiles the models with
 * what it generated as strictly as we can, and loads the result in an isolated class loader.
 */
final class EmittedSources {
  private EmittedSources() {}

  private static final Path LIBRARY = Path.of("../runtime/src/main/java/io/brainstem/models");
  private static final Path TEST_MODELS = Path.of("src/test/resources/golden/sources/test/models");

  /** A model's source from the library, e.g. {@code Lif}. */
  static JavaFileObject librarySource(String className) {
    return read("io.brainstem.models." + className, LIBRARY.resolve(className + ".java"));
  }

  /** A test model kept next to the goldens, e.g. {@code Hh} (package {@code test.models}). */
  static JavaFileObject testModelSource(String className) {
    return read("test.models." + className, TEST_MODELS.resolve(className + ".java"));
  }

  private static JavaFileObject read(String qualifiedName, Path path) {
    try {
      return JavaFileObjects.forSourceString(qualifiedName, Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the processor wrote for some models, and those models compiled together with it. */
  record Result(Compilation processed, Compilation compiled) {
    /** The generated source of {@code qualifiedName}, e.g. {@code io.brainstem.models.LifGroup}. */
    String generated(String qualifiedName) {
      JavaFileObject file = processed.generatedSourceFile(qualifiedName).orElseThrow(
          () -> new AssertionError("the processor generated no " + qualifiedName));
      try {
        return file.getCharContent(true).toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    List<JavaFileObject> generatedSources() {
      return processed.generatedSourceFiles();
    }
  }

  /**
   * Runs the processor on {@code models} (which must give no error or warning), then compiles the
   * models and the generated sources with every lint enabled and warnings as errors. Two javac runs
   * so the strict one sees exactly the code the user's build compiles, without javac's notes about
   * annotations no processor claims.
   */
  static Result processAndCompile(JavaFileObject... models) {
    Compilation processed = javac()
        .withProcessors(brainstem())
        .withOptions("-proc:only", "-Abrainstem.vector=false")
        .compile(models);
    assertWithMessage("processor diagnostics: %s", processed.diagnostics())
        .that(processed.diagnostics()).isEmpty();
    List<JavaFileObject> all = new ArrayList<>(List.of(models));
    all.addAll(processed.generatedSourceFiles());
    Compilation compiled = javac()
        .withOptions("-Xlint:all", "-Werror", "-proc:none")
        .compile(all);
    return new Result(processed, compiled);
  }

  /**
   * The processor as javac finds it in a user's build, through its service registration (which
   * also keeps its class, and the AutoService annotation on it, out of this module's compile).
   */
  static Processor brainstem() {
    return ServiceLoader.load(Processor.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.getClass().getName().equals("io.brainstem.processor.BrainstemProcessor"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("BrainstemProcessor is not registered as a service"));
  }

  /**
   * As {@link #processAndCompile}, in a compilation that sees {@code jdk.incubator.vector}, so the
   * processor also writes the vector kernels. Compiled with every lint but not as errors: javac
   * always warns that the module is incubating (on JDK 17 no lint key turns that off).
   */
  static Result processAndCompileWithVectors(JavaFileObject... models) {
    return processAndCompileWithVectors(List.of(), models);
  }

  /** As {@link #processAndCompileWithVectors(JavaFileObject...)}, with the processor's options. */
  static Result processAndCompileWithVectors(List<String> options, JavaFileObject... models) {
    List<String> processing = new ArrayList<>(List.of("-proc:only", "--add-modules",
        "jdk.incubator.vector"));
    processing.addAll(options);
    Compilation processed = javac()
        .withProcessors(brainstem())
        .withOptions(processing)
        .compile(models);
    assertWithMessage("processor diagnostics: %s", processed.diagnostics())
        .that(processed.diagnostics().stream()
            .filter(d -> !d.getMessage(Locale.ROOT).contains("incubating")).toList())
        .isEmpty();
    List<JavaFileObject> all = new ArrayList<>(List.of(models));
    all.addAll(processed.generatedSourceFiles());
    Compilation compiled = javac()
        .withOptions("-Xlint:all", "-proc:none", "--add-modules", "jdk.incubator.vector")
        .compile(all);
    return new Result(processed, compiled);
  }

  /** Lif and ExpCoba through the processor, compiled strictly. */
  static Result library() {
    return processAndCompile(librarySource("Lif"), librarySource("ExpCoba"));
  }

  /** The library plus the test models kept for goldens (TsodyksMarkramCoba: per-synapse backward). */
  static Result libraryAndTestModels() {
    return processAndCompile(librarySource("Lif"), librarySource("ExpCoba"),
        librarySource("GapJunction"), librarySource("StdpTripletNearest"),
        librarySource("TsodyksMarkramCoba"), testModelSource("Hh"),
        testModelSource("AdEx"));
  }

  /**
   * Loads the compilation's classes child-first: a generated class and its model must share a class
   * loader (and so a runtime package) for the debug path's package-private field access.
   */
  static ClassLoader load(Compilation compilation) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      // in-memory class files live at /CLASS_OUTPUT/<package path>/<Name>.class
      String path = file.toUri().getPath();
      String root = "/" + StandardLocation.CLASS_OUTPUT.getName() + "/";
      String name = path.substring(path.indexOf(root) + root.length(),
          path.length() - ".class".length()).replace('/', '.');
      try (InputStream in = file.openInputStream()) {
        classes.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ClassLoader(EmittedSources.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
          Class<?> c = findLoadedClass(name);
          if (c == null && classes.containsKey(name)) {
            byte[] bytes = classes.get(name);
            c = defineClass(name, bytes, 0, bytes.length);
          }
          return c != null ? c : super.loadClass(name, resolve);
        }
      }
    };
  }
}
