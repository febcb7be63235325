package io.brainstem.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Whether a model's annotated members (the ones Brainstem reads) name a type javac could not
 * resolve (yet). Plain fields and methods are the user's business: a missing type there is javac's
 * to report and does not stop the model from being generated.
 */
final class MissingTypes {
  private MissingTypes() {}

  private static final String ANNOTATIONS_PACKAGE = "io.brainstem.annotations.";

  static boolean any(TypeElement type) {
    for (Element member : type.getEnclosedElements()) {
      if (member instanceof VariableElement && isModelMember(member) && missing(member.asType())) {
        return true;
      }
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (!isModelMember(method)) {
        continue;
      }
      if (missing(method.getReturnType())) {
        return true;
      }
      for (VariableElement parameter : method.getParameters()) {
        if (missing(parameter.asType())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isModelMember(Element member) {
    for (AnnotationMirror mirror : member.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotation.getQualifiedName().toString().startsWith(ANNOTATIONS_PACKAGE)) {
        return true;
      }
    }
    return false;
  }

  private static boolean missing(TypeMirror type) {
    return type.getKind() == TypeKind.ERROR;
  }
}
