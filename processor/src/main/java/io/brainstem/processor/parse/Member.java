package io.brainstem.processor.parse;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * One annotated field or method of a model, kept with its origin so whole-model rules can report
 * on it.
 *
 * @param name the variable for a field; for an @Ode the state it names; for an @Output its target;
 *     otherwise the method name
 * @param value the parsed IR piece, or null when the member had errors (already reported): the
 *     member still counts for whole-model rules, so one mistake is reported once
 * @param element the field or method
 * @param annotation the annotation that gave the member its role
 */
public record Member<T>(String name, T value, Element element, AnnotationMirror annotation) {}
