package io.brainstem.processor.check;

import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.parse.Annotations;
import io.brainstem.processor.parse.Member;
import io.brainstem.processor.parse.ParsedModel;
import java.util.List;
import javax.lang.model.SourceVersion;

/**
 * Rules of graded coupling ({@code @Graded}, {@code @Pre}): a graded synapse adds a function of
 * values at the start of the step, every step, and carries no spikes, so it keeps no state of its
 * own (BS440); a {@code @Pre} field is only read by a {@code @Graded} method (BS441).
 */
public final class GradedRules {
  private final Diagnostics diagnostics;

  public GradedRules(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  public void check(ParsedModel model) {
    if (model.kind() != ModelIR.Kind.SYNAPSE) {
      return; // ModelRules reported @Graded and @Pre in a neuron (BS107)
    }
    String name = model.type().getSimpleName().toString();
    if (model.gradeds().isEmpty()) {
      for (Member<ModelIR.Pre> pre : model.pres()) {
        diagnostics.error(
            ErrorCode.PRE_WITHOUT_GRADED,
            pre.element(),
            pre.annotation(),
            "@Pre field '" + pre.name() + "' in " + name + ", which has no @Graded method; only"
                + " graded coupling reads presynaptic variables (a spiking synapse sees its"
                + " presynaptic neuron through its spikes)",
            "Add e.g. '@Graded(\"input\") double flow() { return w * " + pre.name() + "; }' and"
                + " drop the @OnPre and @Output, or remove the @Pre field.");
      }
      return;
    }
    Member<ModelIR.Output> graded = model.gradeds().get(0);
    String method = graded.element().getSimpleName().toString();
    spiking(model.onPres(), "@OnPre", method);
    spiking(model.outputs(), "@Output", method);
    spiking(model.states(), "@State", method);
    spiking(model.odes(), "@Ode", method);
    spiking(model.noises(), "@Noise", method);
    for (Member<ModelIR.Output> g : model.gradeds()) {
      if (!SourceVersion.isIdentifier(g.name()) || SourceVersion.isKeyword(g.name())) {
        diagnostics.error(
            ErrorCode.INVALID_NAME,
            g.element(),
            g.annotation(),
            Annotations.value(g.annotation()),
            "@Graded(\"" + g.name() + "\") does not name a postsynaptic input; it must be a"
                + " Java identifier",
            "Write the input's name, e.g. @Graded(\"input\").");
      }
    }
  }

  private void spiking(List<? extends Member<?>> members, String what, String graded) {
    for (Member<?> member : members) {
      diagnostics.error(
          ErrorCode.GRADED_WITH_SPIKES,
          member.element(),
          member.annotation(),
          what + " '" + member.element().getSimpleName() + "' in a synapse with the @Graded"
              + " method '" + graded + "': graded coupling adds a function of the values at the"
              + " start of the step every step, carries no spikes and keeps no state of its own",
          what.equals("@State") || what.equals("@Ode") || what.equals("@Noise")
              ? "Keep the dynamics in the neuron model (e.g. a rate unit's state) and read it"
                  + " with a @Pre or @Post field; make a weight a '@Param @PerSynapse'."
              : "Put spike-driven synapses in a separate @Synapse class without @Graded.");
    }
  }
}
