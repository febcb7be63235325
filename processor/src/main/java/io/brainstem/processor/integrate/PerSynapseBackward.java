package io.brainstem.processor.integrate;

import io.brainstem.processor.ir.Assign;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.SynapseIR;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The backward step of a synapse's states kept per synapse (short-term plasticity): which models
 * have one, and the {@code @OnPre} body as straight-line code to differentiate. Forward, each
 * synapse integrates its states clock-driven (the per-synapse ODE system, planned as a model of
 * its own), then, if its presynaptic neuron's spike is due, runs the {@code @OnPre} statements in
 * order: jumps of its own states ({@code u += U·(1 − u)}, {@code x -= u·x}) and increments of the
 * postsynaptic states ({@code g += w·u·x}). Each statement here gets a version of its target
 * ({@code u'1}, ...; {@code u'0} is the integrated value), so the reverse sweep is one term per
 * variable read, each partial by {@link Derivative}.
 */
public final class PerSynapseBackward {
  private PerSynapseBackward() {}

  /**
   * What has no backward step: the variable to point at and why.
   *
   * @param at the field or method name
   * @param why the reason
   */
  public record Unsupported(String at, String why) {}

  /**
   * One {@code @OnPre} statement: {@code version = value}, the new value of a per-synapse state,
   * or ({@code perPost}) the increment one spike adds to a postsynaptic state.
   *
   * @param state the target
   * @param version the reference naming the result
   * @param value its value, reading versions and parameters
   * @param perPost whether it is an increment of a per-postsynaptic state
   * @param partials {@code ∂value/∂r} for each version and parameter {@code r} it reads (non-zero)
   * @param comment the source statement
   */
  public record Jump(String state, Ref version, Expr value, boolean perPost,
      Map<Ref, Expr> partials, String comment) {}

  /**
   * The per-synapse part of a step.
   *
   * @param states the per-synapse states, declaration order
   * @param integrated each state's value after integration (before the jumps)
   * @param jumps the {@code @OnPre} statements, in order
   * @param finals each state's last version (after the jumps)
   */
  public record Step(List<String> states, Map<String, Ref> integrated, List<Jump> jumps,
      Map<String, Ref> finals) {}

  /** The per-synapse states of {@code model}, declaration order. */
  public static List<String> states(SynapseIR model) {
    return model.synapseVars().stream().filter(ModelIR.SynapseVar::state)
        .map(ModelIR.SynapseVar::name).toList();
  }

  /**
   * Why the per-synapse states of {@code model} (it has some) have no backward step, or empty:
   * nothing may be kept per presynaptic neuron (its adjoint would sum over targets owned by
   * different threads); the per-synapse ODEs and jumps read only per-synapse variables, parameters
   * and numbers (no {@code @Post} variable, no per-postsynaptic state); a postsynaptic state is
   * only incremented ({@code g += ...}), once.
   */
  public static Optional<Unsupported> unsupported(SynapseIR model) {
    for (ModelIR.SynapseVar v : model.synapseVars()) {
      if (v.home() == ModelIR.Home.PRE) {
        return Optional.of(new Unsupported(v.name(), v.name() + " is kept per presynaptic"
            + " neuron (@PerPre) next to states kept per synapse; the per-synapse backward step"
            + " owns each synapse by its target, and a per-presynaptic adjoint would sum over"
            + " targets of several owners"));
      }
    }
    Set<String> perPost = new LinkedHashSet<>();
    model.states().forEach(s -> perPost.add(s.name()));
    for (ModelIR.Ode ode : model.synapseOdes()) {
      Optional<String> foreign = foreign(Exprs.parts(ode), perPost);
      if (foreign.isPresent()) {
        return Optional.of(new Unsupported(ode.methodName(), "the per-synapse @Ode of "
            + ode.state() + " reads " + foreign.get() + ", and the per-synapse backward step"
            + " passes no adjoint from a synapse to its target's variables"));
      }
    }
    if (model.onPre().isEmpty()) {
      return Optional.empty();
    }
    Set<String> perSynapse = new LinkedHashSet<>(states(model));
    Set<String> incremented = new LinkedHashSet<>();
    for (Assign a : model.onPre().get().assignments()) {
      String statement = a.state() + " " + a.op().symbol + " " + BackwardPlanner.show(a.value());
      Optional<String> foreign = foreign(List.of(a.value()), perPost);
      boolean ok;
      if (perSynapse.contains(a.state())) {
        ok = true;
      } else if (perPost.contains(a.state())) {
        ok = a.op() == Assign.AssignOp.ADD && incremented.add(a.state());
      } else {
        ok = false;
      }
      if (!ok || foreign.isPresent()) {
        return Optional.of(new Unsupported(model.onPre().get().methodName(), "@OnPre writes "
            + statement + (foreign.isPresent() ? ", which reads " + foreign.get() : "")
            + "; with states kept per synapse the backward step covers jumps of those states"
            + " and one 'g += f(per-synapse variables, parameters)' per postsynaptic state"));
      }
    }
    return Optional.empty();
  }

