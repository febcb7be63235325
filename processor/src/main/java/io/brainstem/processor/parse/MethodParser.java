package io.brainstem.processor.parse;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.util.Trees;
import io.brainstem.annotations.Graded;
import io.brainstem.annotations.Noise;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.OnPost;
import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Reset;
import io.brainstem.annotations.Threshold;
import io.brainstem.processor.check.Diagnostics;
import io.brainstem.processor.check.ErrorCode;
import io.brainstem.processor.check.Suggestions;
import io.brainstem.processor.ir.Assign;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * Reads the @Ode, @Noise, @Threshold, @Reset, @OnPre, @OnPost, @Output and @Graded methods:
 * signature, then body.
 */
final class MethodParser {
  private final Diagnostics diagnostics;
  private final Trees trees;
  private final SourceText source;
  private final String modelName;
  private final Map<String, RefKind> fields;
  private final Set<String> conflicted;
  private final Usage usage;
  private final boolean fastMath;

  final List<Member<ModelIR.Ode>> odes = new ArrayList<>();
  final List<Member<ModelIR.Noise>> noises = new ArrayList<>();
  final List<Member<ModelIR.Threshold>> thresholds = new ArrayList<>();
  final List<Member<ModelIR.Action>> resets = new ArrayList<>();
  final List<Member<ModelIR.Action>> onPres = new ArrayList<>();
  final List<Member<ModelIR.Action>> onPosts = new ArrayList<>();
  final List<Member<ModelIR.Output>> outputs = new ArrayList<>();
  final List<Member<ModelIR.Output>> gradeds = new ArrayList<>();

  MethodParser(
      Diagnostics diagnostics,
      Trees trees,
      SourceText source,
      String modelName,
      Map<String, RefKind> fields,
      Set<String> conflicted,
      Usage usage,
      boolean fastMath) {
    this.fastMath = fastMath;
    this.diagnostics = diagnostics;
    this.trees = trees;
    this.source = source;
    this.modelName = modelName;
    this.fields = fields;
    this.conflicted = conflicted;
    this.usage = usage;
  }

  void parse(ExecutableElement method) {
    List<AnnotationMirror> roles = Annotations.findAll(
        method, Ode.class, Noise.class, Threshold.class, Reset.class, OnPre.class, OnPost.class,
        Output.class, Graded.class);
    if (roles.isEmpty()) {
      return;
    }
    AnnotationMirror role = roles.get(0);
    String kind = Annotations.display(role);
    if (roles.size() > 1) {
      diagnostics.error(
          ErrorCode.CONFLICTING_ROLES,
          method,
          roles.get(1),
          "'" + method.getSimpleName() + "' is annotated both " + kind + " and "
              + Annotations.display(roles.get(1)) + "; a method has one role",
          "Split it into one method per annotation.");
    }
    String name = method.getSimpleName().toString();
    switch (kind) {
      case "@Ode":
        String state = method.getAnnotation(Ode.class).value();
        Rhs rhs = rhs(method, kind);
        odes.add(new Member<>(state, rhs == null ? null
            : new ModelIR.Ode(
                state, name, rhs.argNames(), rhs.expr(), rhs.sourceText(), rhs.locals()),
            method, role));
        break;
      case "@Noise":
        Noise annotation = method.getAnnotation(Noise.class);
        String noisy = annotation.value();
        Rhs diffusion = rhs(method, kind);
        noises.add(new Member<>(noisy, diffusion == null ? null
            : new ModelIR.Noise(noisy, name, diffusion.argNames(), diffusion.expr(),
                diffusion.sourceText(), annotation.milstein(), diffusion.locals()),
            method, role));
        break;
      case "@Threshold":
        thresholds.add(new Member<>(name, threshold(method), method, role));
        break;
      case "@Reset":
        resets.add(new Member<>(name, action(method, kind), method, role));
        break;
      case "@OnPre":
        onPres.add(new Member<>(name, action(method, kind), method, role));
        break;
      case "@OnPost":
        onPosts.add(new Member<>(name, action(method, kind), method, role));
        break;
      case "@Graded":
        String input = method.getAnnotation(Graded.class).value();
        gradeds.add(new Member<>(input, output(method, input, kind), method, role));
        break;
      default:
        String target = method.getAnnotation(Output.class).value();
        outputs.add(new Member<>(target, output(method, target, kind), method, role));
        break;
    }
  }

  /** A parsed {@code @Ode} or {@code @Noise} body with its method's parameter names. */
  private record Rhs(
      List<String> argNames, Expr expr, String sourceText, Map<String, Expr> locals) {}

