package io.brainstem.processor.emit;

import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.SynapseIR;
import io.brainstem.processor.ir.NeuronIR;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How one loop names the model's variables, and which ones it read. In kernels every variable is
 * a local named as in the model; in the debug loop parameters, inputs and postsynaptic values live
 * in the model instance's fields, while states stay in locals (integrator stages overwrite the
 * fields).
 */
final class Vars {
  private final ModelIR model;
  /** The debug instance's variable, or null for kernels. */
  private final String instance;
  private final Set<Ref> used = new LinkedHashSet<>();

  private Vars(ModelIR model, String instance) {
    this.model = model;
    this.instance = instance;
  }

  static Vars kernel(ModelIR model) {
    return new Vars(model, null);
  }

  static Vars debug(ModelIR model, String instance) {
    return new Vars(model, instance);
  }

  /** What any of {@code loops} read, for loads several loops share. */
  static Vars union(List<Vars> loops) {
    Vars all = new Vars(loops.get(0).model, loops.get(0).instance);
    loops.forEach(v -> all.used.addAll(v.used));
    return all;
  }

  /** What {@code a} read that {@code b} did not, leaving out the variables named in {@code written}. */
  static Vars minus(Vars a, Vars b, Set<String> written) {
    Vars only = new Vars(a.model, a.instance);
    a.used.stream().filter(r -> !b.used.contains(r) && !written.contains(r.name()))
        .forEach(only.used::add);
    return only;
  }

  String name(Ref r) {
    used.add(r);
    return switch (r.kind()) {
      case TIME -> "t";
      case DT -> "dt";
      case STATE, LOCAL -> r.name();
      case BODY -> throw new IllegalStateException("body local " + r.name() + " not planned");
      case PARAM, INPUT, POST, PRE -> instance == null ? r.name() : instance + "." + r.name();
    };
  }

  /** A reference to the model variable (or {@code t}) called {@code name}. */
  Ref ref(String name) {
    if (model.params().stream().anyMatch(p -> p.name().equals(name))) {
      return new Ref(name, RefKind.PARAM);
    } else if (model.states().stream().anyMatch(s -> s.name().equals(name))) {
      return new Ref(name, RefKind.STATE);
    } else if (model instanceof NeuronIR neuron && neuron.inputs().contains(name)) {
      return new Ref(name, RefKind.INPUT);
    } else if (model instanceof SynapseIR synapse
        && synapse.posts().stream().anyMatch(p -> p.fieldName().equals(name))) {
      return new Ref(name, RefKind.POST);
    } else if (model instanceof SynapseIR synapse
        && synapse.pres().stream().anyMatch(p -> p.fieldName().equals(name))) {
      return new Ref(name, RefKind.PRE);
    } else if (name.equals("t")) {
      return new Ref(name, RefKind.TIME);
    }
    // check rejects unknown names (BS2xx), so reaching this is a processor bug: fail, not guess
    throw new IllegalArgumentException(
        "'" + name + "' is no variable of " + model.className() + " and not t");
  }

  /** True when the loop read the variable {@code name} of {@code kind}. */
  boolean uses(RefKind kind, String name) {
    return used.contains(new Ref(name, kind));
  }

  boolean usesTime() {
    return used.stream().anyMatch(r -> r.kind() == RefKind.TIME);
  }
}