  /** The first {@code @Post} variable or per-postsynaptic state {@code parts} read, or empty. */
  private static Optional<String> foreign(List<Expr> parts, Set<String> perPost) {
    List<String> out = new ArrayList<>();
    for (Expr e : parts) {
      Exprs.forEachRef(e, r -> {
        if (r.kind() == RefKind.POST) {
          out.add("@Post " + r.name());
        } else if (r.kind() == RefKind.STATE && perPost.contains(r.name())) {
          out.add("the postsynaptic state " + r.name());
        }
      });
    }
    return out.stream().findFirst();
  }

  /** The per-synapse step of {@code model}, which {@link #unsupported} accepts. */
  public static Step step(SynapseIR model) {
    List<String> states = states(model);
    Map<String, Ref> integrated = new LinkedHashMap<>();
    Map<String, Expr> current = new LinkedHashMap<>();
    for (String s : states) {
      Ref r = new Ref(s + "'0", RefKind.STATE);
      integrated.put(s, r);
      current.put(s, r);
    }
    List<Jump> jumps = new ArrayList<>();
    Map<String, Integer> count = new LinkedHashMap<>();
    for (Assign a : model.onPre().orElseThrow().assignments()) {
      Expr value = Exprs.substitute(a.value(), current);
      String comment = a.state() + " " + a.op().symbol + " " + BackwardPlanner.show(a.value());
      boolean perPost = !states.contains(a.state());
      Expr next;
      Ref version;
      if (perPost) {
        next = value;
        version = new Ref(a.state() + "'increment", RefKind.STATE);
      } else {
        Expr before = current.get(a.state());
        next = switch (a.op()) {
          case SET -> value;
          case ADD -> Exprs.add(before, value);
          case SUB -> Exprs.sub(before, value);
          case MUL -> Exprs.mul(before, value);
          case DIV -> Exprs.div(before, value);
        };
        int n = count.merge(a.state(), 1, Integer::sum);
        version = new Ref(a.state() + "'" + n, RefKind.STATE);
        current.put(a.state(), version);
      }
      Map<Ref, Expr> partials = new LinkedHashMap<>();
      for (Ref r : Exprs.refs(next)) {
        if (r.kind() != RefKind.STATE && r.kind() != RefKind.PARAM) {
          continue;
        }
        Expr d = Simplifier.simplify(Derivative.of(next, r.name()));
        if (!(d instanceof Expr.Num num && num.value() == 0)) {
          partials.put(r, d);
        }
      }
      jumps.add(new Jump(a.state(), version, next, perPost, partials, comment));
    }
    Map<String, Ref> finals = new LinkedHashMap<>();
    current.forEach((s, e) -> finals.put(s, (Ref) e));
    return new Step(states, integrated, jumps, finals);
  }
}
