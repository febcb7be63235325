package io.brainstem.integrators;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.brainstem.annotations.Integrator;
import io.brainstem.network.NeuronGroup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Compiles test-source models through the real processor (parse, check, integrate, emit), with
 * every lint but "no processor claimed" (the processor claims nothing, by design) and warnings as
 * errors, and loads the model and its generated group together.
 */
final class ProcessedModels {
  private ProcessedModels() {}

  /** The loaded classes of compiling {@code source} (a class {@code test.models.<name>}). */
  static ClassLoader compile(String name, String source) {
    return compile(Map.of(name, source));
  }

  /** The loaded classes of compiling each source (class name → text, in {@code test.models}). */
  static ClassLoader compile(Map<String, String> sources) {
    return compile(sources, "-Xlint:all,-processing", "-Werror");
  }

  /**
   * As {@link #compile(Map)} with {@code jdk.incubator.vector} visible, so that models get their
   * vector kernels too (javac's "incubating module" warning is the one warning allowed).
   */
  static ClassLoader compileWithVectors(Map<String, String> sources) {
    return compile(sources, "-Xlint:all,-processing", "--add-modules", "jdk.incubator.vector");
  }

  private static ClassLoader compile(Map<String, String> sources, String... options) {
    Compilation compilation = javac()
        .withProcessors(processor())
        .withOptions((Object[]) options)
        .compile(sources.entrySet().stream()
            .map(e -> JavaFileObjects.forSourceString("test.models." + e.getKey(), e.getValue()))
            .toList());
    assertWithMessage("%s", compilation.diagnostics())
        .that(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
    assertWithMessage("%s", compilation.diagnostics())
        .that(compilation.diagnostics().stream()
            .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
            .filter(d -> !d.getMessage(java.util.Locale.ROOT).contains("incubating")).count())
        .isEqualTo(0);
    return load(compilation);
  }

  /**
   * The processor, loaded by name: a compile-time reference would make javac read its
   * {@code @AutoService} annotation, whose class is not on this classpath (a lint warning).
   */
  private static Processor processor() {
    try {
      return (Processor) Class.forName("io.brainstem.processor.BrainstemProcessor")
          .getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("the processor is on the test classpath (provided scope)", e);
    }
  }

  /** A new group of the generated class {@code test.models.<model>Group}. */
  static NeuronGroup group(ClassLoader loader, String model, String name, int size) {
    try {
      return (NeuronGroup) loader.loadClass("test.models." + model + "Group")
          .getConstructor(String.class, int.class).newInstance(name, size);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Calls the generated fluent {@code name(argument)} on {@code group}. */
  static void call(NeuronGroup group, String name, Class<?> type, Object argument) {
    try {
      group.getClass().getMethod(name, type).invoke(group, argument);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AssertionError(e);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  static void method(NeuronGroup group, Integrator method) {
    call(group, "method", Integrator.class, method);
  }

  /**
   * Loads the compilation's classes child-first: a generated class and its model must share a class
   * loader (and so a runtime package) for the debug path's package-private field access.
   */
  private static ClassLoader load(Compilation compilation) {
    Map<String, byte[]> classes = new HashMap<>();
    String root = "/" + StandardLocation.CLASS_OUTPUT.getName() + "/";
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      String name = path.substring(path.indexOf(root) + root.length(),
          path.length() - ".class".length()).replace('/', '.');
      try (InputStream in = file.openInputStream()) {
        classes.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ClassLoader(ProcessedModels.class.getClassLoader()) {
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
