package io.brainstem.processor.check;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.tools.Diagnostic;

/**
 * Reports errors (and warnings) as {@code [BS<nnn> <CODE>] <rule>. <fix>} at the most precise place available (an
 * element, one of its annotations or annotation values, or a sub-tree of a method body), and counts
 * them so the driver can skip generation for a model with any error.
 */
public final class Diagnostics {
  /** {@code @SuppressWarnings("brainstem")} silences every Brainstem warning on the element. */
  public static final String SUPPRESS_ALL = "brainstem";

  private final Messager messager;
  private final Trees trees;
  private int errorCount;
  /** (member, message) of every error so far: the same mistake twice in one member is one error. */
  private final Set<List<Object>> reported = new HashSet<>();

  public Diagnostics(Messager messager, Trees trees) {
    this.messager = messager;
    this.trees = trees;
  }

  /** The message text; {@code rule} has no final period, {@code fix} is a full sentence. */
  public static String format(ErrorCode code, String rule, String fix) {
    return "[" + code.tag() + "] " + rule + ". " + fix;
  }

  public void error(ErrorCode code, Element element, String rule, String fix) {
    if (!firstTime(element, format(code, rule, fix))) {
      return;
    }
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, format(code, rule, fix), element);
  }

  public void error(
      ErrorCode code, Element element, AnnotationMirror annotation, String rule, String fix) {
    if (!firstTime(element, format(code, rule, fix))) {
      return;
    }
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, format(code, rule, fix), element, annotation);
  }

  public void error(
      ErrorCode code,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      String rule,
      String fix) {
    if (!firstTime(element, format(code, rule, fix))) {
      return;
    }
    errorCount++;
    messager.printMessage(
        Diagnostic.Kind.ERROR, format(code, rule, fix), element, annotation, value);
  }

  /** An error with the caret on {@code tree}, e.g. the one unsupported sub-expression. */
  public void error(
      ErrorCode code, Tree tree, CompilationUnitTree unit, String rule, String fix) {
    if (!firstTime(member(tree, unit), format(code, rule, fix))) {
      return;
    }
    errorCount++;
    trees.printMessage(Diagnostic.Kind.ERROR, format(code, rule, fix), tree, unit);
  }

  /**
   * False if this very message was already reported on {@code member}: e.g. 'Math.sin' used twice
   * in one method is one mistake, reported at its first use.
   */
  private boolean firstTime(Object member, String message) {
    return reported.add(List.of(member, message));
  }

  /**
   * The member (method or field) of a top-level class whose source contains {@code tree}, else the
   * tree itself. Found by position, not by a recursive tree search, which a deeply nested
   * expression would overflow.
   */
  private Object member(Tree tree, CompilationUnitTree unit) {
    SourcePositions positions = trees.getSourcePositions();
    long at = positions.getStartPosition(unit, tree);
    for (Tree type : unit.getTypeDecls()) {
      if (!(type instanceof ClassTree)) {
        continue;
      }
      for (Tree member : ((ClassTree) type).getMembers()) {
        if (positions.getStartPosition(unit, member) <= at
            && at <= positions.getEndPosition(unit, member)) {
          return member;
        }
      }
    }
    return tree;
  }

  /**
   * A warning on {@code element}, unless it or an enclosing element (the model class) carries
   * {@code @SuppressWarnings("brainstem")} or {@code @SuppressWarnings("brainstem:BS5nn")}.
   */
  public void warning(ErrorCode code, Element element, String rule, String fix) {
    if (!code.isWarning()) {
      throw new IllegalArgumentException(code + " is an error code");
    }
    if (!suppressed(element, code)) {
      messager.printMessage(Diagnostic.Kind.WARNING, format(code, rule, fix), element);
    }
  }

  static boolean suppressed(Element element, ErrorCode code) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
      if (suppress != null) {
        for (String key : suppress.value()) {
          if (key.equals(SUPPRESS_ALL) || key.equals(code.suppressionKey())) {
            return true;
          }
        }
      }
      if (e.getKind() == ElementKind.PACKAGE) {
        break;
      }
    }
    return false;
  }

  public int errorCount() {
    return errorCount;
  }
}
