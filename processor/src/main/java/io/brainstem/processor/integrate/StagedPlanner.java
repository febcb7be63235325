package io.brainstem.processor.integrate;

import static io.brainstem.processor.integrate.Exprs.add;
import static io.brainstem.processor.integrate.Exprs.dt;
import static io.brainstem.processor.integrate.Exprs.local;
import static io.brainstem.processor.integrate.Exprs.mul;

import io.brainstem.processor.integrate.StepPlan.Arith;
import io.brainstem.processor.integrate.StepPlan.ExpEulerFactor;
import io.brainstem.processor.integrate.StepPlan.Let;
import io.brainstem.processor.integrate.StepPlan.Rate;
import io.brainstem.processor.integrate.StepPlan.Step;
import io.brainstem.processor.integrate.StepPlan.Store;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Num;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.NeuronIR;
import io.brainstem.processor.ir.SynapseIR;
import io.brainstem.processor.ir.ModelIR.Ode;
import io.brainstem.processor.ir.ModelIR.Output;
import io.brainstem.processor.ir.ModelIR.Post;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plans of the staged loops ({@code Coupling.STAGED}): one explicit Runge–Kutta step with four
 * stages whose coefficients are read at run time from a {@code StageTableau} (its final fields {@code rk.a21 ..
 * rk.b4}, {@code rk.c2 .. rk.c4}, read where used: C2 hoists the loads out of the loop), so one loop
 * serves every Runge–Kutta method. A neuron's stage {@code s}
 * sees each input as {@code input + offset_s[i] + Σ slope_s[i]·x_s} (the staged projections' affine
 * outputs at that stage); a synapse's stage {@code s} computes its output's offset (the output at
 * post value 0) and slope (its symbolic derivative in the post value) for the emitter to add.
 */
public final class StagedPlanner {
  private static final int STAGES = 4;

  private final ModelIR model;
  private final LocalNames names;
  /** The local holding the run-time {@code StageTableau}; the emitter declares it. */
  private final String tableau;
  private final List<Let> hoisted = new ArrayList<>();
  private final List<Step> perElement = new ArrayList<>();
  private final BodyLets bodyLets = new BodyLets(this::let);

  private StagedPlanner(ModelIR model, LocalNames names, String tableau) {
    this.model = model;
    this.names = names;
    this.tableau = tableau;
  }

  /**
   * A neuron's staged plan.
   *
   * @param offsets per input, its four offset arrays' local names (declared by the emitter)
   * @param slopes per input, per state whose ODE reads it, the four slope arrays' local names
   * @param index the element index
   * @param tableau the local holding the run-time {@code StageTableau}
   * @param debug whether the plan is for the debug loop: inputs are then copied into locals first,
   *     because each stage's call sets the instance's input field
   */
  public static StepPlan neuron(NeuronIR model, Uniformity uniformity, LocalNames names,
      Map<String, List<String>> offsets, Map<String, Map<String, List<String>>> slopes,
      String index, String tableau, boolean debug) {
    StagedPlanner p = new StagedPlanner(model, names, tableau);
    Map<String, Expr> held = new LinkedHashMap<>();
    for (String input : offsets.keySet()) {
      Ref ref = new Ref(input, RefKind.INPUT);
      held.put(input, debug ? p.let(input + "_held", new Arith(ref)) : ref);
    }
    Map<String, Expr> updates = p.stages((s, bindings) -> {
      for (String input : offsets.keySet()) {
        Expr value = add(held.get(input), element(offsets.get(input).get(s), index));
        for (Map.Entry<String, List<String>> slope : slopes.get(input).entrySet()) {
          Expr x = bindings.getOrDefault(slope.getKey(), new Ref(slope.getKey(), RefKind.STATE));
          value = add(value, mul(element(slope.getValue().get(s), index), x));
        }
        bindings.put(input, p.let(input + "_stage" + (s + 1), new Arith(value)));
      }
    });
    p.store(updates);
    return p.build(uniformity, names, debug);
  }

  /** What a synapse's staged plan computes per stage for the emitter to add to the post arrays. */
  public record SynapseStages(StepPlan plan, List<String> offsets, List<String> slopes) {}

