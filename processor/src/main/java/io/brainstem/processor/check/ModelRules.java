package io.brainstem.processor.check;

import io.brainstem.annotations.Input;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.Post;
import io.brainstem.annotations.Pre;
import io.brainstem.annotations.State;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.parse.Annotations;
import io.brainstem.processor.parse.Member;
import io.brainstem.processor.parse.ParsedModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationValue;

/** Rules that need the whole model: kinds, names, duplicates and required members. */
public final class ModelRules {
  private final Diagnostics diagnostics;
  /**
   * The generated code's API names. Everything else it names is allocated around the model's names
   * (so HH's gating variable may be called {@code n}).
   */
  private final ReservedNames reserved;

  public ModelRules(Diagnostics diagnostics, ReservedNames reserved) {
    this.diagnostics = diagnostics;
    this.reserved = reserved;
  }

  public void check(ParsedModel model) {
    String name = model.type().getSimpleName().toString();
    boolean neuron = model.kind() == ModelIR.Kind.NEURON;
    String other = neuron ? "synapse" : "neuron";
    if (neuron) {
      wrongKind(model.posts(), name, other);
      wrongKind(model.onPres(), name, other);
      wrongKind(model.outputs(), name, other);
      wrongKind(model.pres(), name, other);
      wrongKind(model.gradeds(), name, other);
    } else {
      wrongKind(model.inputs(), name, other);
      wrongKind(model.refractory(), name, other);
      wrongKind(model.thresholds(), name, other);
      wrongKind(model.resets(), name, other);
    }
    reservedNames(model);
    odeTargets(model, name);
    noiseTargets(model, name);
    // Members of the wrong kind were reported above; counting them again would be a cascade.
    if (neuron) {
      duplicates(model.thresholds(), "@Threshold");
      duplicates(model.resets(), "@Reset");
      duplicates(model.refractory(), "@Refractory");
    } else {
      duplicates(model.onPres(), "@OnPre");
      duplicates(model.outputs(), "@Output");
      duplicates(model.gradeds(), "@Graded");
    }
    if (neuron && !model.resets().isEmpty() && model.thresholds().isEmpty()) {
      Member<?> reset = model.resets().get(0);
      diagnostics.error(
          ErrorCode.RESET_WITHOUT_THRESHOLD,
          reset.element(),
          reset.annotation(),
          name + " has a @Reset but no @Threshold, so the reset could never run",
          "Add a '@Threshold boolean fire() { return ...; }' method, or remove the reset.");
    }
    if (neuron) {
      crossingReadsDynamics(model);
    } else if (model.gradeds().isEmpty()) {
      // A graded synapse carries no spikes: GradedRules checks it instead.
      requiredMethods(model, name);
      outputTargets(model);
    }
  }

  private void wrongKind(List<? extends Member<?>> members, String model, String other) {
    for (Member<?> member : members) {
      diagnostics.error(
          ErrorCode.WRONG_MODEL_KIND,
          member.element(),
          member.annotation(),
          Annotations.display(member.annotation()) + " belongs in a " + other + " model, but "
              + model + " is not one",
          "Remove the annotation, or move the member to a @"
              + (other.equals("neuron") ? "Neuron" : "Synapse") + " class.");
    }
  }

  private void reservedNames(ParsedModel model) {
    List<Member<?>> fields = new ArrayList<>();
    fields.addAll(model.params());
    fields.addAll(model.states());
    fields.addAll(model.inputs());
    fields.addAll(model.posts());
    fields.addAll(model.pres());
    boolean noise = !model.noises().isEmpty();
    for (Member<?> field : fields) {
      reserved.use(field.name(), noise).ifPresent(use -> diagnostics.error(
          ErrorCode.RESERVED_NAME,
          field.element(),
          "'" + field.name() + "' is reserved: the generated class uses it as " + use
              + (noise && reserved.use(field.name(), false).isEmpty() ? " (in a model with @Noise)"
                  : ""),
          "Rename the field, e.g. to '" + field.name() + "_'."));
    }
  }

