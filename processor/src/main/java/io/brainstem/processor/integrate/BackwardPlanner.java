package io.brainstem.processor.integrate;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.integrate.StepPlan.Arith;
import io.brainstem.processor.integrate.StepPlan.ExpEulerFactor;
import io.brainstem.processor.integrate.StepPlan.Let;
import io.brainstem.processor.integrate.StepPlan.Rate;
import io.brainstem.processor.integrate.StepPlan.Step;
import io.brainstem.processor.integrate.StepPlan.Store;
import io.brainstem.processor.ir.Assign;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Compare;
import io.brainstem.processor.ir.Expr.Num;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.NeuronIR;
import io.brainstem.processor.ir.SynapseIR;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The backward (adjoint) step of a neuron model for one {@link Integrator}: the exact
 * vector-Jacobian product of the step the generated kernel computes, not of the continuous
 * equations. The forward step is the integrator's {@link StepPlan} with Runge–Kutta stages unrolled:
 * straight-line code, which this planner differentiates in reverse order (reverse-mode
 * differentiation of a program), each partial by {@link Derivative}, the symbolic derivative
 * exponential Euler uses. Exponential Euler's factor {@code dt·exprel(dt·a)} is differentiated
 * through the runtime's {@code Exprel.derivative}.
 *
 * <p>The spike is {@code S = H(θ)} with the margin {@code θ} of the threshold comparison ({@code
 * V - V_th} for {@code V >= V_th}), and the reset {@code x'' = x' + S·(r(x') − x')}: its adjoint
 * needs {@code dS/dθ}, the surrogate the runtime chooses.
 */
public final class BackwardPlanner {
  private BackwardPlanner() {}

  /** One forward let, replayed by the backward step before the reverse sweep. */
  public record Forward(String name, Expr value, boolean exprelFactor, String comment) {}

  /**
   * {@code adjoint += seed · partial}: one term of the reverse sweep.
   *
   * @param target the adjoint (a local's, or a model variable's by {@link Ref})
   * @param seed the adjoint of the value being differentiated
   * @param partial the partial derivative
   * @param comment the forward equation the term differentiates
   */
  public record Accumulate(Ref target, Ref seed, Expr partial, String comment) {}

  /**
   * The backward plan of one integrator.
   *
   * @param integrator the method
   * @param forward the lets of the forward step, in order
   * @param next the state after the step (before threshold and reset), by state; only integrated
   *     states
   * @param sweep the reverse sweep, in order (stores first, then the lets backwards)
   */
  public record Plan(Integrator integrator, List<Forward> forward, Map<String, Expr> next,
      List<Accumulate> sweep) {}

  /**
   * The threshold and reset part, the same for every integrator: reads the states after
   * integration (by name, as {@link RefKind#STATE}).
   *
   * @param margin {@code θ}, positive when the neuron spikes
   * @param condition the threshold condition, to replay the spike decision exactly
   * @param reset the reset value {@code r_s} of each reset state
   * @param resetPartials {@code ∂r_s/∂u} by reset state {@code s} then variable {@code u} (states
   *     and parameters), non-zero ones only
   * @param marginPartials {@code ∂θ/∂u} by variable (states and parameters), non-zero ones only
   */
  public record Spike(Expr margin, Expr condition, Map<String, Expr> reset,
      Map<String, Map<String, Expr>> resetPartials, Map<String, Expr> marginPartials) {}

  /** Why a model has no backward step, or empty when it has one. */
  public static Optional<String> notDifferentiable(NeuronIR model) {
    if (model.threshold().isPresent()) {
      Expr condition = inlineLocals(model.threshold().get().condition(),
          model.threshold().get().locals());
      if (!(condition instanceof Compare c)
          || c.op() == Expr.CmpOp.EQ || c.op() == Expr.CmpOp.NE) {
        return Optional.of("the threshold is not one comparison (<, <=, >, >=), so it has no"
            + " margin for a surrogate gradient");
      }
    }
    return Optional.empty();
  }