  /**
   * A synapse's staged plan; {@link #refusal} must be empty. The output's value at each stage is
   * split into {@code offset} (the output with the post value 0: the user's method in the debug
   * loop) and {@code slope} (∂output/∂post, which does not depend on the post value).
   */
  public static SynapseStages synapse(SynapseIR model, Uniformity uniformity, LocalNames names,
      String tableau, boolean debug) {
    StagedPlanner p = new StagedPlanner(model, names, tableau);
    Output out = model.output().orElseThrow();
    Optional<Post> post = readPost(model);
    Map<String, Expr> slopeLocals = new LinkedHashMap<>(out.locals());
    Optional<Expr> slope = post.map(q -> slopeOf(out, q, slopeLocals));
    Ode output = new Ode("out", out.methodName(), List.of(), out.value(), out.sourceText());
    Map<String, Expr> zeroLocals = atZero(out, post);
    Expr atZero = atZero(out.value(), post);
    List<String> offsets = new ArrayList<>();
    List<String> slopes = new ArrayList<>();
    Map<String, Expr> updates = p.stages((s, bindings) -> {
      Map<String, Ref> called = new LinkedHashMap<>(bindings);
      // A local named "0.0" renders as the literal: the debug loop sets the field to it.
      post.ifPresent(q -> called.put(q.fieldName(), local("0.0")));
      String stage = "_s" + (s + 1);
      Ref offset = p.let("out_offset" + (s + 1), new Rate(output, called,
          p.bodyLets.at("out offset", zeroLocals, atZero, bindings, "out_offset", stage)));
      offsets.add(offset.name());
      slope.ifPresent(e -> slopes.add(p.let("out_slope" + (s + 1), new Arith(
          p.bodyLets.at("out slope", slopeLocals, e, bindings, "out_slope", stage))).name()));
    });
    p.store(updates);
    return new SynapseStages(p.build(uniformity, names, debug), offsets, slopes);
  }

  /**
   * A neuron's staged plan under exponential Euler ({@code EXP_AUTO}, and {@code EXP_EULER}, whose
   * models are linear): the staged outputs are evaluated once, at the start of the step, and each
   * input is replaced by {@code input + offset[i] + Σ slope[i]·x} before the right-hand side is
   * differentiated, so the slopes enter the linear part (Brian2's {@code exponential_euler}, with
   * {@code g} at its start-of-step value). Every variable steps as {@code x + dt·exprel(dt·A)·f}.
   *
   * @param offsets per input, its offset array's local name (stage 1)
   * @param slopes per input, per state whose ODE reads it, its slope array's local name (stage 1)
   */
  public static StepPlan neuronExponential(NeuronIR model, Uniformity uniformity, LocalNames names,
      Map<String, String> offsets, Map<String, Map<String, String>> slopes, String index,
      boolean debug) {
    StagedPlanner p = new StagedPlanner(model, names, null);
    Map<String, Expr> inputs = new LinkedHashMap<>();
    Map<String, Ref> bindings = new LinkedHashMap<>();
    List<String> elements = new ArrayList<>();
    for (String input : offsets.keySet()) {
      Ref ref = new Ref(input, RefKind.INPUT);
      if (debug) { // a per-element local, like the arrays' elements: never hoisted
        ref = p.let(input + "_held", new Arith(ref));
        elements.add(ref.name());
      }
      Expr value = add(ref, p.element(offsets.get(input), index, elements));
      for (Map.Entry<String, String> slope : slopes.get(input).entrySet()) {
        value = add(value, mul(p.element(slope.getValue(), index, elements), state(slope.getKey())));
      }
      inputs.put(input, value);
      bindings.put(input, p.let(input + "_stage1", new Arith(value)));
    }
    Map<String, Expr> updates = new LinkedHashMap<>();
    for (Ode ode : model.odes()) {
      // Inputs replaced in the body's locals too, then differentiated through them (linear size).
      Map<String, Expr> locals = new LinkedHashMap<>();
      ode.locals().forEach((name, value) -> locals.put(name, Exprs.substitute(value, inputs)));
      Ode coupled = new Ode(ode.state(), ode.methodName(), ode.argNames(),
          Exprs.substitute(ode.rhs(), inputs), ode.sourceText(), locals);
      Expr linear = Linearity.slope(coupled, locals);
      updates.put(ode.state(),
          p.exponentialStep(ode, bindings, linear, locals, uniformity, elements));
    }
    p.store(updates);
    return p.build(uniformity, names, debug);
  }

