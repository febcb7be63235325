package io.brainstem.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.brainstem.processor.ir.ModelIR;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Test sources and a compile that runs parse + check and captures the IR instead of emitting. */
final class Models {
  private Models() {}

  /** {@code p.Bad}: a small valid neuron with {@code members} appended to its body. */
  static JavaFileObject neuron(String members) {
    return source(
        "p.Bad",
        """
        package p;

        import io.brainstem.annotations.*;

        @Neuron
        public class Bad {
          @Param double tau = 10, V_rest = 0, V_th = 20;
          @State double V;
          @Input double input;

        %s
        }
        """
            .formatted(members));
  }

  /** {@code p.Bad}: a neuron with the usual variables and an ODE whose return is {@code rhs}. */
  static JavaFileObject neuronOde(String rhs) {
    return neuron("  @Ode(\"V\") double dV(double V) { return " + rhs + "; }\n");
  }

  /** {@code p.Bad}: a synapse with {@code members} appended to its body. */
  static JavaFileObject synapse(String members) {
    return source(
        "p.Bad",
        """
        package p;

        import io.brainstem.annotations.*;

        @Synapse
        public class Bad {
          @Param double g_max = 1, tau = 8, E = 0;
          @State double g;
          @Post double V;

        %s
        }
        """
            .formatted(members));
  }

  static JavaFileObject source(String name, String text) {
    return JavaFileObjects.forSourceString(name, text);
  }

  /** A model of the runtime's library, read from its real source so the two cannot drift apart. */
  static JavaFileObject library(String simpleName) {
    Path path = Path.of("..", "runtime", "src", "main", "java", "io", "brainstem", "models",
        simpleName + ".java");
    try {
      return source("io.brainstem.models." + simpleName, Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Result of a compile whose last stage records the IR instead of emitting code. */
  record Captured(Compilation compilation, List<ModelIR> models) {}

  /** As {@link #compile}, running javac only as far as annotation processing ({@code -proc:only}). */
  static Captured process(JavaFileObject... sources) {
    List<ModelIR> models = new ArrayList<>();
    Compilation compilation =
        javac().withProcessors(new BrainstemProcessor((model, origin) -> models.add(model)))
            .withOptions("-proc:only")
            .compile(sources);
    return new Captured(compilation, models);
  }

  /** As {@link #process}, with {@code -Abrainstem.fastMath=true}. */
  static Captured processFastMath(JavaFileObject... sources) {
    List<ModelIR> models = new ArrayList<>();
    Compilation compilation =
        javac().withProcessors(new BrainstemProcessor((model, origin) -> models.add(model)))
            .withOptions("-proc:only", "-Abrainstem.fastMath=true")
            .compile(sources);
    return new Captured(compilation, models);
  }

  static Captured compile(JavaFileObject... sources) {
    List<ModelIR> models = new ArrayList<>();
    Compilation compilation =
        javac().withProcessors(new BrainstemProcessor((model, origin) -> models.add(model)))
            .compile(sources);
    return new Captured(compilation, models);
  }
}