  /** The threshold and reset part of {@code model}'s backward step, if it spikes. */
  public static Optional<Spike> spike(NeuronIR model) {
    if (model.threshold().isEmpty()) {
      return Optional.empty();
    }
    ModelIR.Threshold threshold = model.threshold().get();
    Compare c = (Compare) inlineLocals(threshold.condition(), threshold.locals());
    Expr margin = switch (c.op()) {
      case GT, GE -> Exprs.sub(c.left(), c.right());
      default -> Exprs.sub(c.right(), c.left());
    };
    margin = Simplifier.simplify(margin);
    Map<String, Expr> reset = new LinkedHashMap<>();
    if (model.reset().isPresent()) {
      Map<String, Expr> current = new LinkedHashMap<>();
      for (Assign a : model.reset().get().assignments()) {
        Expr before = current.getOrDefault(a.state(), new Ref(a.state(), RefKind.STATE));
        Expr value = Exprs.substitute(a.value(), current);
        Expr after = switch (a.op()) {
          case SET -> value;
          case ADD -> Exprs.add(before, value);
          case SUB -> Exprs.sub(before, value);
          case MUL -> Exprs.mul(before, value);
          case DIV -> Exprs.div(before, value);
        };
        current.put(a.state(), after);
      }
      reset.putAll(current);
    }
    List<String> variables = differentiable(model);
    Map<String, Map<String, Expr>> resetPartials = new LinkedHashMap<>();
    reset.forEach((state, value) -> resetPartials.put(state, partials(value, variables)));
    return Optional.of(new Spike(margin, c, reset, resetPartials, partials(margin, variables)));
  }

  /** States then parameters: what the backward step differentiates with respect to. */
  private static List<String> differentiable(NeuronIR model) {
    List<String> out = new ArrayList<>();
    model.states().forEach(s -> out.add(s.name()));
    model.params().forEach(p -> out.add(p.name()));
    return out;
  }

  private static Map<String, Expr> partials(Expr e, List<String> variables) {
    Map<String, Expr> out = new LinkedHashMap<>();
    for (String v : variables) {
      Expr d = Simplifier.simplify(Derivative.of(e, v));
      if (!isZero(d)) {
        out.put(v, d);
      }
    }
    return out;
  }

  /**
   * The backward plan of {@code integrator}; locals named from {@code names}.
   *
   * @throws IllegalArgumentException when the model has no such step ({@code EXP_EULER} of a
   *     nonlinear ODE)
   */
  public static Plan plan(ModelIR model, Integrator integrator, LocalNames names) {
    StepPlan step = StepPlanner.planWithLocals(
        model, integrator, Uniformity.PER_ELEMENT_PARAMS, names, false);
    List<Forward> forward = new ArrayList<>();
    Map<String, Expr> next = new LinkedHashMap<>();
    List<Step> steps = new ArrayList<>(step.hoisted());
    steps.addAll(step.perElement());
    for (Step s : steps) {
      if (s instanceof Let let) {
        forward.add(forward(let));
      } else if (s instanceof Store store) {
        next.put(store.state(), store.value());
      } else {
        throw new IllegalStateException("unexpected step in an unrolled plan: " + s);
      }
    }
    List<Accumulate> sweep = new ArrayList<>();
    Set<String> live = new LinkedHashSet<>();
    next.forEach((state, value) -> sweep.addAll(terms(
        value, new Ref(adjointOfNext(state), RefKind.LOCAL), state + "' = " + show(value), live)));
    for (int k = forward.size() - 1; k >= 0; k--) {
      Forward f = forward.get(k);
      if (!live.contains(f.name())) {
        continue; // nothing downstream reads it (a hoisted constant): no adjoint
      }
      Ref seed = new Ref(f.name(), RefKind.LOCAL);
      if (f.exprelFactor()) {
        // f = dt·exprel(dt·a): ∂f/∂a = dt²·exprel'(dt·a), held in the let's own partial local.
        sweep.addAll(terms(f.value(), new Ref(exprelPartialName(f.name()), RefKind.LOCAL),
            f.comment(), live));
      } else {
        sweep.addAll(terms(f.value(), seed, f.comment(), live));
      }
    }
    return new Plan(integrator, forward, next, sweep);
  }

  /** How one {@code @OnPre} assignment lands, see {@link Delivery}. */
  public enum DeliveryKind {
    /** {@code state += w}: the step's spikes add {@code Σ w}. */
    ADD,
    /** {@code state = value}: any spike of the step sets it. */
    SET,
    /** {@code post += w} (a delta synapse): the spikes add {@code Σ w} to the {@code @Post}. */
    POST_ADD,
    /** {@code post += f(post)}: applied once per spike, in turn (reads its own target). */
    POST_JUMP
  }