  /**
   * A synapse's staged plan onto an exponential-Euler group: its output's offset and slope from the
   * state at the start of the step (after this step's deliveries), then its state advanced over
   * {@code dt} by exponential Euler, the group's method (exact for a linear decay).
   */
  public static SynapseStages synapseExponential(SynapseIR model, Uniformity uniformity,
      LocalNames names, boolean debug) {
    StagedPlanner p = new StagedPlanner(model, names, null);
    Output out = model.output().orElseThrow();
    Optional<Post> post = readPost(model);
    Ode output = new Ode("out", out.methodName(), List.of(), out.value(), out.sourceText());
    Map<String, Ref> called = new LinkedHashMap<>();
    post.ifPresent(q -> called.put(q.fieldName(), local("0.0")));
    Ref offset = p.let("out_offset1", new Rate(output, called, p.bodyLets.atStart(
        "out offset", atZero(out, post), atZero(out.value(), post), "out_offset")));
    List<String> slopes = new ArrayList<>();
    post.ifPresent(q -> {
      Map<String, Expr> slopeLocals = new LinkedHashMap<>(out.locals());
      Expr slope = slopeOf(out, q, slopeLocals);
      slopes.add(p.let("out_slope1", new Arith(
          p.bodyLets.atStart("out slope", slopeLocals, slope, "out_slope"))).name());
    });
    Map<String, Expr> updates = new LinkedHashMap<>();
    for (Ode ode : model.odes()) {
      Map<String, Expr> locals = new LinkedHashMap<>(ode.locals());
      Expr linear = Linearity.slope(ode, locals);
      updates.put(ode.state(),
          p.exponentialStep(ode, Map.of(), linear, locals, uniformity, List.of()));
    }
    p.store(updates);
    return new SynapseStages(p.build(uniformity, names, debug), List.of(offset.name()), slopes);
  }

  /**
   * {@code x + dt·exprel(dt·linear)·f(bindings)}; the factor is hoisted when {@code linear} is
   * uniform and reads none of the per-element {@code elements}.
   */
  private Expr exponentialStep(Ode ode, Map<String, Ref> bindings, Expr linear,
      Map<String, Expr> locals, Uniformity uniformity, List<String> elements) {
    String x = ode.state();
    Ref rate = let(x + "_rate", bodyLets.rate(ode, bindings, ""));
    Expr factor;
    if (linear instanceof Num n && n.value() == 0) {
      factor = dt(); // exprel(0) = 1: exactly Euler's step
    } else if (isUniform(linear, uniformity, elements)) {
      factor = hoist(x + "_expEulerFactor", new ExpEulerFactor(linear));
    } else {
      // Body locals (BODY refs, never uniform) become lets of the linear part's own locals.
      factor = let(x + "_expEulerFactor", new ExpEulerFactor(bodyLets.atStart(
          "staged " + x, locals,
          hoistUniform(linear, x + "_slopeTerm", new int[] {0}, uniformity, elements),
          x + "_linear")));
    }
    return add(state(x), mul(factor, rate));
  }

  private static boolean isUniform(Expr e, Uniformity uniformity, List<String> elements) {
    return uniformity.isUniform(e)
        && Exprs.refs(e).stream().noneMatch(r -> elements.contains(r.name()));
  }

  /** Hoists the largest non-trivial uniform parts of {@code e} that read no element local. */
  private Expr hoistUniform(Expr e, String prefix, int[] count, Uniformity uniformity,
      List<String> elements) {
    if (isUniform(e, uniformity, elements) && Uniformity.isNonTrivial(e)) {
      return hoist(prefix + ++count[0], new Arith(e));
    }
    return Exprs.mapChildren(e, c -> hoistUniform(c, prefix, count, uniformity, elements));
  }

