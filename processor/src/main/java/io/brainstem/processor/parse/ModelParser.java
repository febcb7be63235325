package io.brainstem.processor.parse;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.brainstem.annotations.Integrator;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Synapse;
import io.brainstem.processor.check.Diagnostics;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Reads one model class into a {@link ParsedModel}: first the fields (so bodies can resolve names),
 * then the methods, all in declaration order. Problems inside members are reported here;
 * rules about the model as a whole are check's.
 */
public final class ModelParser {
  private final Diagnostics diagnostics;
  private final Trees trees;
  private final boolean fastMath;

  public ModelParser(Diagnostics diagnostics, Trees trees) {
    this(diagnostics, trees, false);
  }

  /** {@code fastMath}: divisions by parameters become products with reciprocals (ExprParser). */
  public ModelParser(Diagnostics diagnostics, Trees trees, boolean fastMath) {
    this.diagnostics = diagnostics;
    this.trees = trees;
    this.fastMath = fastMath;
  }

  public ParsedModel parse(TypeElement type, ModelIR.Kind kind) {
    TreePath path = trees.getPath(type);
    SourceText source = new SourceText(trees.getSourcePositions(), path.getCompilationUnit());
    String modelName = type.getSimpleName().toString();

    FieldParser fieldParser = new FieldParser(diagnostics, trees, source, modelName);
    ElementFilter.fieldsIn(type.getEnclosedElements()).forEach(fieldParser::parse);

    Map<String, RefKind> fields = new LinkedHashMap<>();
    fieldParser.params.forEach(m -> fields.put(m.name(), RefKind.PARAM));
    fieldParser.states.forEach(m -> fields.put(m.name(), RefKind.STATE));
    fieldParser.inputs.forEach(m -> fields.put(m.name(), RefKind.INPUT));
    fieldParser.posts.forEach(m -> fields.put(m.name(), RefKind.POST));
    fieldParser.pres.forEach(m -> fields.put(m.name(), RefKind.PRE));

    Usage usage = new Usage();
    MethodParser methodParser =
        new MethodParser(
            diagnostics, trees, source, modelName, fields, fieldParser.conflicted, usage,
            fastMath);
    ElementFilter.methodsIn(type.getEnclosedElements()).forEach(methodParser::parse);

    return new ParsedModel(
        type,
        kind,
        integrator(type, kind),
        fieldParser.params,
        fieldParser.states,
        fieldParser.inputs,
        fieldParser.posts,
        fieldParser.pres,
        fieldParser.refractory,
        methodParser.odes,
        methodParser.thresholds,
        methodParser.resets,
        methodParser.onPres,
        methodParser.onPosts,
        methodParser.outputs,
        methodParser.gradeds,
        methodParser.noises,
        fieldParser.homes,
        usage);
  }

  /** The annotation's {@code methods}: the integrators to generate (empty: every one). */
  static Set<Integrator> methods(TypeElement type, ModelIR.Kind kind) {
    Integrator[] listed = kind == ModelIR.Kind.NEURON
        ? type.getAnnotation(Neuron.class).methods()
        : type.getAnnotation(Synapse.class).methods();
    return Set.copyOf(Arrays.asList(listed));
  }

  private static Integrator integrator(TypeElement type, ModelIR.Kind kind) {
    return kind == ModelIR.Kind.NEURON
        ? type.getAnnotation(Neuron.class).method()
        : type.getAnnotation(Synapse.class).method();
  }
}
