package io.brainstem.processor.parse;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.NeuronIR;
import io.brainstem.processor.ir.SynapseIR;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * A model as parse read it, every member with its origin and in declaration order, including
 * members in the wrong kind of model and duplicates: check reports those, and only a model with no
 * error becomes a {@link ModelIR}. {@code usage} records which variables the bodies read.
 */
public record ParsedModel(
    TypeElement type,
    ModelIR.Kind kind,
    Integrator method,
    List<Member<ModelIR.Param>> params,
    List<Member<ModelIR.State>> states,
    List<Member<String>> inputs,
    List<Member<ModelIR.Post>> posts,
    List<Member<ModelIR.Pre>> pres,
    List<Member<Void>> refractory,
    List<Member<ModelIR.Ode>> odes,
    List<Member<ModelIR.Threshold>> thresholds,
    List<Member<ModelIR.Action>> resets,
    List<Member<ModelIR.Action>> onPres,
    List<Member<ModelIR.Action>> onPosts,
    List<Member<ModelIR.Output>> outputs,
    List<Member<ModelIR.Output>> gradeds,
    List<Member<ModelIR.Noise>> noises,
    List<Member<ModelIR.Home>> homes,
    Usage usage) {

  /** The home marker of the field {@code name}, if it has one. */
  public java.util.Optional<ModelIR.Home> home(String name) {
    return homes.stream().filter(h -> h.name().equals(name)).findFirst().map(Member::value);
  }

  /** The IR; valid only when parse and check reported no error for this model. */
  public ModelIR toIR(String packageName) {
    String name = type.getSimpleName().toString();
    Set<Integrator> methods = ModelParser.methods(type, kind);
    if (kind == ModelIR.Kind.NEURON) {
      return new NeuronIR(packageName, name, method, values(params), values(states), values(inputs),
          values(odes), first(thresholds), first(resets),
          refractory.stream().findFirst().map(Member::name), values(noises), methods);
    }
    // Per-synapse and per-pre variables and their ODEs live apart from the lumped ones, and
    // event-driven ODEs (of any home) apart from the clock-driven ones.
    List<ModelIR.Ode> clock = odes.stream().filter(o -> !eventDriven(o)).map(Member::value)
        .toList();
    return new SynapseIR(packageName, name, method,
        values(params).stream().filter(p -> home(p.name()).isEmpty()).toList(),
        values(states).stream().filter(p -> home(p.name()).isEmpty()).toList(),
        values(posts),
        clock.stream().filter(o -> home(o.state()).isEmpty()).toList(),
        first(onPres), first(outputs), values(noises), methods, synapseVars(),
        clock.stream().filter(o -> home(o.state()).isPresent()).toList(),
        first(onPosts),
        odes.stream().filter(ParsedModel::eventDriven).map(Member::value).toList(),
        values(pres), first(gradeds));
  }

  /** Whether an {@code @Ode} member says {@code eventDriven = true}. */
  public static boolean eventDriven(Member<ModelIR.Ode> ode) {
    io.brainstem.annotations.Ode annotation =
        ode.element().getAnnotation(io.brainstem.annotations.Ode.class);
    return annotation != null && annotation.eventDriven();
  }

  /** The event-driven {@code @Ode} members. */
  public List<Member<ModelIR.Ode>> eventOdes() {
    return odes.stream().filter(ParsedModel::eventDriven).toList();
  }

  private List<ModelIR.SynapseVar> synapseVars() {
    List<ModelIR.SynapseVar> vars = new java.util.ArrayList<>();
    for (Member<ModelIR.Param> p : params) {
      home(p.name()).ifPresent(h ->
          vars.add(new ModelIR.SynapseVar(p.name(), h, false, p.value().defaultValue(),
              p.value().trainable())));
    }
    for (Member<ModelIR.State> s : states) {
      home(s.name()).ifPresent(h ->
          vars.add(new ModelIR.SynapseVar(s.name(), h, true, s.value().initialValue())));
    }
    return vars;
  }

  private static <T> List<T> values(List<Member<T>> members) {
    return members.stream().map(Member::value).toList();
  }

  private static <T> Optional<T> first(List<Member<T>> members) {
    return members.stream().findFirst().map(Member::value);
  }
}
