package io.brainstem.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Synapse;
import io.brainstem.processor.check.ClassRules;
import io.brainstem.processor.check.BackwardRules;
import io.brainstem.processor.check.Diagnostics;
import io.brainstem.processor.check.ErrorCode;
import io.brainstem.processor.check.LocalModels;
import io.brainstem.processor.check.GradedRules;
import io.brainstem.processor.check.ModelRules;
import io.brainstem.processor.check.SynapseHomeRules;
import io.brainstem.processor.check.ModelWarnings;
import io.brainstem.processor.check.UnitRules;
import io.brainstem.processor.emit.Emitter;
import io.brainstem.processor.emit.GeneratedNames;
import io.brainstem.processor.integrate.IntegratorRules;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.NeuronIR;
import io.brainstem.processor.ir.SynapseIR;
import io.brainstem.processor.parse.ModelParser;
import io.brainstem.processor.parse.ParsedModel;
import java.io.IOException;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Generates a group or projection class for every {@code @Neuron} and {@code @Synapse} class.
 *
 * <p>For each annotated type, in order:
 *
 * <ol>
 *   <li>check the type itself (a top-level, instantiable class; neuron or synapse);
 *   <li>parse fields and method bodies into IR pieces, reporting each unreadable expression where
 *       it is written;
 *   <li>check rules on the whole model, then the integrators' (EXP_EULER needs linear ODEs), then
 *       (only for a model without errors) the warnings;
 *   <li>if this type had no error, emit and write the generated source. A model with errors gets
 *       no generated code, which would only add "cannot find symbol" noise.
 * </ol>
 *
 * <p>A model whose fields or methods name a type that does not exist is retried in the next
 * round (another processor may generate the type) and otherwise left to javac's own "cannot find
 * symbol" error.
 *
 * <p>It never throws into javac: any unexpected {@code Throwable} (an exception, or an {@code Error}
 * such as {@code OutOfMemoryError} or {@code StackOverflowError}) becomes a {@code BS001 INTERNAL}
 * error on the type being processed, and the other types are still processed. It claims no annotations.
 *
 * <p>Option {@code -Abrainstem.emit=false} runs parse and check only (no file is written); useful
 * to validate models where the runtime classes the generated code needs are absent. Option
 * {@code -Abrainstem.fastMath=true} trades the bits of {@code jit(false)} for reciprocals.
 */
@AutoService(Processor.class)
public final class BrainstemProcessor extends AbstractProcessor {
  static final String EMIT_OPTION = "brainstem.emit";
  static final String VECTOR_OPTION = "brainstem.vector";
  static final String FAST_MATH_OPTION = "brainstem.fastMath";

  private final ModelSink sinkOverride;
  private Diagnostics diagnostics;
  private Trees trees;
  private ModelSink sink;
  /** Models naming a type that does not exist (yet), by qualified name: retried next round. */
  private final Set<String> deferred = new LinkedHashSet<>();

  public BrainstemProcessor() {
    this(null);
  }

  /** For tests: replaces emit-and-write with {@code sink}. */
  BrainstemProcessor(ModelSink sink) {
    this.sinkOverride = sink;
  }

