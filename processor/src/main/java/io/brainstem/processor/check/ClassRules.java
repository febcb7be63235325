package io.brainstem.processor.check;

import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Synapse;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.parse.Annotations;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/** Rules on the annotated type itself, before its members are read. */
public final class ClassRules {
  private final Diagnostics diagnostics;

  public ClassRules(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
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
    }
    return neuron != null ? ModelIR.Kind.NEURON : ModelIR.Kind.SYNAPSE;
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
