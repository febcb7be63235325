package io.brainstem.processor.integrate;

import io.brainstem.processor.integrate.StepPlan.Arith;
import io.brainstem.processor.integrate.StepPlan.Diffusion;
import io.brainstem.processor.integrate.StepPlan.ExpEulerFactor;
import io.brainstem.processor.integrate.StepPlan.Let;
import io.brainstem.processor.integrate.StepPlan.Rate;
import io.brainstem.processor.integrate.StepPlan.Step;
import io.brainstem.processor.integrate.StepPlan.Store;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR.Noise;
import io.brainstem.processor.ir.ModelIR.Ode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the locals of the user's bodies ({@link RefKind#BODY}) into lets of a plan, so generated
 * code computes each once, as the user's method does, instead of pasting its value into every use
 * (which grows exponentially when locals read earlier locals several times). A local evaluated at
 * the same bindings is placed once and shared by the rate and the derived slope that read it.
 */
final class BodyLets {
  /** Places a let in the plan and returns the reference to it. */
  interface Sink {
    Ref let(String wanted, StepPlan.Value value);
  }

  /** Each owner's locals, with the derivatives of locals added as they are needed. */
  private final Map<String, Map<String, Expr>> locals = new HashMap<>();
  /** The lets already placed, by owner and bindings. */
  private final Map<List<Object>, Map<String, Ref>> placed = new HashMap<>();
  private final Sink sink;
  /** The names of the lets placed for body locals. */
  private final Set<String> names = new HashSet<>();

  BodyLets(Sink sink) {
    this.sink = sink;
  }

  /** The locals of {@code ode}, mutable so derivatives can be added; one map per ODE. */
  Map<String, Expr> locals(Ode ode) {
    return locals.computeIfAbsent("ode " + ode.state(), k -> new LinkedHashMap<>(ode.locals()));
  }

  /** The locals of {@code noise}, as for {@link #locals(Ode)}. */
  Map<String, Expr> locals(Noise noise) {
    return locals.computeIfAbsent("noise " + noise.state(),
        k -> new LinkedHashMap<>(noise.locals()));
  }

  /** The rate of {@code ode} at {@code bindings}, after lets for the locals it reads. */
  Rate rate(Ode ode, Map<String, Ref> bindings, String suffix) {
    Expr inlined = resolve("ode " + ode.state(), locals(ode), ode.rhs(), bindings,
        ode.state(), suffix);
    return new Rate(ode, bindings, inlined);
  }

  /** The diffusion of {@code noise} at {@code bindings}, after lets for the locals it reads. */
  Diffusion diffusion(Noise noise, Map<String, Ref> bindings) {
    Expr inlined = resolve("noise " + noise.state(), locals(noise), noise.diffusion(), bindings,
        noise.state() + "_noise", "");
    return new Diffusion(noise, bindings, inlined);
  }

  /** {@code e}, an expression over {@code ode}'s locals at the start of the step, made plannable. */
  Expr atStart(Ode ode, Expr e) {
    return resolve("ode " + ode.state(), locals(ode), e, Map.of(), ode.state(), "");
  }

  /** As {@link #atStart(Ode, Expr)} for an expression over {@code noise}'s locals. */
  Expr atStart(Noise noise, Expr e) {
    return resolve("noise " + noise.state(), locals(noise), e, Map.of(),
        noise.state() + "_noise", "");
  }

  /**
   * {@code e}, an expression over the locals {@code values} (owned by {@code owner}, e.g. a body
   * whose inputs were replaced), made plannable with lets named {@code prefix_<local>}.
   */
  Expr atStart(String owner, Map<String, Expr> values, Expr e, String prefix) {
    return resolve(owner, values, e, Map.of(), prefix, "");
  }

  /**
   * As {@link #atStart(String, Map, Expr, String)} with model variables bound by {@code bindings}
   * and {@code suffix} after each let's name (a stage's).
   */
  Expr at(String owner, Map<String, Expr> values, Expr e, Map<String, Ref> bindings,
      String prefix, String suffix) {
    return resolve(owner, values, e, bindings, prefix, suffix);
  }