  /**
   * Every annotation ("*"), though only models are processed and none is claimed: javac calls a
   * processor only for annotations on elements, and a {@code @Neuron} on a local class is on
   * none, so a file whose only model is local would otherwise never reach {@link LocalModels}.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(EMIT_OPTION, VECTOR_OPTION, FAST_MATH_OPTION);
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      processRound(round);
    } catch (Throwable e) {
      // Failures on one model are reported on it (processRound); this is the last resort.
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Diagnostics.format(
          ErrorCode.INTERNAL, "Brainstem failed with " + e + ". This is a bug in Brainstem",
          "Please file an issue with this message."));
    }
    return false;
  }

  private void processRound(RoundEnvironment round) {
    // By qualified name: a deferred model must not be processed twice in one round.
    Map<String, TypeElement> byName = new LinkedHashMap<>();
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        byName.put(name, type);
      }
    }
    deferred.clear();
    for (Class<? extends Annotation> model : List.of(Neuron.class, Synapse.class)) {
      for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(model))) {
        byName.put(type.getQualifiedName().toString(), type);
      }
    }
    Collection<TypeElement> types = byName.values();
    if (round.processingOver() || !initialized(types)) {
      // In the last round a model still naming a missing type is javac's to report ("cannot
      // find symbol"); an error of ours on top would only be noise.
      return;
    }
    localModels(round);
    for (TypeElement type : types) {
      try {
        if (MissingTypes.any(type)) {
          // Another processor may generate the type in this round: try again in the next one.
          deferred.add(type.getQualifiedName().toString());
          continue;
        }
        processType(type);
      } catch (IOException e) {
        diagnostics.error(
            ErrorCode.CANNOT_WRITE,
            type,
            "the generated source for " + type.getSimpleName() + " could not be written: " + e,
            "Check that the generated-sources directory is writable and that no other processor"
                + " writes a file of the same name.");
      } catch (Throwable e) {
        // Anything, Errors included (OutOfMemoryError, StackOverflowError, LinkageError from a
        // JavaPoet clash): an exception escaping into javac would abort the whole compilation
        // with a stack trace that names no model.
        internalError(type, e);
      }
    }
  }

  /** Reports models declared inside code in this round's new sources (see {@link LocalModels}). */
  private void localModels(RoundEnvironment round) {
    Set<CompilationUnitTree> units = new LinkedHashSet<>();
    for (Element root : round.getRootElements()) {
      TreePath path = trees.getPath(root);
      if (path != null) {
        units.add(path.getCompilationUnit());
      }
    }
    LocalModels check = new LocalModels(diagnostics);
    for (CompilationUnitTree unit : units) {
      try {
        check.check(unit);
      } catch (StackOverflowError deep) {
        // A pathologically nested expression (not a sum, which is walked iteratively): its model
        // gets BS001 from processType; the scan of this file for local models is given up.
      }
    }
  }

