package io.brainstem.processor.integrate;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.check.Diagnostics;
import io.brainstem.processor.check.ErrorCode;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.ModelIR.Ode;
import io.brainstem.processor.parse.Member;
import io.brainstem.processor.parse.ParsedModel;

/**
 * Rules that need the integrate stage's symbolic tools, checked on a model that passed check: a
 * model whose annotation chooses {@code EXP_EULER} must state every ODE in linear form. (A group
 * of a nonlinear model may still not choose EXP_EULER at run time: its {@code method} setter
 * throws.)
 */
public final class IntegratorRules {
  private final Diagnostics diagnostics;

  public IntegratorRules(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  public void check(ParsedModel parsed, ModelIR model) {
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
}
