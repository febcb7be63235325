package io.brainstem.processor.check;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Synapse;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.parse.Annotations;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** Rules on the annotated type itself, before its members are read. */
public final class ClassRules {
  /** Where the model annotations live: a member carrying one of them is a model member. */
  private static final String ANNOTATIONS_PACKAGE = "io.brainstem.annotations";

  private final Diagnostics diagnostics;
  private final Trees trees;

  public ClassRules(Diagnostics diagnostics, Trees trees) {
    this.diagnostics = diagnostics;
    this.trees = trees;
  }

  /**
   * The kind of model {@code type} declares, or null if it cannot be a model at all (then nothing
   * more is read). Shape errors that still let members be read are reported and the kind returned.
   */
  public ModelIR.Kind check(TypeElement type) {
    AnnotationMirror neuron = Annotations.find(type, Neuron.class);
    AnnotationMirror synapse = Annotations.find(type, Synapse.class);
    String name = type.getSimpleName().toString();
    if (neuron != null && synapse != null) {
      diagnostics.error(
          ErrorCode.NEURON_AND_SYNAPSE,
          type,
          synapse,
          name + " is annotated both @Neuron and @Synapse; a model is one or the other",
          "Remove one annotation, or split the model into two classes.");
      return null;
    }
    AnnotationMirror annotation = neuron != null ? neuron : synapse;
    if (type.getKind() != ElementKind.CLASS) {
      diagnostics.error(
          ErrorCode.NOT_A_CLASS,
          type,
          annotation,
          name + " is " + article(type.getKind()) + "; " + Annotations.display(annotation)
              + " goes on a class with fields and methods",
          "Declare " + name + " as a plain class.");
      return null;
    }
    if (type.getNestingKind() != NestingKind.TOP_LEVEL) {
      diagnostics.error(
          ErrorCode.NOT_TOP_LEVEL,
          type,
          annotation,
          name + " is nested in another type; this version of Brainstem reads only top-level"
              + " model classes",
          "Move " + name + " into its own file.");
    }
    boolean instantiable = false;
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      diagnostics.error(
          ErrorCode.NOT_INSTANTIABLE,
          type,
          annotation,
          name + " is abstract, but the jit(false) debug path creates instances of it",
          "Remove 'abstract'.");
    } else if (!hasNoArgConstructor(type)) {
      // The caret goes on the constructor that is in the way: the private no-argument one, or
      // else the first one declared (which stops Java from adding the default constructor).
      List<ExecutableElement> constructors =
          ElementFilter.constructorsIn(type.getEnclosedElements());
      ExecutableElement culprit = constructors.stream()
          .filter(c -> c.getParameters().isEmpty())
          .findFirst()
          .orElse(constructors.get(0));
      diagnostics.error(
          ErrorCode.NOT_INSTANTIABLE,
          culprit,
          name + " has no non-private no-argument constructor, which the jit(false) debug path"
              + " uses to create instances",
          culprit.getParameters().isEmpty()
              ? "Make this constructor package-private: '" + name + "() {}'."
              : "Add '" + name + "() {}'.");
    } else {
      instantiable = true;
    }
    if (inheritedMembers(type)) {
      return null; // the subclass's bodies read the dropped members: every use would echo it
    }
    if (instantiable) {
      constructionCode(type); // else the constructors are reported already
    }
    return neuron != null ? ModelIR.Kind.NEURON : ModelIR.Kind.SYNAPSE;
  }

  /**
   * Model members declared in a superclass (or an interface's default method) would be dropped:
   * the model is read from the members its own class declares. One error per supertype, naming
   * its members, with the caret on the {@code extends} (or {@code implements}) clause. True if
   * reported.
   */
  private boolean inheritedMembers(TypeElement type) {
    ClassTree tree = trees.getTree(type);
    CompilationUnitTree unit = trees.getPath(type).getCompilationUnit();
    Set<TypeElement> seen = new LinkedHashSet<>();
    List<TypeElement> pending = new ArrayList<>(directSupertypes(type));
    while (!pending.isEmpty()) {
      TypeElement supertype = pending.remove(0);
      if (!seen.add(supertype)
          || supertype.getQualifiedName().contentEquals(Object.class.getCanonicalName())) {
        continue;
      }
      pending.addAll(directSupertypes(supertype));
      List<String> members = new ArrayList<>();
      for (Element member : supertype.getEnclosedElements()) {
        modelAnnotation(member).ifPresent(annotation -> members.add(
            annotation + " " + supertype.getSimpleName() + "." + member.getSimpleName()));
      }
      if (members.isEmpty()) {
        continue;
      }
      String name = type.getSimpleName().toString();
      String rule = name + " inherits " + String.join(", ", members) + "; Brainstem reads only"
          + " the members " + name + " declares itself, so inherited ones would be dropped";
      String fix = "Declare them in " + name + " itself (a model class does not extend another"
          + " model).";
      Tree clause = supertypeClause(tree, type, seen);
      if (clause != null) {
        diagnostics.error(ErrorCode.INHERITED_MEMBER, clause, unit, rule, fix);
      } else {
        diagnostics.error(ErrorCode.INHERITED_MEMBER, type, rule, fix);
      }
      return true; // one error: further supertypes repeat the same mistake
    }
    return false;
  }

  private static List<TypeElement> directSupertypes(TypeElement type) {
    List<TypeElement> result = new ArrayList<>();
    List<TypeMirror> mirrors = new ArrayList<>(type.getInterfaces());
    mirrors.add(0, type.getSuperclass());
    for (TypeMirror mirror : mirrors) {
      if (mirror.getKind() == TypeKind.DECLARED) {
        result.add((TypeElement) ((DeclaredType) mirror).asElement());
      }
    }
    return result;
  }

  /** "@State" if {@code member} carries a model annotation such as {@code @State}. */
  private static Optional<String> modelAnnotation(Element member) {
    for (AnnotationMirror mirror : member.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      Element pkg = annotation.getEnclosingElement();
      if (pkg instanceof PackageElement
          && ((PackageElement) pkg).getQualifiedName().contentEquals(ANNOTATIONS_PACKAGE)) {
        return Optional.of("@" + annotation.getSimpleName());
      }
    }
    return Optional.empty();
  }

  /** The extends/implements clause of {@code tree} leading to one of {@code supertypes}. */
  private Tree supertypeClause(ClassTree tree, TypeElement type, Set<TypeElement> supertypes) {
    if (tree == null) {
      return null;
    }
    List<Tree> clauses = new ArrayList<>();
    if (tree.getExtendsClause() != null) {
      clauses.add(tree.getExtendsClause());
    }
    clauses.addAll(tree.getImplementsClause());
    // The first clause naming a direct supertype on the path; supertypes lists them first.
    List<TypeElement> direct = directSupertypes(type);
    for (Tree clause : clauses) {
      for (TypeElement candidate : direct) {
        if (supertypes.contains(candidate)
            && clause.toString().endsWith(candidate.getSimpleName().toString())) {
          return clause;
        }
      }
    }
    return clauses.isEmpty() ? null : clauses.get(0);
  }

  /**
   * Constructors and instance initializers run only on the jit(false) path: the generated group
   * starts every element from the field initializers. So any statement there (besides the
   * {@code super()} call) would make the two paths disagree, or be ignored silently.
   */
  private void constructionCode(TypeElement type) {
    ClassTree tree = trees.getTree(type);
    if (tree == null) {
      return;
    }
    CompilationUnitTree unit = trees.getPath(type).getCompilationUnit();
    String name = type.getSimpleName().toString();
    for (Tree member : tree.getMembers()) {
      BlockTree body = null;
      String where = null;
      if (member instanceof BlockTree block && !block.isStatic()) {
        body = block;
        where = "an instance initializer block of " + name;
      } else if (member instanceof MethodTree method && method.getReturnType() == null
          && method.getBody() != null) {
        body = method.getBody();
        where = "a constructor of " + name;
      }
      if (body == null) {
        continue;
      }
      for (StatementTree statement : body.getStatements()) {
        if (isConstructorCall(statement)) {
          continue;
        }
        diagnostics.error(
            ErrorCode.CONSTRUCTOR_CODE,
            statement,
            unit,
            "'" + firstLine(statement) + "' is in " + where + ", which the generated group never"
                + " runs (it starts every element from the field initializers; only the"
                + " jit(false) path would run it)",
            "Give initial values as field initializers ('@State double V = -65;'), or set them on"
                + " the generated group; leave constructors empty.");
        return; // one error per model: the rest of the block is the same mistake
      }
    }
  }

  /** {@code super(...)} or {@code this(...)}: what javac inserts or the user writes to chain. */
  private static boolean isConstructorCall(StatementTree statement) {
    if (statement instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof MethodInvocationTree call) {
      String callee = call.getMethodSelect().toString();
      return callee.equals("super") || callee.equals("this");
    }
    return false;
  }

  private static String firstLine(Tree tree) {
    String text = tree.toString().strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline).strip() + " ...";
  }

  private static boolean hasNoArgConstructor(TypeElement type) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty()
          && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  private static String article(ElementKind kind) {
    String word = kind.name().toLowerCase().replace('_', ' ');
    return (word.matches("^[aeiou].*") ? "an " : "a ") + word;
  }
}
