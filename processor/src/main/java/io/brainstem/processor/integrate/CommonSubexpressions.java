package io.brainstem.processor.integrate;

import io.brainstem.processor.integrate.StepPlan.Arith;
import io.brainstem.processor.integrate.StepPlan.Diffusion;
import io.brainstem.processor.integrate.StepPlan.ExpEulerFactor;
import io.brainstem.processor.integrate.StepPlan.Let;
import io.brainstem.processor.integrate.StepPlan.Rate;
import io.brainstem.processor.integrate.StepPlan.SaveSlope;
import io.brainstem.processor.integrate.StepPlan.Stages;
import io.brainstem.processor.integrate.StepPlan.Step;
import io.brainstem.processor.integrate.StepPlan.Store;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.BinOp;
import io.brainstem.processor.ir.Expr.Binary;
import io.brainstem.processor.ir.Expr.Call;
import io.brainstem.processor.ir.Expr.Cond;
import io.brainstem.processor.ir.Expr.Logic;
import io.brainstem.processor.ir.Expr.Neg;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Computes each repeated sub-expression of a kernel's {@link StepPlan} once: exponential Euler's
 * factor repeats the gating rates of its right-hand side, and a user's {@code alpha(v)} often
 * appears in several places of one rate. Each shared value becomes a {@code final double} local
 * placed before its first use, and every occurrence reads that local.
 *
 * <p>The result stays bit-identical to the unshared plan and so to the debug loop: a local holds
 * exactly the tree it replaces, evaluated by the same operations in the same order (Java neither
 * fuses nor reassociates, and the {@code Math} functions are deterministic), and nothing is
 * simplified or reordered. Only kernels use it; the debug loop calls the user's methods.
 *
 * <p>Largest trees are shared first, so {@code alpha} becomes one local before its own repeated
 * parts are considered. A tree is worth a local when it calls a function or divides; it must be
 * evaluated unconditionally at least once (not only inside a branch of {@code ?:} or after
 * {@code &&}/{@code ||}), so sharing never adds work to a path that skipped it. Hoisted lets are
 * shared among themselves, and the loop reads a hoisted value instead of recomputing it. Locals
 * are named after the user's own locals where the tree is one ({@code m_alpha}), else
 * {@code <state>_common<n>}, numbered in the order they are computed.
 */
public final class CommonSubexpressions {
  private final LocalNames names;
  /** The states whose rates the plan evaluates, to name a local after the state it serves. */
  private final Set<String> states = new HashSet<>();
  private final Map<String, String> prefixes = new HashMap<>();
  private final Map<String, Integer> counters = new HashMap<>();

  private CommonSubexpressions(LocalNames names) {
    this.names = names;
  }

  /**
   * {@code plan} with repeated sub-expressions shared: among the hoisted lets, then in the element
   * loop, which also reads any hoisted value it would otherwise recompute. Names are allocated from
   * {@code names}, the allocator the plan was built with.
   */
  public static StepPlan eliminate(StepPlan plan, LocalNames names) {
    if (tooLarge(plan)) {
      // The search is quadratic in the plan; past this size compile time matters more (the
      // user's locals are lets already, and the JIT shares what is left).
      return plan;
    }
    CommonSubexpressions cse = new CommonSubexpressions(names);
    for (Step step : flat(plan.perElement())) {
      if (step instanceof Let let && let.value() instanceof Rate r) {
        cse.states.add(r.ode().state());
      }
    }
    List<Step> hoisted = cse.share(new ArrayList<>(plan.hoisted()), Map.of());
    List<Step> perElement = new ArrayList<>(plan.perElement());
    // The user's locals are lets of the plan already (BodyLets), so shared trees get plain names.
    Map<Expr, String> userNames = new HashMap<>();
    // The loop reads a value computed before it rather than recomputing it.
    for (Step step : hoisted) {
      if (((Let) step).value() instanceof Arith a && isWorthALocal(a.expr())) {
        Ref local = Exprs.local(((Let) step).name());
        UnaryOperator<Expr> reuse = e -> replace(e, a.expr(), local);
        perElement.replaceAll(s -> rewrite(s, reuse));
        Map<Expr, String> renamed = new HashMap<>();
        userNames.forEach((tree, name) -> renamed.putIfAbsent(reuse.apply(tree), name));
        userNames = renamed;
      }
    }
    perElement = cse.share(perElement, userNames);
    // A stage loop's body is shared on its own: its values change from stage to stage.
    Map<Expr, String> loopNames = userNames;
    perElement = perElement.stream()
        .map(step -> step instanceof Stages st
            ? new Stages(st.method(), st.stage(), cse.share(new ArrayList<>(st.body()), loopNames))
            : step)
        .toList();
    return new StepPlan(plan.integrator(), plan.uniformity(),
        hoisted.stream().map(Let.class::cast).toList(), perElement);
  }