  /**
   * What one presynaptic spike does to a synapse's state or {@code @Post} variable: {@code ADD}
   * and {@code POST_ADD} add {@code value} (a parameter, lumped or per synapse, or a number), so a
   * step's spikes add the sum of their weights; {@code SET} sets a state to {@code value};
   * {@code POST_JUMP} adds {@code value} (which reads the target) once per spike. The last two
   * read the number of spikes.
   *
   * @param state the state, or the {@code @Post} field
   * @param value the added or set value
   * @param kind how it lands
   */
  public record Delivery(String state, Expr value, DeliveryKind kind) {
    /** What the gather weighs each spike with: the parameter, or a number ("1": a count). */
    public String weight() {
      if (kind == DeliveryKind.SET || kind == DeliveryKind.POST_JUMP) {
        return "1";
      }
      return value instanceof Ref r ? r.name() : show(value);
    }

    /** Whether the frame's input is the number of spikes (not the sum of their weights). */
    public boolean counts() {
      return kind == DeliveryKind.SET || kind == DeliveryKind.POST_JUMP;
    }

    /** Whether it writes a {@code @Post} variable. */
    public boolean post() {
      return kind == DeliveryKind.POST_ADD || kind == DeliveryKind.POST_JUMP;
    }
  }

  /**
   * Why {@code model}, asked for a backward step, is plastic ({@code @OnPost} or event-driven
   * states: weight updates BPTT does not differentiate), or empty.
   */
  public static Optional<String> plastic(SynapseIR model) {
    if (model.onPost().isPresent()) {
      return Optional.of("@OnPost " + model.onPost().get().methodName() + " updates synapses on"
          + " postsynaptic spikes (plasticity)");
    }
    if (!model.eventOdes().isEmpty()) {
      return Optional.of("event-driven state " + model.eventOdes().get(0).state()
          + " (a plasticity trace)");
    }
    return Optional.empty();
  }

  /** The first state kept per synapse or per presynaptic neuron, or empty. */
  public static Optional<String> perSynapseState(SynapseIR model) {
    return model.synapseVars().stream().filter(ModelIR.SynapseVar::state)
        .map(ModelIR.SynapseVar::name).findFirst();
  }

  /**
   * Why the synapse {@code model} has no generated backward step, or empty when it has one (after
   * {@link #plastic}; states kept per synapse: {@link PerSynapseBackward#unsupported}): its {@code @OnPre} must add a parameter or a
   * number to a state or set a state to one (one statement per state), and its states reach the
   * postsynaptic group through an {@code @Output}; or, with no state and no {@code @Output}, add to
   * a {@code @Post} variable a parameter or an expression of it and parameters (a delta synapse).
   */
  public static Optional<String> notDifferentiable(SynapseIR model) {
    if (plastic(model).isPresent()) {
      return Optional.of(plastic(model).get() + " has no backward step");
    }
    if (perSynapseState(model).isPresent()) {
      Optional<PerSynapseBackward.Unsupported> no = PerSynapseBackward.unsupported(model);
      if (no.isPresent()) {
        return Optional.of(no.get().why());
      }
      if (model.onPre().isEmpty()) {
        return Optional.of("the model has no @OnPre, so spikes pass no gradient");
      }
      return model.output().isPresent() ? Optional.empty()
          : Optional.of("the model has no @Output, so no gradient reaches its states");
    }
    if (model.graded().isPresent()) {
      return Optional.empty(); // the graded value's partials: see graded(SynapseIR)
    }
    if (model.onPre().isEmpty()) {
      return Optional.of("the model has no @OnPre, so spikes pass no gradient");
    }
    Set<String> states = new LinkedHashSet<>();
    model.states().forEach(st -> states.add(st.name()));
    Set<String> posts = new LinkedHashSet<>();
    model.posts().forEach(p -> posts.add(p.fieldName()));
    Set<String> seen = new LinkedHashSet<>();
    boolean writesPost = false;
    for (Assign a : model.onPre().get().assignments()) {
      boolean constant = a.value() instanceof Ref r && r.kind() == RefKind.PARAM
          || a.value() instanceof Num;
      boolean ok;
      if (states.contains(a.state())) {
        ok = constant && (a.op() == Assign.AssignOp.ADD || a.op() == Assign.AssignOp.SET);
      } else if (posts.contains(a.state())) {
        writesPost = true;
        ok = a.op() == Assign.AssignOp.ADD && (a.value() instanceof Ref r
            && r.kind() == RefKind.PARAM || readsOnly(a.value(), a.state(), model));
      } else {
        ok = false;
      }
      if (!ok || !seen.add(a.state())) {
        return Optional.of("@OnPre writes " + a.state() + " " + a.op().symbol + " "
            + show(a.value()) + ", not one 'state += parameter' or 'state = parameter' per state"
            + " (or 'V += f(V)' of a @Post V)");
      }
    }
    if (writesPost && (!states.isEmpty() || model.output().isPresent())) {
      return Optional.of("an @OnPre that writes a @Post variable has a backward step only in a"
          + " synapse with no state and no @Output (a delta synapse)");
    }
    if (!writesPost && model.output().isEmpty()) {
      return Optional.of("the model has no @Output, so no gradient reaches its states");
    }
    return Optional.empty();
  }

