package io.brainstem.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.brainstem.processor.emit.Emitter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Compiles the Emitter's output for the model library together with the models' own sources
 * (the debug path instantiates them), and loads the result in an isolated class loader.
 */
final class EmittedSources {
  private EmittedSources() {}

  static JavaFileObject emitted(io.brainstem.processor.ir.ModelIR model) {
    return Emitter.emit(model).toJavaFileObject();
  }

  /** A model's source from the library, e.g. {@code Lif}. */
  static JavaFileObject librarySource(String className) {
    Path path = Path.of("src/main/java/io/brainstem/models", className + ".java");
    try {
      return JavaFileObjects.forSourceString("io.brainstem.models." + className,
          Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lif, ExpCoba and their generated classes, compiled as strictly as the build compiles code. */
  static Compilation compileLibrary() {
    return javac()
        .withOptions("-Xlint:all", "-Werror", "-proc:none")
        .compile(
            librarySource("Lif"),
            librarySource("ExpCoba"),
            emitted(LibraryModels.lif()),
            emitted(LibraryModels.expCoba()));
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
