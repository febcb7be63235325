package io.brainstem.processor.check;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Synapse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Finds {@code @Neuron} and {@code @Synapse} on classes declared inside code (local classes, and
 * classes inside anonymous ones). Annotation processing never offers those as elements, so without
 * this scan of the source they would silently produce nothing. Names are matched as written,
 * since such classes have no symbols yet while processors run.
 */
public final class LocalModels {
  private final Diagnostics diagnostics;

  public LocalModels(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Reports each model annotation on a class declared inside code in {@code unit}. */
  public void check(CompilationUnitTree unit) {
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        if (insideCode(getCurrentPath())) {
          for (AnnotationTree annotation : tree.getModifiers().getAnnotations()) {
            String written = annotation.getAnnotationType().toString();
            if (isModelAnnotation(written, unit)) {
              String name = tree.getSimpleName().length() == 0
                  ? "this anonymous class"
                  : tree.getSimpleName().toString();
              diagnostics.error(
                  ErrorCode.NOT_TOP_LEVEL,
                  annotation,
                  unit,
                  name + " is declared inside a method, initializer or anonymous class; such"
                      + " classes are invisible to annotation processing, so @" + simple(written)
                      + " would generate nothing",
                  "Move " + name + " into its own file as a top-level class.");
            }
          }
        }
        return super.visitClass(tree, unused);
      }

      /** Down the left operands iteratively: a 100 000-term sum must not overflow the stack. */
      @Override
      public Void visitBinary(BinaryTree tree, Void unused) {
        Deque<Tree> rights = new ArrayDeque<>();
        Tree left = tree;
        while (left instanceof BinaryTree binary) {
          rights.push(binary.getRightOperand());
          left = binary.getLeftOperand();
        }
        scan(left, null);
        while (!rights.isEmpty()) {
          scan(rights.pop(), null);
        }
        return null;
      }
    }.scan(unit, null);
  }

  /** True if {@code path} (to a class) passes through a method body, initializer or lambda. */
  private static boolean insideCode(TreePath path) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof BlockTree
          || leaf instanceof LambdaExpressionTree || leaf instanceof NewClassTree) {
        return true;
      }
    }
    return false;
  }

  private static boolean isModelAnnotation(String written, CompilationUnitTree unit) {
    for (Class<?> model : List.of(Neuron.class, Synapse.class)) {
      if (written.equals(model.getCanonicalName())) {
        return true;
      }
      if (written.equals(model.getSimpleName()) && imports(unit, model)) {
        return true;
      }
    }
    return false;
  }

  private static boolean imports(CompilationUnitTree unit, Class<?> annotation) {
    String pkg = annotation.getPackageName();
    if (unit.getPackageName() != null && unit.getPackageName().toString().equals(pkg)) {
      return true;
    }
    for (ImportTree anImport : unit.getImports()) {
      String imported = anImport.getQualifiedIdentifier().toString();
      if (!anImport.isStatic()
          && (imported.equals(annotation.getCanonicalName()) || imported.equals(pkg + ".*"))) {
        return true;
      }
    }
    return false;
  }

  private static String simple(String written) {
    return written.substring(written.lastIndexOf('.') + 1);
  }
}