  /** {@code array[index]}, remembered in {@code elements} (it varies per element). */
  private Ref element(String array, String index, List<String> elements) {
    Ref ref = element(array, index);
    elements.add(ref.name());
    return ref;
  }

  /**
   * Why {@code model} (a synapse) cannot run staged, or empty when it can: it needs an
   * {@code @Output} that reads at most one {@code @Post} field, affinely, and neither {@code t}
   * nor noise, and ODEs that read no {@code @Post} field and not {@code t}.
   */
  public static Optional<String> refusal(SynapseIR model) {
    if (model.output().isEmpty()) {
      return Optional.of(model.className() + " has no @Output");
    }
    if (!model.noises().isEmpty()) {
      return Optional.of(model.className() + " has @Noise terms");
    }
    Output out = model.output().get();
    List<Expr> outputParts = Exprs.reached(out.value(), out.locals());
    for (Ode ode : model.odes()) {
      if (Exprs.mentions(ode, RefKind.POST) || Exprs.mentions(ode, RefKind.TIME)) {
        return Optional.of("d" + ode.state() + "/dt = " + ode.sourceText()
            + " reads a postsynaptic variable or t");
      }
    }
    if (outputParts.stream().anyMatch(e -> Exprs.mentions(e, RefKind.TIME))) {
      return Optional.of("its @Output reads t");
    }
    List<Post> read = model.posts().stream()
        .filter(q -> outputParts.stream().anyMatch(e -> Exprs.mentions(e, q.fieldName())))
        .toList();
    if (read.size() > 1) {
      return Optional.of("its @Output reads more than one postsynaptic variable");
    }
    if (read.size() == 1) {
      Map<String, Expr> slopeLocals = new LinkedHashMap<>(out.locals());
      List<Expr> slope = Exprs.reached(slopeOf(out, read.get(0), slopeLocals), slopeLocals);
      if (slope.stream().anyMatch(e -> Exprs.mentions(e, RefKind.POST))) {
        return Optional.of("its @Output " + out.sourceText() + " is not affine in "
            + read.get(0).fieldName() + " (its derivative depends on it)");
      }
    }
    return Optional.empty();
  }

  /**
   * A neuron's staged layout: each input its ODEs read, with the states whose ODE reads it (the
   * states a staged output's slope may multiply). Empty when the neuron has no staged loops: it
   * reads no input in its ODEs, or has {@code @Noise} terms.
   */
  public static Map<String, List<String>> neuronLayout(NeuronIR model) {
    Map<String, List<String>> layout = new LinkedHashMap<>();
    if (!model.noises().isEmpty()) {
      return layout;
    }
    for (String input : model.inputs()) {
      List<String> states = model.odes().stream()
          .filter(o -> Exprs.mentions(o, input)).map(Ode::state).toList();
      if (!states.isEmpty()) {
        layout.put(input, states);
      }
    }
    return layout;
  }

  /** The {@code @Post} field the output reads, if any (see {@link #refusal}). */
  public static Optional<Post> readPost(SynapseIR model) {
    return model.posts().stream()
        .filter(q -> model.output().map(o -> Exprs.reached(o.value(), o.locals()).stream()
            .anyMatch(e -> Exprs.mentions(e, q.fieldName()))).orElse(false))
        .findFirst();
  }

  /**
   * {@code ∂output/∂post}, over the body locals of {@code locals} (a mutable copy of the output's,
   * which receives the derivatives of locals the slope reads).
   */
  private static Expr slopeOf(Output out, Post post, Map<String, Expr> locals) {
    return Simplifier.simplifyDerived(
        Derivative.of(out.value(), post.fieldName(), locals), out.value());
  }

  /** The output's locals with the postsynaptic variable it reads, if any, replaced by 0. */
  private static Map<String, Expr> atZero(Output out, Optional<Post> post) {
    Map<String, Expr> zero = new LinkedHashMap<>();
    out.locals().forEach((name, value) -> zero.put(name, atZero(value, post)));
    return zero;
  }

