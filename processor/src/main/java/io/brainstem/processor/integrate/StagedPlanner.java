package io.brainstem.processor.integrate;

import static io.brainstem.processor.integrate.Exprs.add;
import static io.brainstem.processor.integrate.Exprs.dt;
import static io.brainstem.processor.integrate.Exprs.local;
import static io.brainstem.processor.integrate.Exprs.mul;

import io.brainstem.processor.integrate.StepPlan.Arith;
import io.brainstem.processor.integrate.StepPlan.Let;
import io.brainstem.processor.integrate.StepPlan.Rate;
import io.brainstem.processor.integrate.StepPlan.Step;
import io.brainstem.processor.integrate.StepPlan.Store;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Num;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
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
 * stages whose coefficients are read at run time from a {@code StageTableau} (locals {@code a21 ..
 * b4}, {@code c2 .. c4}), so one loop serves every Runge–Kutta method. A neuron's stage {@code s}
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
  private final Map<String, Ref> coefficients = new LinkedHashMap<>();
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
  public static StepPlan neuron(ModelIR model, Uniformity uniformity, LocalNames names,
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
  public static SynapseStages synapse(ModelIR model, Uniformity uniformity, LocalNames names,
      String tableau, boolean debug) {
    StagedPlanner p = new StagedPlanner(model, names, tableau);
    Output out = model.output().orElseThrow();
    Optional<Post> post = readPost(model);
    Optional<Expr> slope = post.map(q -> slopeOf(out, q));
    Ode output = new Ode("out", out.methodName(), List.of(), out.value(), out.sourceText());
    List<String> offsets = new ArrayList<>();
    List<String> slopes = new ArrayList<>();
    Map<String, Expr> updates = p.stages((s, bindings) -> {
      Map<String, Ref> atZero = new LinkedHashMap<>(bindings);
      Map<String, Expr> inlined = new LinkedHashMap<>(bindings);
      post.ifPresent(q -> {
        // A local named "0.0" renders as the literal: the debug loop sets the field to it.
        atZero.put(q.fieldName(), local("0.0"));
        inlined.put(q.fieldName(), new Num(0.0));
      });
      Ref offset = p.let("out_offset" + (s + 1),
          new Rate(output, atZero, Exprs.substitute(out.value(), inlined)));
      offsets.add(offset.name());
      slope.ifPresent(e -> slopes.add(p.let("out_slope" + (s + 1),
          new Arith(Exprs.substitute(e, bindings))).name()));
    });
    p.store(updates);
    return new SynapseStages(p.build(uniformity, names, debug), offsets, slopes);
  }

  /**
   * Why {@code model} (a synapse) cannot run staged, or empty when it can: it needs an
   * {@code @Output} that reads at most one {@code @Post} field, affinely, and neither {@code t}
   * nor noise, and ODEs that read no {@code @Post} field and not {@code t}.
   */
  public static Optional<String> refusal(ModelIR model) {
    if (model.output().isEmpty()) {
      return Optional.of(model.className() + " has no @Output");
    }
    if (!model.noises().isEmpty()) {
      return Optional.of(model.className() + " has @Noise terms");
    }
    Output out = model.output().get();
    for (Ode ode : model.odes()) {
      if (Exprs.mentions(ode, RefKind.POST) || Exprs.mentions(ode, RefKind.TIME)) {
        return Optional.of("d" + ode.state() + "/dt = " + ode.sourceText()
            + " reads a postsynaptic variable or t");
      }
    }
    if (Exprs.mentions(out.value(), RefKind.TIME)) {
      return Optional.of("its @Output reads t");
    }
    List<Post> read = model.posts().stream()
        .filter(q -> Exprs.mentions(out.value(), q.fieldName())).toList();
    if (read.size() > 1) {
      return Optional.of("its @Output reads more than one postsynaptic variable");
    }
    if (read.size() == 1) {
      Expr slope = slopeOf(out, read.get(0));
      if (Exprs.mentions(slope, read.get(0).fieldName()) || Exprs.mentions(slope, RefKind.POST)) {
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
  public static Map<String, List<String>> neuronLayout(ModelIR model) {
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
  public static Optional<Post> readPost(ModelIR model) {
    return model.posts().stream()
        .filter(q -> model.output().map(o -> Exprs.mentions(o.value(), q.fieldName()))
            .orElse(false))
        .findFirst();
  }

  private static Expr slopeOf(Output out, Post post) {
    return Simplifier.simplifyDerived(Derivative.of(out.value(), post.fieldName()), out.value());
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
    return coefficients.computeIfAbsent(name,
        n -> hoist(n, new Arith(local(tableau + "." + n))));
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