  /**
   * {@code e} with model variables bound by {@code bindings} and each body local replaced by a let
   * named {@code prefix_<local><suffix>}, placed (with the locals it reads, in declaration order)
   * unless one for the same owner and bindings already is.
   */
  private Expr resolve(String owner, Map<String, Expr> values, Expr e, Map<String, Ref> bindings,
      String prefix, String suffix) {
    Map<String, Ref> known =
        placed.computeIfAbsent(List.of(owner, Map.copyOf(bindings)), k -> new HashMap<>());
    Set<String> needed = new HashSet<>();
    Exprs.forEachRef(e, r -> addBody(r, needed));
    List<String> order = new ArrayList<>(values.keySet());
    // Declaration order is a dependency order: a local reads only locals before it.
    for (int i = order.size() - 1; i >= 0; i--) {
      String name = order.get(i);
      if (needed.contains(name) && !known.containsKey(name)) {
        Exprs.forEachRef(values.get(name), r -> addBody(r, needed));
      }
    }
    for (String name : order) {
      if (needed.contains(name) && !known.containsKey(name)) {
        Expr value = substitute(values.get(name), bindings, known);
        String wanted = prefix + "_" + LocalLets.javaName(name) + suffix;
        Ref let = sink.let(wanted, new Arith(value));
        names.add(let.name());
        known.put(name, let);
      }
    }
    return substitute(e, bindings, known);
  }

  private static void addBody(Ref r, Set<String> out) {
    if (r.kind() == RefKind.BODY) {
      out.add(r.name());
    }
  }

  private static Expr substitute(Expr e, Map<String, Ref> bindings, Map<String, Ref> lets) {
    return Exprs.map(e, r -> r.kind() == RefKind.BODY ? lets.get(r.name())
        : r.kind() != RefKind.LOCAL && bindings.containsKey(r.name()) ? bindings.get(r.name())
        : r);
  }

  /**
   * {@code plan} without the lets of body locals nothing in it reads, as the debug loop renders
   * it: it calls the user's methods with the bound values, so those lets are unused there. (Other
   * lets stay: the emitter may read them after the plan.)
   */
  StepPlan withoutUnread(StepPlan plan) {
    List<Step> kept = withoutUnread(plan.perElement(), new HashSet<>());
    return new StepPlan(plan.integrator(), plan.uniformity(), plan.hoisted(), kept);
  }

  /** {@code steps} without the unread lets of user locals, adding what they read to {@code read}. */
  private List<Step> withoutUnread(List<Step> steps, Set<String> read) {
    List<Step> kept = new ArrayList<>();
    for (int s = steps.size() - 1; s >= 0; s--) {
      Step step = steps.get(s);
      if (step instanceof Let let && names.contains(let.name()) && !read.contains(let.name())) {
        continue;
      }
      if (step instanceof StepPlan.Stages stages) {
        // Reads of a later stage reach back to an earlier one only through saved slopes.
        step = new StepPlan.Stages(stages.method(), stages.stage(),
            withoutUnread(stages.body(), read));
      }
      kept.add(step);
      debugReads(step).forEach(e -> Exprs.forEachRef(e, r -> read.add(r.name())));
    }
    Collections.reverse(kept);
    return kept;
  }

  private static List<Expr> debugReads(Step step) {
    if (step instanceof Store store) {
      return List.of(store.value());
    } else if (step instanceof StepPlan.SaveSlope save) {
      return List.of(save.value());
    } else if (step instanceof StepPlan.Stages) {
      return List.of();
    }
    StepPlan.Value value = ((Let) step).value();
    if (value instanceof Arith a) {
      return List.of(a.expr());
    } else if (value instanceof Rate r) {
      return List.copyOf(r.bindings().values());
    } else if (value instanceof Diffusion d) {
      return List.copyOf(d.bindings().values());
    } else if (value instanceof ExpEulerFactor f) {
      return List.of(f.linearPart());
    } else if (value instanceof StepPlan.StageTime time) {
      return List.of(time.time());
    }
    return List.of();
  }
}