  /**
   * Shares one repeated tree at a time, the largest first, until none is left; then places each
   * shared local just before the first step that reads it, after the shared locals it reads itself,
   * and names the locals in that order.
   */
  private List<Step> share(List<Step> steps, Map<Expr, String> userNames) {
    // Shared locals in the order they were found, under provisional names no Java identifier can
    // have; their definitions are rewritten like the steps.
    List<Step> shared = new ArrayList<>();
    Map<String, String> wanted = new HashMap<>();
    Optional<Expr> next;
    while ((next = mostValuable(steps, shared)).isPresent()) {
      Expr tree = next.get();
      Step first = firstUse(steps, shared, tree);
      if (first instanceof Let let && let.value() instanceof Arith a && a.expr().equals(tree)
          && steps.contains(let)) {
        // Already a local of the plan (such as x_slope): the later uses read it.
        Ref local = Exprs.local(let.name());
        UnaryOperator<Expr> reuse = e -> replace(e, tree, local);
        steps.replaceAll(step -> step.equals(let) ? step : rewrite(step, reuse));
        shared.replaceAll(step -> rewrite(step, reuse));
        continue;
      }
      String provisional = "#" + shared.size();
      String prefix = prefix(first);
      prefixes.put(provisional, prefix);
      String userName = userNames.get(tree);
      wanted.put(provisional, userName == null ? null : prefix + "_" + userName);
      Ref local = Exprs.local(provisional);
      steps.replaceAll(step -> rewrite(step, e -> replace(e, tree, local)));
      shared.replaceAll(step -> rewrite(step, e -> replace(e, tree, local)));
      shared.add(new Let(provisional, new Arith(tree)));
    }
    List<Step> placed = placed(steps, shared);
    Map<String, Expr> renamed = new HashMap<>();
    for (Step step : placed) {
      if (step instanceof Let let && wanted.containsKey(let.name())) {
        String prefix = prefixes.get(let.name());
        String name = wanted.get(let.name()) != null ? wanted.get(let.name())
            : prefix + "_common" + counters.merge(prefix, 1, Integer::sum);
        renamed.put(let.name(), Exprs.local(names.allocate(name)));
      }
    }
    return placed.stream().map(step -> rename(step, renamed)).toList();
  }

  private static Step rename(Step step, Map<String, Expr> renamed) {
    Step rewritten = rewrite(step, e -> Exprs.map(e, r -> r.kind() == RefKind.LOCAL
        ? renamed.getOrDefault(r.name(), r) : r));
    if (rewritten instanceof Let let && renamed.containsKey(let.name())) {
      return new Let(((Ref) renamed.get(let.name())).name(), let.value());
    }
    return rewritten;
  }

  /** {@code steps} with each shared local defined before its first reader, in reading order. */
  private static List<Step> placed(List<Step> steps, List<Step> shared) {
    Map<String, Step> byName = new HashMap<>();
    shared.forEach(let -> byName.put(((Let) let).name(), let));
    List<Step> out = new ArrayList<>();
    for (Step step : steps) {
      define(step, byName, out);
      out.add(step);
    }
    return out;
  }

  /** Adds the definitions of the shared locals {@code step} reads and has not seen yet. */
  private static void define(Step step, Map<String, Step> pending, List<Step> out) {
    expr(step).ifPresent(e -> Exprs.forEachRef(e, r -> {
      Step definition = r.kind() == RefKind.LOCAL ? pending.remove(r.name()) : null;
      if (definition != null) {
        define(definition, pending, out);
        out.add(definition);
      }
    }));
  }

  /** How often a tree is evaluated (in all, and outside conditional branches), and where. */
  private static final class Tally {
    int total;
    int unconditional;
    int firstStep = Integer.MAX_VALUE;
    int lastStep = -1;
  }

