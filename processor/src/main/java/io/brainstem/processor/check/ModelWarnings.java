package io.brainstem.processor.check;

import io.brainstem.processor.ir.Assign;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.parse.Member;
import io.brainstem.processor.parse.ParsedModel;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Warnings (5xx) for models that compile but are probably not what was meant: variables nothing
 * reads or updates, and time constants that look like seconds. Run only on a model without
 * errors, where every member parsed, so a warning is never the echo of an error.
 */
public final class ModelWarnings {
  /** Below this, a time constant in ms is shorter than any usual dt: it was probably seconds. */
  static final double SHORTEST_PLAUSIBLE_TIME_CONSTANT_MS = 0.05;

  private final Diagnostics diagnostics;

  public ModelWarnings(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  public void check(ParsedModel model) {
    String name = model.type().getSimpleName().toString();
    Set<String> refractory = new HashSet<>();
    model.refractory().forEach(m -> refractory.add(m.name()));
    for (Member<ModelIR.Param> param : model.params()) {
      if (!model.usage().isRead(param.name()) && !refractory.contains(param.name())) {
        diagnostics.warning(
            ErrorCode.PARAM_NEVER_USED,
            param.element(),
            "parameter '" + param.name() + "' of " + name + " is never read by any method, so"
                + " setting it has no effect",
            "Use it in an equation, or remove it.");
      }
      secondsLookingTimeConstant(param, refractory.contains(param.name()));
    }
    statesNeverUpdated(model, name);
    for (Member<String> input : model.inputs()) {
      if (!model.usage().isRead(input.name())) {
        diagnostics.warning(
            ErrorCode.INPUT_NEVER_READ,
            input.element(),
            "input '" + input.name() + "' of " + name + " is never read, so whatever synapses and"
                + " inputs add to it has no effect",
            "Read it in an @Ode (add a parameter 'double " + input.name() + "'), or remove it.");
      }
    }
    // An @OnPre may write a @Post field (a delta synapse): that is a use too.
    Set<String> written = new HashSet<>();
    assignedBy(model.onPres(), written);
    for (Member<ModelIR.Post> post : model.posts()) {
      if (!model.usage().isRead(post.name()) && !written.contains(post.name())) {
        diagnostics.warning(
            ErrorCode.POST_NEVER_READ,
            post.element(),
            "@Post field '" + post.name() + "' of " + name + " is never read or written",
            "Use it (in the @Output, or assign it in the @OnPre), or remove it.");
      }
    }
    unitNamedVariables(model);
  }

  private void statesNeverUpdated(ParsedModel model, String name) {
    Set<String> updated = new HashSet<>();
    model.odes().forEach(ode -> updated.add(ode.name()));
    assignedBy(model.resets(), updated);
    assignedBy(model.onPres(), updated);
    assignedBy(model.onPosts(), updated);
    for (Member<ModelIR.State> state : model.states()) {
      if (!updated.contains(state.name())) {
        diagnostics.warning(
            ErrorCode.STATE_NEVER_UPDATED,
            state.element(),
            "state '" + state.name() + "' of " + name + " is never updated: no @Ode integrates it"
                + " and no " + (model.kind() == ModelIR.Kind.NEURON ? "@Reset" : "@OnPre")
                + " assigns it, so it keeps its initial value",
            "Add '@Ode(\"" + state.name() + "\")', assign it in the "
                + (model.kind() == ModelIR.Kind.NEURON ? "@Reset" : "@OnPre")
                + ", or make it a @Param if it is a constant.");
      }
    }
  }

  private static void assignedBy(List<Member<ModelIR.Action>> actions, Set<String> into) {
    for (Member<ModelIR.Action> action : actions) {
      if (action.value() != null) {
        action.value().assignments().stream().map(Assign::state).forEach(into::add);
      }
    }
  }

  private void secondsLookingTimeConstant(Member<ModelIR.Param> param, boolean refractory) {
    double value = param.value().defaultValue();
    boolean timeConstant = refractory || param.name().toLowerCase().startsWith("tau");
    if (timeConstant && value > 0 && value < SHORTEST_PLAUSIBLE_TIME_CONSTANT_MS) {
      diagnostics.warning(
          ErrorCode.TIME_CONSTANT_IN_SECONDS,
          param.element(),
          "'" + param.name() + "' defaults to " + value + " ms: Brainstem's time unit is the"
              + " millisecond, and a time constant shorter than " + SHORTEST_PLAUSIBLE_TIME_CONSTANT_MS
              + " ms (below any usual dt) is usually a value written in seconds",
          "Write it in ms (" + value + " s = " + inMs(value) + " ms), or add"
              + " @SuppressWarnings(\"" + ErrorCode.TIME_CONSTANT_IN_SECONDS.suppressionKey()
              + "\") if you mean it.");
    }
  }

  /** Seconds to ms without binary noise: 0.003 gives "3", not "3.0000000000000004". */
  static String inMs(double seconds) {
    return BigDecimal.valueOf(seconds).movePointRight(3).stripTrailingZeros().toPlainString();
  }

  private void unitNamedVariables(ParsedModel model) {
    List<List<? extends Member<?>>> fields =
        List.of(model.params(), model.states(), model.inputs(), model.posts());
    for (List<? extends Member<?>> members : fields) {
      for (Member<?> field : members) {
        if (Units.TIME.contains(field.name()) && model.usage().isRead(field.name())) {
          diagnostics.warning(
              ErrorCode.UNIT_NAMED_VARIABLE,
              field.element(),
              "'" + field.name() + "' is named like a time unit and read in an equation, but"
                  + " Brainstem numbers carry no units (time is in ms): multiplying by it only"
                  + " hides a conversion",
              "Write quantities in ms and drop the factor ('tau', not 'tau * " + field.name()
                  + "'), or rename the variable.");
        }
      }
    }
  }
}