  /** Reports {@code failure} as a BS001 on {@code type}; never throws itself. */
  private void internalError(TypeElement type, Throwable failure) {
    String name = type.getSimpleName().toString();
    String rule;
    String fix;
    if (failure instanceof StackOverflowError) {
      // A pathologically deep expression: javac's parser survives those, so must we.
      rule = "Brainstem ran out of stack on " + name + " (" + failure + "), most likely on an"
          + " extremely long or deeply nested expression";
      fix = "Split long expressions into 'final double' locals; if none is long, please file an"
          + " issue with this message and the source of " + name + ".";
    } else if (failure instanceof OutOfMemoryError) {
      rule = "Brainstem ran out of memory on " + name + " (" + failure + ")";
      fix = "Give the compiler more memory (e.g. -J-Xmx2g), and please file an issue with this"
          + " message and the source of " + name + ".";
    } else {
      rule = "Brainstem failed on " + name + " with " + failure
          + ". This is a bug in Brainstem, not in your model";
      fix = "Please file an issue with this message and the source of " + name + ".";
    }
    try {
      diagnostics.error(ErrorCode.INTERNAL, type, rule, fix);
    } catch (RuntimeException messagerFailed) {
      // The messager itself failed (e.g. still out of memory): the plainest report left.
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "[BS001 INTERNAL] " + rule);
    }
  }

  /**
   * Sets up on first use. Method bodies are read through javac's Compiler Tree API, which other
   * compilers (and some wrapped processing environments) do not offer: then each model gets an
   * error instead of an exception escaping into the compiler.
   */
  private boolean initialized(Collection<TypeElement> types) {
    if (diagnostics != null) {
      return true;
    }
    try {
      trees = Trees.instance(processingEnv);
    } catch (IllegalArgumentException notJavac) {
      for (TypeElement type : types) {
        processingEnv.getMessager().printMessage(
            Diagnostic.Kind.ERROR,
            Diagnostics.format(
                ErrorCode.INTERNAL,
                "Brainstem reads model method bodies with javac's Compiler Tree API, which this"
                    + " compiler does not provide (" + notJavac + ")",
                "Compile models with javac (JDK 17 or newer)."),
            type);
      }
      return false;
    }
    diagnostics = new Diagnostics(processingEnv.getMessager(), trees);
    sink = sinkOverride != null ? sinkOverride : defaultSink();
    return true;
  }

  private void processType(TypeElement type) throws IOException {
    int errorsBefore = diagnostics.errorCount();
    ModelIR.Kind kind = new ClassRules(diagnostics, trees).check(type);
    if (kind == null) {
      return;
    }
    ParsedModel parsed = new ModelParser(diagnostics, trees, fastMath()).parse(type, kind);
    new ModelRules(diagnostics, GeneratedNames::reserved).check(parsed);
    new GradedRules(diagnostics).check(parsed);
    if (diagnostics.errorCount() > errorsBefore) {
      return;
    }
    new SynapseHomeRules(diagnostics).check(parsed);
    if (diagnostics.errorCount() > errorsBefore) {
      return;
    }
    new UnitRules(diagnostics, trees).check(parsed);
    if (diagnostics.errorCount() > errorsBefore) {
      return;
    }
    new ModelWarnings(diagnostics).check(parsed);
    PackageElement pkg = processingEnv.getElementUtils().getPackageOf(type);
    ModelIR model = parsed.toIR(pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString());
    new IntegratorRules(diagnostics).check(parsed, model);
    if (model instanceof NeuronIR neuron && BackwardRules.requested(type)) {
      new BackwardRules(diagnostics).check(type, neuron);
    } else if (model instanceof SynapseIR synapse && BackwardRules.requested(type)) {
      new BackwardRules(diagnostics).check(type, synapse);
    }
    if (diagnostics.errorCount() > errorsBefore) {
      return;
    }
    sink.accept(model, type);
  }

  private ModelSink defaultSink() {
    if ("false".equals(processingEnv.getOptions().get(EMIT_OPTION))) {
      return (model, origin) -> {};
    }
    boolean vector = vectorKernels();
    return (model, origin) -> {
      List<JavaFile> files = new ArrayList<>(Emitter.emitAll(model, vector, fastMath()));
      if (model instanceof NeuronIR neuron && BackwardRules.requested(origin)) {
        files.add(Emitter.backward(neuron));
        if (vector) {
          files.add(Emitter.backwardVector(neuron));
        }
      } else if (model instanceof SynapseIR synapse && BackwardRules.requested(origin)) {
        files.add(Emitter.backward(synapse));
      }
      for (JavaFile file : files) {
        String name = file.packageName().isEmpty()
            ? file.typeSpec().name()
            : file.packageName() + "." + file.typeSpec().name();
        // Created here (not JavaFile.writeTo(Filer)) so the model class is the originating element
        // even if the emitter forgets to add it, which keeps incremental builds correct.
        JavaFileObject source = processingEnv.getFiler().createSourceFile(name, origin);
        try (Writer writer = source.openWriter()) {
          file.writeTo(writer);
        }
      }
    };
  }

  /**
   * {@code -Abrainstem.fastMath=true}: divisions by parameters become products with reciprocals
   * computed once per step (docs/writing-models.md, "Fast math"); the default keeps every
   * division, so the kernels give the bits of the user's own methods.
   */
  private boolean fastMath() {
    return "true".equals(processingEnv.getOptions().get(FAST_MATH_OPTION));
  }

  /**
   * Vector kernels are generated when this compilation can see {@code jdk.incubator.vector}
   * (javac {@code --add-modules jdk.incubator.vector}) unless {@code -Abrainstem.vector=false};
   * without the module, one note says how to get them.
   */
  private boolean vectorKernels() {
    if ("false".equals(processingEnv.getOptions().get(VECTOR_OPTION))) {
      return false;
    }
    if (processingEnv.getElementUtils().getTypeElement("jdk.incubator.vector.DoubleVector") != null) {
      return true;
    }
    processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, "Brainstem: scalar kernels"
        + " only; compile with --add-modules jdk.incubator.vector to also generate vector kernels"
        + " (-Abrainstem.vector=false silences this)");
    return false;
  }
}