  private void odeTargets(ParsedModel model, String name) {
    List<String> states = model.states().stream().map(Member::name).toList();
    Set<String> integrated = new HashSet<>();
    for (Member<ModelIR.Ode> ode : model.odes()) {
      AnnotationValue value = Annotations.value(ode.annotation());
      if (conflicted(model, ode.name())) {
        continue; // its field has two roles, reported at the field
      }
      if (!states.contains(ode.name())) {
        diagnostics.error(
            ErrorCode.NOT_A_STATE,
            ode.element(),
            ode.annotation(),
            value,
            "@Ode(\"" + ode.name() + "\") names no state of " + name
                + kindOf(model, ode.name()).map(k -> " ('" + ode.name() + "' is " + k + ")")
                    .orElse(Suggestions.didYouMean(ode.name(), states)),
            "Name a field annotated @State, or annotate the field @State.");
      } else if (!integrated.add(ode.name())) {
        diagnostics.error(
            ErrorCode.DUPLICATE_ODE,
            ode.element(),
            ode.annotation(),
            value,
            "'" + ode.name() + "' already has an @Ode method; a state has one derivative",
            "Merge the two right-hand sides into one method.");
      }
    }
  }

  /** True if the field {@code name} is declared with two roles (a BS204 at the field already). */
  private static boolean conflicted(ParsedModel model, String name) {
    List<Member<?>> fields = new ArrayList<>();
    fields.addAll(model.params());
    fields.addAll(model.states());
    fields.addAll(model.inputs());
    fields.addAll(model.posts());
    fields.addAll(model.pres());
    return fields.stream().anyMatch(f -> f.name().equals(name)
        && Annotations.findAll(f.element(), Param.class, State.class, Input.class, Post.class,
            Pre.class).size() > 1);
  }

  /** "a parameter", "an input", ... if {@code name} is a non-state field of the model. */
  private static Optional<String> kindOf(ParsedModel model, String name) {
    if (model.params().stream().anyMatch(m -> m.name().equals(name))) {
      return Optional.of("a parameter");
    }
    if (model.inputs().stream().anyMatch(m -> m.name().equals(name))) {
      return Optional.of("an input");
    }
    if (model.posts().stream().anyMatch(m -> m.name().equals(name))) {
      return Optional.of("a @Post variable");
    }
    if (model.pres().stream().anyMatch(m -> m.name().equals(name))) {
      return Optional.of("a @Pre variable");
    }
    return Optional.empty();
  }

  /** A {@code @Noise} names a state that has an {@code @Ode}, once; its group gets {@code seed}. */
  private void noiseTargets(ParsedModel model, String name) {
    List<String> states = model.states().stream().map(Member::name).toList();
    Set<String> integrated = new HashSet<>();
    model.odes().forEach(ode -> integrated.add(ode.name()));
    Set<String> noisy = new HashSet<>();
    for (Member<ModelIR.Noise> noise : model.noises()) {
      AnnotationValue value = Annotations.value(noise.annotation());
      if (conflicted(model, noise.name())) {
        continue; // its field has two roles, reported at the field
      }
      if (!states.contains(noise.name())) {
        diagnostics.error(
            ErrorCode.NOT_A_STATE,
            noise.element(),
            noise.annotation(),
            value,
            "@Noise(\"" + noise.name() + "\") names no state of " + name
                + Suggestions.didYouMean(noise.name(), states),
            "Name a field annotated @State, or annotate the field @State.");
      } else if (!noisy.add(noise.name())) {
        diagnostics.error(
            ErrorCode.DUPLICATE_NOISE,
            noise.element(),
            noise.annotation(),
            value,
            "'" + noise.name() + "' already has a @Noise method; a state has one noise term",
            "Merge them: independent noises of sizes a and b add up to one of size"
                + " Math.sqrt(a * a + b * b).");
      } else if (!integrated.contains(noise.name())) {
        diagnostics.error(
            ErrorCode.NOISE_WITHOUT_ODE,
            noise.element(),
            noise.annotation(),
            value,
            "'" + noise.name() + "' has a @Noise but no @Ode; the noise is added to the state's"
                + " integration step",
            "Add '@Ode(\"" + noise.name() + "\") double d" + noise.name()
                + "() { return 0; }' for pure noise, or the drift it has.");
      }
    }
  }