  /**
   * Whether {@code value} reads only lumped parameters, numbers and the {@code @Post} {@code post}
   * (a jump's parameters get their gradient per postsynaptic neuron).
   */
  private static boolean readsOnly(Expr value, String post, SynapseIR model) {
    Set<String> lumped = new LinkedHashSet<>();
    model.params().forEach(p -> lumped.add(p.name()));
    boolean[] ok = {true};
    Exprs.forEachRef(value, r -> ok[0] &= r.kind() == RefKind.PARAM && lumped.contains(r.name())
        || r.kind() == RefKind.POST && r.name().equals(post));
    return ok[0];
  }

  /** The deliveries of a synapse's {@code @OnPre}, in order (see {@link #notDifferentiable}). */
  public static List<Delivery> deliveries(SynapseIR model) {
    Set<String> posts = new LinkedHashSet<>();
    model.posts().forEach(p -> posts.add(p.fieldName()));
    // jumps of per-synapse states stay in the per-synapse step (PerSynapseBackward)
    Set<String> perSynapse = new LinkedHashSet<>(PerSynapseBackward.states(model));
    List<Delivery> out = new ArrayList<>();
    for (Assign a : model.onPre().orElseThrow().assignments()) {
      if (perSynapse.contains(a.state())) {
        continue;
      }
      DeliveryKind kind;
      if (posts.contains(a.state())) {
        kind = a.value() instanceof Ref r && r.kind() == RefKind.PARAM
            ? DeliveryKind.POST_ADD : DeliveryKind.POST_JUMP;
      } else {
        kind = a.op() == Assign.AssignOp.SET ? DeliveryKind.SET : DeliveryKind.ADD;
      }
      out.add(new Delivery(a.state(), a.value(), kind));
    }
    return out;
  }

  /**
   * The partials of one {@code POST_JUMP} step {@code post' = post + value}: by {@code post} and
   * each parameter it reads (non-zero ones only).
   */
  public static Map<String, Expr> jumpPartials(Delivery d) {
    Expr next = Exprs.add(new Ref(d.state(), RefKind.POST), d.value());
    Map<String, Expr> out = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    Exprs.forEachRef(next, r -> names.add(r.name()));
    for (String n : names) {
      Expr p = Simplifier.simplify(Derivative.of(next, n));
      if (!isZero(p)) {
        out.put(n, p);
      }
    }
    return out;
  }

  /**
   * The output of a synapse and its partials: {@code value} with body locals pasted in, and {@code
   * ∂value/∂u} for each state, {@code @Post} variable and parameter it reads (non-zero ones only).
   */
  public record OutputPartials(Expr value, Map<Ref, Expr> partials) {}

  /** The synapse's output and its partials (states, {@code @Post} variables, parameters). */
  public static OutputPartials output(SynapseIR model) {
    return partials(model.output().orElseThrow());
  }

  /**
   * A graded synapse's value and its partials: by each {@code @Pre} and {@code @Post} variable and
   * parameter (lumped or per synapse) it reads.
   */
  public static OutputPartials graded(SynapseIR model) {
    return partials(model.graded().orElseThrow());
  }

  private static OutputPartials partials(ModelIR.Output output) {
    Expr value = Simplifier.simplify(inlineLocals(output.value(), output.locals()));
    Map<Ref, Expr> partials = new LinkedHashMap<>();
    for (Ref r : Exprs.refs(value)) {
      if (r.kind() == RefKind.STATE || r.kind() == RefKind.POST || r.kind() == RefKind.PARAM
          || r.kind() == RefKind.PRE) {
        Expr d = Simplifier.simplify(Derivative.of(value, r.name()));
        if (!isZero(d)) {
          partials.put(r, d);
        }
      }
    }
    return new OutputPartials(value, partials);
  }

