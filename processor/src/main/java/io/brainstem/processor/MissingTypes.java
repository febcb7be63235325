package io.brainstem.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** Whether a model's members name a type javac could not resolve (yet). */
final class MissingTypes {
  private MissingTypes() {}

  static boolean any(TypeElement type) {
    for (Element member : type.getEnclosedElements()) {
      if (member instanceof VariableElement && missing(member.asType())) {
        return true;
      }
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
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

  private static boolean missing(TypeMirror type) {
    return type.getKind() == TypeKind.ERROR;
  }
}
