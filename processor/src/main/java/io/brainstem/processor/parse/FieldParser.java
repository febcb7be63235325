package io.brainstem.processor.parse;

import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.Trees;
import io.brainstem.annotations.Input;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.PerPre;
import io.brainstem.annotations.PerSynapse;
import io.brainstem.annotations.Post;
import io.brainstem.annotations.Pre;
import io.brainstem.annotations.Refractory;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Trainable;
import io.brainstem.processor.check.Diagnostics;
import io.brainstem.processor.check.ErrorCode;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.ModelIR;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/** Reads the @Param, @State, @Input, @Post and @Pre fields and their constant initializers. */
final class FieldParser {
  private final Diagnostics diagnostics;
  private final Trees trees;
  private final SourceText source;
  private final String modelName;

  final List<Member<ModelIR.Param>> params = new ArrayList<>();
  final List<Member<ModelIR.State>> states = new ArrayList<>();
  final List<Member<String>> inputs = new ArrayList<>();
  final List<Member<ModelIR.Post>> posts = new ArrayList<>();
  final List<Member<ModelIR.Pre>> pres = new ArrayList<>();
  final List<Member<Void>> refractory = new ArrayList<>();
  /** The {@code @PerSynapse} and {@code @PerPre} markers on @Param and @State fields. */
  final List<Member<ModelIR.Home>> homes = new ArrayList<>();
  /** Fields with two roles: reported at the declaration, so their uses are not reported again. */
  final Set<String> conflicted = new HashSet<>();

  FieldParser(Diagnostics diagnostics, Trees trees, SourceText source, String modelName) {
    this.diagnostics = diagnostics;
    this.trees = trees;
    this.source = source;
    this.modelName = modelName;
  }

  void parse(VariableElement field) {
    List<AnnotationMirror> roles =
        Annotations.findAll(field, Param.class, State.class, Input.class, Post.class, Pre.class);
    AnnotationMirror refractoryMirror = Annotations.find(field, Refractory.class);
    AnnotationMirror trainableMirror = Annotations.find(field, Trainable.class);
    String name = field.getSimpleName().toString();
    home(field, name, roles);
    if (roles.isEmpty()) {
      if (refractoryMirror != null) {
        refractoryNotParam(field, refractoryMirror);
        conflicted.add(name); // reported: a body reading it must not add a BS104 for the same slip
      }
      if (trainableMirror != null) {
        trainableNotParam(field, trainableMirror, "a plain field");
        conflicted.add(name);
      }
      return; // a plain field is the user's business, until a body reads it
    }
    AnnotationMirror role = roles.get(0);
    if (roles.size() > 1) {
      diagnostics.error(
          ErrorCode.CONFLICTING_ROLES,
          field,
          roles.get(1),
          "'" + name + "' is annotated both " + Annotations.display(role) + " and "
              + Annotations.display(roles.get(1)) + "; a field has one role",
          "Keep one of the annotations.");
      conflicted.add(name);
    }
    checkShape(field, name, role);
    String kind = Annotations.display(role);
    switch (kind) {
      case "@Param":
        params.add(new Member<>(name,
            new ModelIR.Param(name, initialValue(field), trainableMirror != null), field, role));
        break;
      case "@State":
        states.add(new Member<>(name, new ModelIR.State(name, initialValue(field)), field, role));
        break;
      case "@Input":
        inputs.add(new Member<>(name, name, field, role));
        break;
      case "@Pre":
        pres.add(new Member<>(name, new ModelIR.Pre(name, viewedName(field, role, "@Pre",
            "presynaptic")), field, role));
        break;
      default:
        posts.add(new Member<>(name, new ModelIR.Post(name, viewedName(field, role, "@Post",
            "postsynaptic")), field, role));
        break;
    }
    if (trainableMirror != null && !kind.equals("@Param")) {
      trainableNotParam(field, trainableMirror, "a " + kind);
    }
    if (refractoryMirror != null) {
      if (kind.equals("@Param")) {
        refractory.add(new Member<>(name, null, field, refractoryMirror));
      } else {
        refractoryNotParam(field, refractoryMirror);
      }
    }
  }