  /** An {@code @Ode} or {@code @Noise} method: double parameters named after variables or t. */
  private Rhs rhs(ExecutableElement method, String annotation) {
    if (!signature(method, annotation, TypeKind.DOUBLE, true)) {
      return null;
    }
    Scope scope = scope();
    List<String> argNames = new ArrayList<>();
    boolean failed = false;
    for (VariableElement parameter : method.getParameters()) {
      String name = parameter.getSimpleName().toString();
      RefKind kind = name.equals("t") ? RefKind.TIME : fields.get(name);
      if (kind == null) {
        List<String> candidates = new ArrayList<>(fields.keySet());
        candidates.add("t");
        diagnostics.error(
            ErrorCode.UNKNOWN_NAME,
            parameter,
            annotation + " parameter '" + name + "' is not a parameter, state, input or"
                + " postsynaptic variable of " + modelName + ", nor 't'"
                + Suggestions.didYouMean(name, candidates),
            "Name each parameter after the model variable it receives, or 't' for the time.");
        failed = true;
        continue;
      }
      scope.addParameter(name, kind);
      argNames.add(name);
    }
    BodyParser.Returned body = failed ? null : body(method, scope).returnBody(block(method), false);
    return body == null ? null
        : new Rhs(argNames, body.expr(), body.sourceText(), body.locals());
  }

  private ModelIR.Threshold threshold(ExecutableElement method) {
    if (!signature(method, "@Threshold", TypeKind.BOOLEAN, false)) {
      return null;
    }
    BodyParser.Returned body =
        body(method, scope()).returnBody(block(method), true);
    return body == null
        ? null
        : new ModelIR.Threshold(method.getSimpleName().toString(), body.expr(), body.sourceText(),
            method.getAnnotation(Threshold.class).crossing(), body.locals());
  }

  private ModelIR.Action action(ExecutableElement method, String kind) {
    if (!signature(method, kind, TypeKind.VOID, false)) {
      return null;
    }
    BlockTree block = block(method);
    // An @OnPre may also write @Post fields (a delta synapse adds straight to the membrane).
    List<Assign> assignments = body(method, scope()).assignments(block, kind.equals("@OnPre"));
    if (assignments == null) {
      return null;
    }
    String text = block.getStatements().isEmpty()
        ? ""
        : source
            .between(block.getStatements().get(0),
                block.getStatements().get(block.getStatements().size() - 1))
            .orElse(block.getStatements().toString());
    return new ModelIR.Action(method.getSimpleName().toString(), assignments, text);
  }

  /** An {@code @Output} or {@code @Graded} method: {@code double name()}, one return. */
  private ModelIR.Output output(ExecutableElement method, String target, String kind) {
    if (!signature(method, kind, TypeKind.DOUBLE, false)) {
      return null;
    }
    BodyParser.Returned body =
        body(method, scope()).returnBody(block(method), false);
    return body == null
        ? null
        : new ModelIR.Output(method.getSimpleName().toString(), target, body.expr(),
            body.sourceText(), body.locals());
  }

  /**
   * Checks modifiers, return type and parameters; reports at most one error per method. The
   * jit(false) path calls the method from the generated class, so it must be a non-private
   * instance method.
   */
  private boolean signature(
      ExecutableElement method, String kind, TypeKind returns, boolean doubleParameters) {
    String expected = kind + " methods are " + (doubleParameters
        ? "non-private instance methods 'double name(double var, ...)'"
        : "non-private instance methods '" + returns.name().toLowerCase() + " name()'");
    String problem = null;
    if (method.getModifiers().contains(Modifier.STATIC)) {
      problem = "is static";
    } else if (method.getModifiers().contains(Modifier.PRIVATE)) {
      problem = "is private";
    } else if (method.getReturnType().getKind() != returns) {
      problem = "returns " + method.getReturnType();
    } else if (!doubleParameters && !method.getParameters().isEmpty()) {
      problem = "has parameters";
    } else if (method.getParameters().stream()
        .anyMatch(p -> p.asType().getKind() != TypeKind.DOUBLE)) {
      problem = "has a parameter that is not a double";
    } else if (method.isVarArgs() || !method.getTypeParameters().isEmpty()) {
      problem = "is generic or variadic";
    }
    if (problem == null && !method.getThrownTypes().isEmpty()) {
      // The jit(false) path calls the method from generated code that catches nothing, so a
      // checked exception would not compile there; an unchecked one would abort the run.
      List<? extends ExpressionTree> thrown = trees.getTree(method).getThrows();
      diagnostics.error(
          ErrorCode.BAD_SIGNATURE,
          thrown.get(0),
          source.unit(),
          "'" + method.getSimpleName() + "' declares 'throws " + source.of(thrown.get(0))
              + "'; the jit(false) path calls " + kind + " methods from generated code that"
              + " handles no exceptions",
          "Remove the throws clause (model methods compute with doubles and need none).");
      return false;
    }
    if (problem == null) {
      return true;
    }
    diagnostics.error(
        ErrorCode.BAD_SIGNATURE,
        method,
        "'" + method.getSimpleName() + "' " + problem + "; " + expected,
        "Change the declaration to that shape.");
    return false;
  }

  private Scope scope() {
    return Scope.forBody(modelName, fields, conflicted, usage);
  }

  private BlockTree block(ExecutableElement method) {
    return trees.getTree(method).getBody();
  }

  private BodyParser body(ExecutableElement method, Scope scope) {
    return new BodyParser(diagnostics, source, scope, fastMath);
  }
}