  /**
   * A crossing threshold compares the condition before and after the step, so it must read a
   * state that has an {@code @Ode}: anything else is constant during a step and never crosses.
   */
  private void crossingReadsDynamics(ParsedModel model) {
    Set<String> integrated = new HashSet<>();
    model.odes().forEach(ode -> integrated.add(ode.name()));
    for (Member<ModelIR.Threshold> threshold : model.thresholds()) {
      if (threshold.value() == null || !threshold.value().crossing()) {
        continue;
      }
      Set<String> read = new HashSet<>();
      // The locals each once: the condition reads them as references, not copies.
      threshold.value().locals().values().forEach(e -> statesRead(e, read));
      statesRead(threshold.value().condition(), read);
      if (read.stream().noneMatch(integrated::contains)) {
        diagnostics.error(
            ErrorCode.CROSSING_WITHOUT_DYNAMICS,
            threshold.element(),
            threshold.annotation(),
            Annotations.value(threshold.annotation(), "crossing"),
            "the crossing threshold '" + threshold.element().getSimpleName() + "' reads no state"
                + " that has an @Ode, so its condition cannot change during a step and it would"
                + " never spike",
            "Compare an integrated state (e.g. 'return V >= V_th;'), or drop 'crossing = true'"
                + " to spike whenever the condition holds.");
      }
    }
  }

  private static void statesRead(Expr e, Set<String> out) {
    if (e instanceof Expr.Ref r) {
      if (r.kind() == Expr.RefKind.STATE) {
        out.add(r.name());
      }
    } else if (e instanceof Expr.Neg n) {
      statesRead(n.operand(), out);
    } else if (e instanceof Expr.Not n) {
      statesRead(n.operand(), out);
    } else if (e instanceof Expr.Binary b) {
      statesRead(b.left(), out);
      statesRead(b.right(), out);
    } else if (e instanceof Expr.Compare c) {
      statesRead(c.left(), out);
      statesRead(c.right(), out);
    } else if (e instanceof Expr.Logic l) {
      statesRead(l.left(), out);
      statesRead(l.right(), out);
    } else if (e instanceof Expr.Cond c) {
      statesRead(c.test(), out);
      statesRead(c.then(), out);
      statesRead(c.otherwise(), out);
    } else if (e instanceof Expr.Call c) {
      c.args().forEach(a -> statesRead(a, out));
    }
  }

  private void duplicates(List<? extends Member<?>> members, String annotation) {
    for (Member<?> duplicate : members.subList(Math.min(1, members.size()), members.size())) {
      diagnostics.error(
          duplicateCode(annotation),
          duplicate.element(),
          duplicate.annotation(),
          "only one " + annotation + " is allowed per model, and '"
              + members.get(0).element().getSimpleName() + "' already has it",
          "Remove one of them" + (annotation.equals("@Refractory") ? "." : ", or merge them."));
    }
  }

  private static ErrorCode duplicateCode(String annotation) {
    return annotation.equals("@Refractory")
        ? ErrorCode.DUPLICATE_REFRACTORY
        : ErrorCode.DUPLICATE_METHOD;
  }

  private void requiredMethods(ParsedModel model, String name) {
    if (model.onPres().isEmpty()) {
      diagnostics.error(
          ErrorCode.MISSING_ON_PRE,
          model.type(),
          name + " has no @OnPre method, so presynaptic spikes would have no effect",
          "Add e.g. '@OnPre void onSpike() { g += g_max; }'.");
    }
    if (model.outputs().isEmpty() && !writesPost(model)) {
      diagnostics.error(
          ErrorCode.MISSING_OUTPUT,
          model.type(),
          name + " has no @Output method and its @OnPre writes no @Post field, so it would never"
              + " affect its postsynaptic group",
          "Add e.g. '@Output(\"input\") double current() { return g * (E - V); }', or write the"
              + " postsynaptic variable in the @OnPre ('V += g_max;').");
    }
  }

  /** True when an @OnPre assigns to a @Post field (a delta synapse needs no @Output). */
  private static boolean writesPost(ParsedModel model) {
    Set<String> posts = new HashSet<>();
    model.posts().forEach(p -> posts.add(p.name()));
    return model.onPres().stream()
        .anyMatch(m -> m.value() == null
            || m.value().assignments().stream().anyMatch(a -> posts.contains(a.state())));
  }

  private void outputTargets(ParsedModel model) {
    for (Member<ModelIR.Output> output : model.outputs()) {
      if (!SourceVersion.isIdentifier(output.name()) || SourceVersion.isKeyword(output.name())) {
        diagnostics.error(
            ErrorCode.INVALID_NAME,
            output.element(),
            output.annotation(),
            Annotations.value(output.annotation()),
            "@Output(\"" + output.name() + "\") does not name a postsynaptic input; it must be a"
                + " Java identifier",
            "Write the input's name, e.g. @Output(\"input\").");
      }
    }
  }
}