  /** {@code e} with the postsynaptic variable, if any, replaced by 0. */
  private static Expr atZero(Expr e, Optional<Post> post) {
    return post.map(q -> Exprs.substitute(e, Map.of(q.fieldName(), new Num(0.0)))).orElse(e);
  }

  /** {@code array[index]} as a leaf the renderers print verbatim. */
  private static Ref element(String array, String index) {
    return local(array + "[" + index + "]");
  }

  private interface StageHook {
    /** Adds this stage's lets; may bind more names (an input to its stage value). */
    void at(int stage, Map<String, Ref> bindings);
  }

  /** The four stages; returns each state's new value. */
  private Map<String, Expr> stages(StageHook hook) {
    List<Ode> odes = model.odes();
    Optional<Ref> time = timeRef();
    List<Map<String, Ref>> k = new ArrayList<>();
    for (int s = 0; s < STAGES; s++) {
      Map<String, Ref> bindings = new LinkedHashMap<>();
      if (s > 0) {
        for (Ode ode : odes) {
          String x = ode.state();
          Expr sum = null;
          for (int j = 0; j < s; j++) {
            Expr term = mul(coefficient("a" + (s + 1) + (j + 1)), k.get(j).get(x));
            sum = sum == null ? term : add(sum, term);
          }
          bindings.put(x, let(x + "_stage" + (s + 1), new Arith(add(state(x), mul(dt(), sum)))));
        }
        int stage = s;
        time.ifPresent(t -> bindings.put(t.name(), hoist("tStage" + (stage + 1),
            new Arith(add(t, mul(coefficient("c" + (stage + 1)), dt()))))));
      }
      hook.at(s, bindings);
      Map<String, Ref> rates = new LinkedHashMap<>();
      for (Ode ode : odes) {
        rates.put(ode.state(),
            let(ode.state() + "_k" + (s + 1), bodyLets.rate(ode, bindings, "_k" + (s + 1))));
      }
      k.add(rates);
    }
    Map<String, Expr> updates = new LinkedHashMap<>();
    for (Ode ode : odes) {
      String x = ode.state();
      Expr sum = null;
      for (int j = 0; j < STAGES; j++) {
        Expr term = mul(coefficient("b" + (j + 1)), k.get(j).get(x));
        sum = sum == null ? term : add(sum, term);
      }
      updates.put(x, add(state(x), mul(dt(), sum)));
    }
    return updates;
  }

  private Ref coefficient(String name) {
    return local(tableau + "." + name);
  }

  private Optional<Ref> timeRef() {
    for (Ode ode : model.odes()) {
      for (Ref r : Exprs.parts(ode).stream().flatMap(e -> Exprs.refs(e).stream()).toList()) {
        if (r.kind() == RefKind.TIME) {
          return Optional.of(r);
        }
      }
    }
    return Optional.empty();
  }

  private void store(Map<String, Expr> updates) {
    if (updates.size() == 1) {
      updates.forEach((x, value) -> perElement.add(new Store(x, value)));
      return;
    }
    Map<String, Ref> next = new LinkedHashMap<>();
    updates.forEach((x, value) -> next.put(x, let(x + "_new", new Arith(value))));
    next.forEach((x, ref) -> perElement.add(new Store(x, ref)));
  }

  private StepPlan build(Uniformity uniformity, LocalNames names, boolean debug) {
    StepPlan plan = new StepPlan(null, uniformity, hoisted, perElement);
    return debug ? bodyLets.withoutUnread(plan) : CommonSubexpressions.eliminate(plan, names);
  }

  private Ref let(String wanted, StepPlan.Value value) {
    String name = names.allocate(wanted);
    perElement.add(new Let(name, value));
    return local(name);
  }

  private Ref hoist(String wanted, StepPlan.Value value) {
    String name = names.allocate(wanted);
    hoisted.add(new Let(name, value));
    return local(name);
  }

  private static Ref state(String name) {
    return new Ref(name, RefKind.STATE);
  }
}