  /**
   * The largest tree worth sharing that occurs at least twice in {@code steps} and the definitions
   * of the locals {@code shared} so far, the earliest on ties.
   */
  private static Optional<Expr> mostValuable(List<Step> steps, List<Step> shared) {
    Map<Expr, Tally> tallies = new LinkedHashMap<>();
    for (int s = 0; s < steps.size(); s++) {
      Optional<Expr> e = expr(steps.get(s));
      if (e.isPresent()) {
        count(e.get(), false, s, tallies);
      }
    }
    // A shared local is computed unconditionally, just before the first step that reads it.
    Map<String, Integer> homes = new HashMap<>();
    for (Step definition : shared) {
      int home = home(definition, steps, shared, homes);
      count(expr(definition).orElseThrow(), false, home, tallies);
    }
    Expr best = null;
    int bestSize = 0;
    for (Map.Entry<Expr, Tally> entry : tallies.entrySet()) {
      Expr e = entry.getKey();
      Tally tally = entry.getValue();
      if (tally.total >= 2 && tally.unconditional >= 1 && isWorthALocal(e)
          && !storedBetween(steps, e, tally.firstStep, tally.lastStep)) {
        int size = size(e);
        if (size > bestSize) {
          best = e;
          bestSize = size;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static void count(Expr e, boolean conditional, int step, Map<Expr, Tally> tallies) {
    Tally tally = tallies.computeIfAbsent(e, key -> new Tally());
    tally.total++;
    if (!conditional) {
      tally.unconditional++;
    }
    tally.firstStep = Math.min(tally.firstStep, step);
    tally.lastStep = Math.max(tally.lastStep, step);
    List<Expr> children = Exprs.children(e);
    for (int i = 0; i < children.size(); i++) {
      // A branch of ?: and the right operand of && or || are evaluated only sometimes.
      boolean branch = (e instanceof Cond && i > 0) || (e instanceof Logic && i > 0);
      count(children.get(i), conditional || branch, step, tallies);
    }
  }

  /**
   * A number (not a test) that calls a function or divides: never a literal or a plain or negated
   * reference, nor a chain of {@code + - *}, which the JIT's value numbering shares by itself and
   * which reads better as written.
   */
  static boolean isWorthALocal(Expr e) {
    boolean numeric = e instanceof Neg || e instanceof Binary || e instanceof Call
        || e instanceof Cond;
    return numeric && Uniformity.isNonTrivial(e) && containsCallOrDivision(e);
  }

  /** Plans with more expression nodes than this are left unshared. */
  static final int MAX_NODES = 2_000;

  private static boolean tooLarge(StepPlan plan) {
    long nodes = 0;
    List<Step> steps = new ArrayList<>(plan.hoisted());
    steps.addAll(flat(plan.perElement()));
    for (Step step : steps) {
      Optional<Expr> e = expr(step);
      nodes += e.isPresent() ? nodes(e.get(), MAX_NODES + 1) : 0;
      if (nodes > MAX_NODES) {
        return true;
      }
    }
    return false;
  }

  /** The number of nodes of {@code e}, counting stopped past {@code limit}. */
  private static long nodes(Expr e, long limit) {
    long n = 1;
    for (Expr child : Exprs.children(e)) {
      n += nodes(child, limit - n);
      if (n > limit) {
        return n;
      }
    }
    return n;
  }

  /** The number of operators, calls and choices in {@code e}. */
  private static int size(Expr e) {
    int own = Exprs.children(e).isEmpty() ? 0 : 1;
    return own + Exprs.children(e).stream().mapToInt(CommonSubexpressions::size).sum();
  }

  private static boolean containsCallOrDivision(Expr e) {
    if (e instanceof Call || (e instanceof Binary b && b.op() == BinOp.DIV)) {
      return true;
    }
    return Exprs.children(e).stream().anyMatch(CommonSubexpressions::containsCallOrDivision);
  }

  /**
   * True when a state {@code e} reads is stored between its first and last use, so the uses see
   * different values. (The planner stores after every read, so this only guards the invariant.)
   */
  private static boolean storedBetween(List<Step> steps, Expr e, int first, int last) {
    Set<Ref> refs = Exprs.refs(e);
    for (int s = first; s < last; s++) {
      if (steps.get(s) instanceof Store store
          && refs.contains(new Ref(store.state(), RefKind.STATE))) {
        return true;
      }
    }
    return false;
  }

  /** The step or shared definition that evaluates {@code tree} first. */
  private static Step firstUse(List<Step> steps, List<Step> shared, Expr tree) {
    Step first = null;
    int firstIndex = Integer.MAX_VALUE;
    Map<String, Integer> homes = new HashMap<>();
    for (Step definition : shared) {
      int index = home(definition, steps, shared, homes);
      if (index < firstIndex && contains(expr(definition).orElseThrow(), tree)) {
        first = definition;
        firstIndex = index;
      }
    }
    for (int s = 0; s < Math.min(steps.size(), firstIndex); s++) {
      Optional<Expr> e = expr(steps.get(s));
      if (e.isPresent() && contains(e.get(), tree)) {
        return steps.get(s);
      }
    }
    if (first == null) {
      throw new IllegalStateException("no use of " + tree);
    }
    return first;
  }

  /**
   * The index of the first step that reads the shared local {@code definition}, maybe through
   * other shared locals; {@code homes} remembers the answers.
   */
  private static int home(
      Step definition, List<Step> steps, List<Step> shared, Map<String, Integer> homes) {
    String name = ((Let) definition).name();
    Integer known = homes.get(name);
    if (known != null) {
      return known;
    }
    Ref local = Exprs.local(name);
    int home = Integer.MAX_VALUE;
    for (int s = 0; s < steps.size(); s++) {
      Optional<Expr> e = expr(steps.get(s));
      if (e.isPresent() && contains(e.get(), local)) {
        home = s;
        break;
      }
    }
    for (Step reader : shared) {
      if (contains(expr(reader).orElseThrow(), local)) {
        home = Math.min(home, home(reader, steps, shared, homes));
      }
    }
    homes.put(name, home);
    return home;
  }

  private static boolean contains(Expr e, Expr part) {
    return e.equals(part) || Exprs.children(e).stream().anyMatch(c -> contains(c, part));
  }

  private static Expr replace(Expr e, Expr target, Ref local) {
    return e.equals(target) ? local : Exprs.mapChildren(e, c -> replace(c, target, local));
  }

  /** {@code steps} with the bodies of stage loops spliced in. */
  private static List<Step> flat(List<Step> steps) {
    List<Step> out = new ArrayList<>();
    for (Step step : steps) {
      out.add(step);
      if (step instanceof Stages st) {
        out.addAll(flat(st.body()));
      }
    }
    return out;
  }

  /** The expression a step evaluates, in the form kernels render (none for a stage loop). */
  private static Optional<Expr> expr(Step step) {
    if (step instanceof Store store) {
      return Optional.of(store.value());
    } else if (step instanceof SaveSlope save) {
      return Optional.of(save.value());
    } else if (step instanceof Stages) {
      return Optional.empty();
    }
    StepPlan.Value value = ((Let) step).value();
    if (value instanceof Arith a) {
      return Optional.of(a.expr());
    } else if (value instanceof Rate r) {
      return Optional.of(r.inlined());
    } else if (value instanceof ExpEulerFactor f) {
      return Optional.of(f.linearPart());
    } else if (value instanceof Diffusion d) {
      return Optional.of(d.inlined());
    }
    return Optional.empty();
  }

  private static Step rewrite(Step step, UnaryOperator<Expr> f) {
    if (step instanceof Store store) {
      return new Store(store.state(), f.apply(store.value()));
    } else if (step instanceof SaveSlope save) {
      return new SaveSlope(save.slopes(), f.apply(save.value()));
    } else if (step instanceof Stages st) {
      return new Stages(st.method(), st.stage(),
          st.body().stream().map(b -> rewrite(b, f)).toList());
    }
    Let let = (Let) step;
    StepPlan.Value value = let.value();
    if (value instanceof Arith a) {
      value = new Arith(f.apply(a.expr()));
    } else if (value instanceof Rate r) {
      value = new Rate(r.ode(), r.bindings(), f.apply(r.inlined()));
    } else if (value instanceof ExpEulerFactor factor) {
      value = new ExpEulerFactor(f.apply(factor.linearPart()));
    } else if (value instanceof Diffusion d) {
      value = new Diffusion(d.noise(), d.bindings(), f.apply(d.inlined()));
    }
    return new Let(let.name(), value);
  }

  /**
   * What a shared local's name starts with: the state whose rate (or diffusion, or store) first
   * uses it; a stage's rate name such as {@code m_k2}; the prefix of the shared local it is part
   * of; the state a local such as {@code m_expEulerFactor} is named after; else the local's name.
   */
  private String prefix(Step user) {
    if (user instanceof Store store) {
      return store.state();
    } else if (user instanceof SaveSlope save) {
      return save.slopes();
    }
    Let let = (Let) user;
    if (prefixes.containsKey(let.name())) {
      return prefixes.get(let.name());
    } else if (let.value() instanceof Rate r) {
      String state = r.ode().state();
      return let.name().equals(state + "_rate") || let.name().equals(state + "_slope")
          ? state : let.name();
    } else if (let.value() instanceof Diffusion d) {
      return d.noise().state();
    }
    return states.stream()
        .filter(state -> let.name().startsWith(state + "_"))
        .max((a, b) -> Integer.compare(a.length(), b.length()))
        .orElse(let.name());
  }
}