  /** The local naming the adjoint of {@code state} after the step (before the reset). */
  public static String adjointOfNext(String state) {
    return state + "'next";
  }

  /** The local holding {@code ∂f/∂a} of an exponential-Euler factor let {@code f}. */
  public static String exprelPartialName(String let) {
    return let + "'exprel";
  }

  private static Forward forward(Let let) {
    if (let.value() instanceof Arith a) {
      return new Forward(let.name(), a.expr(), false, let.name() + " = " + show(a.expr()));
    } else if (let.value() instanceof Rate r) {
      return new Forward(let.name(), r.inlined(), false,
          let.name() + " = d" + r.ode().state() + "/dt = " + show(r.inlined()));
    } else if (let.value() instanceof ExpEulerFactor f) {
      return new Forward(let.name(), f.linearPart(), true,
          let.name() + " = dt·exprel(dt·(" + show(f.linearPart()) + "))");
    }
    throw new IllegalArgumentException("no derivative of " + let.value()
        + " (a @Noise term); BackwardRules refuses such models");
  }

  /**
   * The terms {@code adj(u) += seed·∂value/∂u} for every variable {@code u} that {@code value}
   * reads, marking the locals reached as live.
   */
  private static List<Accumulate> terms(Expr value, Ref seed, String comment, Set<String> live) {
    List<Accumulate> out = new ArrayList<>();
    for (Ref r : Exprs.refs(value)) {
      if (r.kind() == RefKind.DT || r.kind() == RefKind.TIME) {
        continue;
      }
      Expr d = Simplifier.simplify(partial(value, r));
      if (isZero(d)) {
        continue;
      }
      if (r.kind() == RefKind.LOCAL) {
        live.add(r.name());
      }
      out.add(new Accumulate(r, seed, d, comment));
    }
    return out;
  }

  /** {@code ∂e/∂r}; a local is renamed to a variable no model variable can be named, then back. */
  private static Expr partial(Expr e, Ref r) {
    if (r.kind() != RefKind.LOCAL) {
      return Derivative.of(e, r.name());
    }
    String stand = r.name() + "'local";
    Expr renamed = Exprs.map(e, x -> x.equals(r) ? new Ref(stand, RefKind.PARAM) : x);
    Expr d = Derivative.of(renamed, stand);
    return Exprs.map(d, x -> x.name().equals(stand) && x.kind() == RefKind.PARAM ? r : x);
  }

  private static boolean isZero(Expr e) {
    return e instanceof Num n && n.value() == 0;
  }

  /** {@code e} with the body locals it reads pasted in (a threshold body is small). */
  private static Expr inlineLocals(Expr e, Map<String, Expr> locals) {
    Expr out = e;
    for (int pass = 0; pass <= locals.size(); pass++) {
      out = Exprs.map(out, r -> r.kind() == RefKind.BODY && locals.containsKey(r.name())
          ? locals.get(r.name()) : r);
    }
    return out;
  }

  /** A one-line rendering of {@code e} for comments. */
  public static String show(Expr e) {
    if (e instanceof Num n) {
      return Double.toString(n.value());
    } else if (e instanceof Ref r) {
      return r.name();
    } else if (e instanceof Expr.Neg n) {
      return "-(" + show(n.operand()) + ")";
    } else if (e instanceof Expr.Binary b) {
      return "(" + show(b.left()) + " " + b.op().symbol + " " + show(b.right()) + ")";
    } else if (e instanceof Expr.Call c) {
      return c.fn().javaName + "(" + String.join(", ",
          c.args().stream().map(BackwardPlanner::show).toList()) + ")";
    } else if (e instanceof Expr.Cond c) {
      return "(" + show(c.test()) + " ? " + show(c.then()) + " : " + show(c.otherwise()) + ")";
    } else if (e instanceof Compare c) {
      return show(c.left()) + " " + c.op().symbol + " " + show(c.right());
    } else if (e instanceof Expr.Logic l) {
      return show(l.left()) + " " + l.op().symbol + " " + show(l.right());
    }
    return "!" + show(((Expr.Not) e).operand());
  }
}
