package io.brainstem.processor.parse;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Finds annotation mirrors, which diagnostics need to put the caret on the annotation itself. */
public final class Annotations {
  private Annotations() {}

  /** The mirror of {@code type} on {@code element}, or null. */
  public static AnnotationMirror find(Element element, Class<? extends Annotation> type) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotation.getQualifiedName().contentEquals(type.getCanonicalName())) {
        return mirror;
      }
    }
    return null;
  }

  /** The mirrors of those of {@code types} present on {@code element}, in the order of {@code types}. */
  @SafeVarargs
  public static List<AnnotationMirror> findAll(
      Element element, Class<? extends Annotation>... types) {
    List<AnnotationMirror> found = new ArrayList<>();
    for (Class<? extends Annotation> type : types) {
      AnnotationMirror mirror = find(element, type);
      if (mirror != null) {
        found.add(mirror);
      }
    }
    return found;
  }

  /** The explicitly written {@code value} of {@code mirror}, or null when defaulted. */
  public static AnnotationValue value(AnnotationMirror mirror) {
    return value(mirror, "value");
  }

  /** The explicitly written element {@code name} of {@code mirror}, or null when defaulted. */
  public static AnnotationValue value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** {@code @Param}, {@code @Ode}, ...: the simple name with an at sign, for messages. */
  public static String display(AnnotationMirror mirror) {
    return "@" + mirror.getAnnotationType().asElement().getSimpleName();
  }
}
