package io.brainstem.processor.integrate;

import io.brainstem.annotations.Integrator;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Synapse;
import io.brainstem.processor.check.Diagnostics;
import io.brainstem.processor.check.ErrorCode;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.ModelIR.Ode;
import io.brainstem.processor.parse.Member;
import io.brainstem.processor.parse.ParsedModel;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * Rules on the integrators, checked on a model that passed check: the annotation's default
 * {@code method} must be among its {@code methods}, and a model whose annotation chooses
 * {@code EXP_EULER} must state every ODE in linear form (the symbolic tools of this stage). (A group
 * of a nonlinear model may still not choose EXP_EULER at run time: its {@code method} setter
 * throws.)
 */
public final class IntegratorRules {
  private final Diagnostics diagnostics;

  public IntegratorRules(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  public void check(ParsedModel parsed, ModelIR model) {
    if (!model.methods().contains(model.method())) {
      TypeElement type = parsed.type();
      String annotation = model.annotation();
      diagnostics.error(
          ErrorCode.METHOD_NOT_GENERATED,
          type,
          modelAnnotation(type),
          model.className() + "'s default integrator " + model.method() + " is not among its "
              + annotation + "(methods = ...) " + model.methods() + ", so a new "
              + (model.kind() == ModelIR.Kind.NEURON ? "group" : "projection")
              + " would have no loops to run",
          "Add " + model.method() + " to methods, or choose one of them as method.");
    }
    if (model.method() != Integrator.EXP_EULER) {
      return;
    }
    for (Ode ode : Linearity.nonlinear(model)) {
      Member<ModelIR.Ode> member = parsed.odes().stream()
          .filter(m -> m.name().equals(ode.state()))
          .findFirst()
          .orElseThrow();
      String x = ode.state();
      diagnostics.error(
          ErrorCode.NONLINEAR_EXP_EULER,
          member.element(),
          member.annotation(),
          model.className() + " chooses EXP_EULER, but d" + x + "/dt = " + ode.sourceText()
              + " is not linear in " + x + " (EXP_EULER needs d" + x + "/dt = a - b * " + x
              + " with a and b free of " + x + ")",
          "Use method = Integrator.EXP_AUTO, which linearises any ODE, or another integrator.");
    }
  }

  /** The class's {@code @Neuron} or {@code @Synapse}, where its error is reported. */
  private static AnnotationMirror modelAnnotation(TypeElement type) {
    return type.getAnnotationMirrors().stream()
        .filter(a -> {
          String name = a.getAnnotationType().toString();
          return name.equals(Neuron.class.getName()) || name.equals(Synapse.class.getName());
        })
        .findFirst()
        .orElseThrow();
  }
}
