package io.brainstem.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Runs the real processor on fuzzed models (with {@code jdk.incubator.vector} visible, so vector
 * kernels are generated too), then compiles models and generated code with every lint, as
 * {@link EmittedSources} does; but collects what went wrong instead of asserting, and times the
 * processor alone.
 */
final class FuzzCompiler {
  private FuzzCompiler() {}

  /**
   * What compiling some models gave: every problem (an exception, an error or warning from the
   * processor or from javac on the generated code), the loaded classes when there was none, and
   * the processor's own time.
   */
  record Outcome(List<String> problems, ClassLoader loader, long processorNanos,
      int generatedChars) {
    boolean ok() {
      return problems.isEmpty();
    }
  }

  static Outcome compile(List<FuzzModel> models) {
    Processed processed = process(models);
    List<String> problems = new ArrayList<>(processed.problems());
    if (!problems.isEmpty()) {
      return new Outcome(problems, null, processed.nanos(), processed.generatedChars());
    }
    List<JavaFileObject> all = new ArrayList<>(processed.sources());
    all.addAll(processed.compilation().generatedSourceFiles());
    Compilation compiled = javac()
        .withOptions("-Xlint:all", "-proc:none", "--add-modules", "jdk.incubator.vector")
        .compile(all);
    problems.addAll(unexpected("javac on the generated code", compiled));
    ClassLoader loader = problems.isEmpty() ? EmittedSources.load(compiled) : null;
    return new Outcome(problems, loader, processed.nanos(), processed.generatedChars());
  }

  /** The processor's run on some models: its problems, output, and time. */
  record Processed(List<JavaFileObject> sources, Compilation compilation, List<String> problems,
      long nanos, int generatedChars) {}

  /** Runs only the processor ({@code -proc:only}) on {@code models}. */
  static Processed process(List<FuzzModel> models) {
    List<JavaFileObject> sources = models.stream()
        .map(m -> JavaFileObjects.forSourceString(FuzzModel.PACKAGE + "." + m.className(),
            m.source()))
        .toList();
    TimedProcessor timed = new TimedProcessor(EmittedSources.brainstem());
    Compilation processed;
    try {
      processed = javac()
          .withProcessors(timed)
          .withOptions("-proc:only", "--add-modules", "jdk.incubator.vector")
          .compile(sources);
    } catch (RuntimeException | Error e) {
      return new Processed(sources, null, List.of("processor threw " + stackTrace(e)),
          timed.nanos, 0);
    }
    List<String> problems = unexpected("processor", processed);
    if (processed.status() != Compilation.Status.SUCCESS) {
      return new Processed(sources, processed, problems, timed.nanos, 0);
    }
    int chars = 0;
    for (JavaFileObject file : processed.generatedSourceFiles()) {
      try {
        chars += file.getCharContent(true).length();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Processed(sources, processed, problems, timed.nanos, chars);
  }

  /** Errors and warnings, but javac's note that the vector module is incubating. */
  private static List<String> unexpected(String who, Compilation compilation) {
    List<String> out = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      if (d.getKind() == Diagnostic.Kind.NOTE || message.contains("incubating")) {
        continue;
      }
      String file = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber()
          + ": ";
      out.add(who + ": " + d.getKind() + ": " + file + message);
    }
    if (out.isEmpty() && compilation.status() != Compilation.Status.SUCCESS) {
      out.add(who + " failed without a diagnostic");
    }
    return out;
  }

  static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  /**
   * The calling thread's CPU time: unlike wall time it does not count waiting for a core on a
   * loaded machine (javac runs the processor on the calling thread).
   */
  private static long cpuNanos() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /** Delegates to the processor, adding up the (CPU) time spent in it. */
  private static final class TimedProcessor implements Processor {
    private final Processor delegate;
    private long nanos;

    TimedProcessor(Processor delegate) {
      this.delegate = delegate;
    }

    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment env) {
      long start = cpuNanos();
      delegate.init(env);
      nanos += cpuNanos() - start;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      long start = cpuNanos();
      try {
        return delegate.process(annotations, round);
      } finally {
        nanos += cpuNanos() - start;
      }
    }

    @Override
    public Iterable<? extends Completion> getCompletions(Element element,
        AnnotationMirror annotation, ExecutableElement member, String userText) {
      return delegate.getCompletions(element, annotation, member, userText);
    }
  }
}