  /** Records the field's home marker; a marker needs a @Param or @State, and one home only. */
  private void home(VariableElement field, String name, List<AnnotationMirror> roles) {
    AnnotationMirror perSynapse = Annotations.find(field, PerSynapse.class);
    AnnotationMirror perPre = Annotations.find(field, PerPre.class);
    AnnotationMirror marker = perSynapse != null ? perSynapse : perPre;
    if (marker == null) {
      return;
    }
    if (perSynapse != null && perPre != null) {
      diagnostics.error(
          ErrorCode.CONFLICTING_HOMES,
          field,
          perPre,
          "'" + name + "' is annotated both @PerSynapse and @PerPre; a synapse variable lives in"
              + " one place",
          "Keep @PerSynapse for one value per synapse, or @PerPre for one value per presynaptic"
              + " neuron.");
      return;
    }
    String role = roles.isEmpty() ? "" : Annotations.display(roles.get(0));
    if (!role.equals("@Param") && !role.equals("@State")) {
      diagnostics.error(
          ErrorCode.HOME_WITHOUT_VARIABLE,
          field,
          marker,
          Annotations.display(marker) + " on '" + name + "', which is "
              + (role.isEmpty() ? "not a model variable" : "a " + role + " field")
              + "; the marker says where a @Param or @State of a synapse lives",
          role.isEmpty()
              ? "Add @Param or @State, e.g. '@Param " + Annotations.display(marker) + " double "
                  + name + "'."
              : "Remove " + Annotations.display(marker) + ".");
      return;
    }
    homes.add(new Member<>(name,
        perSynapse != null ? ModelIR.Home.SYNAPSE : ModelIR.Home.PRE, field, marker));
  }

  private void checkShape(VariableElement field, String name, AnnotationMirror role) {
    if (field.asType().getKind() != TypeKind.DOUBLE) {
      diagnostics.error(
          ErrorCode.FIELD_NOT_DOUBLE,
          field,
          Annotations.display(role) + " field '" + name + "' has type " + field.asType()
              + "; model variables are double",
          "Declare it as 'double " + name + "'.");
    }
    List<String> bad = new ArrayList<>();
    for (Modifier modifier : List.of(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)) {
      if (field.getModifiers().contains(modifier)) {
        bad.add(modifier.toString());
      }
    }
    if (!bad.isEmpty()) {
      diagnostics.error(
          ErrorCode.BAD_FIELD_MODIFIER,
          field,
          Annotations.display(role) + " field '" + name + "' is " + String.join(" ", bad)
              + "; the generated group must read and set it per element",
          "Remove '" + String.join(" ", bad) + "'.");
    }
  }

  /** The initializer's value, or 0 without one (or after reporting that it is not a constant). */
  private double initialValue(VariableElement field) {
    Tree tree = trees.getTree(field);
    if (!(tree instanceof VariableTree) || ((VariableTree) tree).getInitializer() == null) {
      return 0;
    }
    ExprParser parser = new ExprParser(diagnostics, source, Scope.forConstant(modelName));
    Typed value = parser.parseNumeric(((VariableTree) tree).getInitializer());
    return value == null ? 0 : evaluate(value.expr());
  }

  /** Evaluates a constant in double, as Java does once integer and float arithmetic are excluded. */
  private static double evaluate(Expr expr) {
    if (expr instanceof Expr.Num num) {
      return num.value();
    }
    if (expr instanceof Expr.Neg neg) {
      return -evaluate(neg.operand());
    }
    Expr.Binary binary = (Expr.Binary) expr;
    double left = evaluate(binary.left());
    double right = evaluate(binary.right());
    switch (binary.op()) {
      case ADD:
        return left + right;
      case SUB:
        return left - right;
      case MUL:
        return left * right;
      default:
        return left / right;
    }
  }

  /** The variable a {@code @Post} or {@code @Pre} field views: the value given, or its name. */
  private String viewedName(VariableElement field, AnnotationMirror mirror, String annotation,
      String side) {
    AnnotationValue value = Annotations.value(mirror);
    String written = value == null ? "" : value.getValue().toString();
    if (written.isEmpty()) {
      return field.getSimpleName().toString();
    }
    if (!SourceVersion.isName(written) || written.contains(".")) {
      diagnostics.error(
          ErrorCode.INVALID_NAME,
          field,
          mirror,
          value,
          annotation + "(\"" + written + "\") does not name a variable; it must be a Java"
              + " identifier",
          "Write the " + side + " variable's name, e.g. " + annotation + "(\"V\").");
    }
    return written;
  }

  private void trainableNotParam(VariableElement field, AnnotationMirror mirror, String role) {
    diagnostics.error(
        ErrorCode.TRAINABLE_NOT_PARAM,
        field,
        mirror,
        "@Trainable on '" + field.getSimpleName() + "' (" + role + ") needs a @Param: training"
            + " changes parameters, while states and inputs are computed by the model",
        "Annotate the field '@Param @Trainable double " + field.getSimpleName()
            + "', or remove @Trainable.");
  }

  private void refractoryNotParam(VariableElement field, AnnotationMirror mirror) {
    diagnostics.error(
        ErrorCode.REFRACTORY_NOT_PARAM,
        field,
        mirror,
        "@Refractory on '" + field.getSimpleName() + "' needs a @Param: it marks the parameter"
            + " holding the refractory period",
        "Annotate the field '@Param @Refractory double " + field.getSimpleName() + "'.");
  }
}
