package io.brainstem.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.brainstem.processor.integrate.Exprs;
import io.brainstem.processor.integrate.LocalLets;
import io.brainstem.processor.integrate.LocalNames;
import io.brainstem.processor.integrate.StepPlan;
import io.brainstem.processor.integrate.StepPlan.Arith;
import io.brainstem.processor.integrate.StepPlan.Diffusion;
import io.brainstem.processor.integrate.StepPlan.ExpEulerFactor;
import io.brainstem.processor.integrate.StepPlan.Let;
import io.brainstem.processor.integrate.StepPlan.Rate;
import io.brainstem.processor.integrate.StepPlan.StandardNormal;
import io.brainstem.processor.integrate.StepPlan.Step;
import io.brainstem.processor.integrate.StepPlan.Store;
import io.brainstem.processor.ir.Assign;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.ModelIR;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a kernel {@link StepPlan}'s element statements lane-wise for a vector kernel: each
 * {@link Let} becomes a {@code DoubleVector} (or a {@code double} when its value is uniform), each
 * {@link Store} an assignment of the state's vector, blended with the old value on refractory lanes.
 */
final class VectorPlanRenderer {
  private final ModelIR model;
  private final LocalNames locals;
  /** The counter of lanes an exprel loop leaves to the scalar function. */
  private final String farLanes;
  private final Variant variant;
  private final StepPlan plan;
  private final Set<String> hoisted = new HashSet<>();
  /** Per-element locals that hold vectors (the others hold doubles). */
  private final Set<String> vectorLocals = new HashSet<>();
  /** Element statements whose value turned out uniform, for before the loop. */
  private final List<Stmt> uniformLets = new ArrayList<>();
  private final VectorExprRenderer exprs;
  /** The loop's element index, which keys noise draws. */
  private final String index;
  /** The expression of the owner's noise seed, e.g. {@code group.noiseSeed()}. */
  private final String noiseSeed;
  /** The kernel class's species field, {@code S}. */
  private final String species;

  /**
   * A renderer of {@code plan} for a kernel looping over {@code index}; its noise draws, if any,
   * are keyed by {@code noiseSeed} (an expression) and the index; {@code species} names the
   * kernel class's species field.
   */
  VectorPlanRenderer(ModelIR model, Vars vars, Variant variant, StepPlan plan, LocalNames locals,
      String index, String noiseSeed, String species) {
    this.index = index;
    this.species = species;
    this.noiseSeed = noiseSeed;
    this.model = model;
    this.locals = locals;
    this.farLanes = locals.allocate("farLanes");
    this.variant = variant;
    this.plan = plan;
    plan.hoisted().forEach(l -> hoisted.add(l.name()));
    this.exprs = new VectorExprRenderer(vars::name, this::isVector, species);
  }

  private boolean isVector(Ref r) {
    return switch (r.kind()) {
      case STATE, INPUT, POST, PRE -> true;
      case PARAM -> variant == Variant.PER_ELEMENT;
      case TIME, DT, BODY -> false;
      case LOCAL -> !hoisted.contains(r.name()) && vectorLocals.contains(r.name());
    };
  }

  /**
   * The element statements whose value turned out uniform (e.g. the rate of {@code dr/dt = 1}),
   * each to compute once before the loop, as {@link Stmt}s defining a {@code double}.
   */
  /** The name of the counter {@link Stmt#isExprel} statements add their far lanes to. */
  String farLanes() {
    return farLanes;
  }

  List<Stmt> uniformLets() {
    return List.copyOf(uniformLets);
  }

  /** {@code e} as a vector. */
  CodeBlock vector(Expr e) {
    return exprs.vector(e);
  }

  /** A boolean expression as a mask. */
  CodeBlock mask(Expr e) {
    return exprs.mask(e);
  }

  /** The lets of body locals read by an expression outside the plan (the threshold), in place. */
  CodeBlock lets(LocalLets lets) {
    return exprs.lets(lets.lets(), vectorLocals);
  }

  /** The vector operations of {@code lets} and their value (after {@link #lets} rendered them). */
  int cost(LocalLets lets) {
    return lets.lets().stream().mapToInt(l -> cost(l.value())).sum() + cost(lets.value());
  }

  /** The new value of a reset assignment's state, as {@code state op value} lane-wise. */
  CodeBlock assigned(Assign a) {
    CodeBlock value = exprs.vector(a.value());
    return switch (a.op()) {
      case SET -> value;
      case ADD -> CodeBlock.of("$L.add($L)", a.state(), value);
      case SUB -> CodeBlock.of("$L.sub($L)", a.state(), value);
      case MUL -> CodeBlock.of("$L.mul($L)", a.state(), value);
      case DIV -> CodeBlock.of("$L.div($L)", a.state(), value);
    };
  }

  /**
   * One element statement of a vector kernel: its code, the local it defines (null for a state
   * update), what it reads (model variables and locals) and its size in vector operations, which
   * decides how kernels are split into loops (see VectorGroupEmitter).
   */
  record Stmt(CodeBlock code, String defines, Set<Ref> reads, int cost, String exprelOf) {
    Stmt(CodeBlock code, String defines, Set<Ref> reads, int cost) {
      this(code, defines, reads, cost, null);
    }

    /** Whether this is {@code dt·exprel(exprelOf)}, which gets a loop of its own (see LoopSplit). */
    boolean isExprel() {
      return exprelOf != null;
    }
  }

  /** Vector operations of one lane-wise {@code exprel}: Horner's 28, the range count. */
  static final int EXPREL_COST = 32;

  /**
   * The element statements in order; with {@code refractory} (a mask variable) each state keeps
   * its old value on the lanes where the mask is set, as the scalar kernel skips integrating them.
   * Statements whose value is uniform go to {@link #beforeLoop()} instead.
   */
  List<Stmt> statements(String refractory) {
    vectorLocals.clear();
    uniformLets.clear();
    return statements(plan.perElement(), refractory);
  }

  /** Where a stage loop's values are in the carry buffer (see {@link #carried}). */
  private java.util.Map<String, CodeBlock> carrySlots = java.util.Map.of();
  private String carry;
  private String at;

  /**
   * Renders a stage loop's values through the carry buffer {@code carry} at element offset
   * {@code at}: a state's stage value and its step's result at {@code slots.get(state)}, a
   * variable's slopes ({@code x_k}) at {@code slots.get(x_k)}, the stage's slot.
   */
  void carried(String carry, String at, java.util.Map<String, CodeBlock> slots) {
    this.carry = carry;
    this.at = at;
    this.carrySlots = slots;
  }

  /**
   * In an unrolled Runge–Kutta kernel: each state's local of its stage state, which the kernel
   * declares and assigns (after the last stage it holds the result).
   */
  private java.util.Map<String, String> next;
  /** In an unrolled Runge–Kutta kernel: the local each slope buffer's stage goes to. */
  private java.util.Map<String, String> slopeOf;

  /**
   * Renders the stage plan's statements for one stage of an unrolled kernel, the slopes in
   * registers: a state's stage value is the kernel's local {@code next.get(state)} (the stage
   * state's own name: no statement), a slope is assigned to {@code slopeOf.get(x_k)}, directly
   * by its rate when nothing else reads the rate.
   */
  void unrolled(java.util.Map<String, String> next, java.util.Map<String, String> slopeOf) {
    this.next = next;
    this.slopeOf = slopeOf;
  }

  /** In an unrolled kernel: each rate local only a slope's save reads, and that slope's local. */
  private java.util.Map<String, String> savedRates(List<Step> steps) {
    java.util.Map<String, String> saved = new java.util.HashMap<>();
    for (Step step : steps) {
      if (step instanceof StepPlan.SaveSlope save && save.value() instanceof Ref r
          && r.kind() == Expr.RefKind.LOCAL && steps.stream().filter(other -> other != step)
              .noneMatch(other -> other instanceof Let l && Exprs.refs(exprOf(l.value()))
                  .contains(r))) {
        saved.put(r.name(), slopeOf.get(save.slopes()));
      }
    }
    return saved;
  }

  /** The expression a let's value reads (null-safe for values without one). */
  private static Expr exprOf(StepPlan.Value value) {
    if (value instanceof Rate rate) {
      return rate.inlined();
    } else if (value instanceof Arith a) {
      return a.expr();
    }
    return Exprs.dt();
  }

  /**
   * A stage loop plan's statements, run once per stage: the stage states (loaded from the carry
   * buffer, where the runtime's {@code RungeKutta} put them), the rates, and the saves of the
   * slopes, which come last as statements defining no local.
   */
  List<Stmt> stageStatements() {
    vectorLocals.clear();
    uniformLets.clear();
    StepPlan.Stages stages = (StepPlan.Stages) plan.perElement().stream()
        .filter(StepPlan.Stages.class::isInstance).findFirst().orElseThrow();
    return statements(stages.body(), null);
  }

  /** A stage loop plan's statements after the loop: the results (from the buffer), the stores. */
  List<Stmt> afterStages(String refractory) {
    return statements(plan.perElement().stream()
        .filter(step -> !(step instanceof StepPlan.Stages)).toList(), refractory);
  }

  private List<Stmt> statements(List<Step> steps, String refractory) {
    List<Stmt> out = new ArrayList<>();
    java.util.Map<String, String> direct = PlanRenderer.directResults(steps);
    java.util.Map<String, String> saved = next == null ? java.util.Map.of() : savedRates(steps);
    Set<String> assignedSlopes = new HashSet<>();
    for (Step step : steps) {
      if (step instanceof Let let && direct.containsKey(let.name())) {
        continue;
      } else if (step instanceof Store store && store.value() instanceof Ref r
          && direct.containsKey(r.name())) {
        // The result straight from the buffer, where the runtime's RungeKutta.step put it (or,
        // unrolled, from its local).
        CodeBlock value = next != null ? CodeBlock.of("$L", next.get(store.state()))
            : CodeBlock.of("$T.fromArray($L, $L, $L + $L)", RuntimeNames.DOUBLE_VECTOR, species,
                carry, carrySlots.get(store.state()), at);
        out.add(new Stmt(refractory == null
            ? CodeBlock.of("$L = $L;\n", store.state(), value)
            : CodeBlock.of("$L = $L.blend($L, $L);\n", store.state(), value, store.state(),
                refractory),
            null, Set.of(new Ref(store.state(), Expr.RefKind.STATE)), 2));
      } else if (step instanceof Let let && let.value() instanceof StepPlan.StageState st) {
        if (next != null) {
          vectorLocals.add(let.name());
        } else {
          out.add(fromCarry(let.name(), carrySlots.get(st.state())));
        }
      } else if (step instanceof Let let && let.value() instanceof StepPlan.Combined c) {
        if (next != null) {
          vectorLocals.add(let.name());
          out.add(new Stmt(CodeBlock.of("final $T $L = $L;\n", RuntimeNames.DOUBLE_VECTOR,
              let.name(), next.get(c.state())), let.name(), Set.of(), 0));
        } else {
          out.add(fromCarry(let.name(), carrySlots.get(c.state())));
        }
      } else if (next != null && step instanceof Let let && let.value() instanceof Rate rate
          && saved.containsKey(let.name()) && exprs.render(rate.inlined()).vector()) {
        assignedSlopes.add(let.name());
        out.add(new Stmt(CodeBlock.of("$L = $L;\n", saved.get(let.name()),
            exprs.render(rate.inlined()).code()), null, Exprs.refs(rate.inlined()),
            cost(rate.inlined()) + 1));
      } else if (next != null && step instanceof StepPlan.SaveSlope save
          && save.value() instanceof Ref r && assignedSlopes.contains(r.name())) {
        continue; // its rate assigned the slope
      } else if (step instanceof StepPlan.SaveSlope save) {
        CodeBlock value = exprs.vector(save.value());
        out.add(new Stmt(next != null ? CodeBlock.of("$L = $L;\n", slopeOf.get(save.slopes()), value)
            : CodeBlock.of("$L.intoArray($L, $L + $L);\n", value, carry,
                carrySlots.get(save.slopes()), at),
            null, Exprs.refs(save.value()), cost(save.value()) + 1));
      } else if (step instanceof Let let) {
        let(let, out);
      } else {
        Store store = (Store) step;
        CodeBlock value = exprs.vector(store.value());
        Set<Ref> reads = new LinkedHashSet<>(Exprs.refs(store.value()));
        reads.add(new Ref(store.state(), Expr.RefKind.STATE));
        CodeBlock code = refractory == null
            ? CodeBlock.of("$L = $L;\n", store.state(), value)
            : CodeBlock.of("$L = $L.blend($L, $L);\n", store.state(), value, store.state(),
                refractory);
        out.add(new Stmt(code, null, reads, cost(store.value()) + 1));
      }
    }
    return out;
  }

  private Stmt fromCarry(String name, CodeBlock slot) {
    vectorLocals.add(name);
    return new Stmt(CodeBlock.of("final $T $L = $T.fromArray($L, $L, $L + $L);\n",
        RuntimeNames.DOUBLE_VECTOR, name, RuntimeNames.DOUBLE_VECTOR, species, carry, slot, at),
        name, Set.of(), 1);
  }

  /** What a plan value reads, for a hoisted let of the scalar preamble. */
  static Set<Ref> reads(StepPlan.Value value) {
    if (value instanceof Arith a) {
      return Exprs.refs(a.expr());
    } else if (value instanceof Rate rate) {
      return Exprs.refs(rate.inlined());
    } else if (value instanceof ExpEulerFactor f) {
      return Exprs.refs(Exprs.mul(Exprs.dt(), f.linearPart()));
    } else if (value instanceof Diffusion d) {
      return Exprs.refs(d.inlined());
    }
    throw new IllegalArgumentException("no vector form for " + value.getClass().getSimpleName());
  }

  /** The vector operations {@code e} takes (0 when it is uniform). */
  int cost(Expr e) {
    if (!exprs.readsVector(e)) {
      return 0;
    }
    int own = e instanceof Expr.Ref ? 0 : e instanceof Expr.Call ? 3 : 1;
    return own + Exprs.children(e).stream().mapToInt(this::cost).sum();
  }

  private void let(Let let, List<Stmt> out) {
    StepPlan.Value value = let.value();
    CodeBlock.Builder code = CodeBlock.builder();
    VectorExprRenderer.Code rendered;
    Expr read;
    int cost;
    if (value instanceof Arith a) {
      read = a.expr();
      rendered = exprs.render(read);
      cost = cost(read);
    } else if (value instanceof Diffusion d) {
      code.add("// noise on $L: $L · dW\n", d.noise().state(), d.noise().sourceText());
      read = d.inlined();
      rendered = exprs.render(read);
      cost = cost(read);
    } else if (value instanceof StandardNormal draw) {
      draw(let.name(), draw, out);
      return;
    } else if (value instanceof Rate rate) {
      if (rate.bindings().isEmpty()) {
        code.add("// d$L/dt = $L\n", rate.ode().state(), Members.oneLine(rate.ode().sourceText()));
      }
      read = rate.inlined();
      rendered = exprs.render(read);
      cost = cost(read);
    } else if (value instanceof ExpEulerFactor f) {
      read = Exprs.mul(Exprs.dt(), f.linearPart());
      // (read includes dt: the scalar form dt * exprel(...) reads it)
      VectorExprRenderer.Code z = exprs.render(read);
      if (z.vector()) {
        // Two statements, so that a split between them keeps each loop small.
        String zName = locals.allocate(let.name() + "_z");
        vectorLocals.add(zName);
        out.add(new Stmt(CodeBlock.builder().add(code.build())
                .addStatement("final $T $L = $L", RuntimeNames.DOUBLE_VECTOR, zName, z.code())
                .build(),
            zName, Exprs.refs(read), cost(read)));
        vectorLocals.add(let.name());
        // The scalar Exprel's Horner polynomial, inline (a vector passed to a call C2 does not
        // inline is allocated); exact for |z| < 0.5. The loop counts the other lanes (rare), and
        // the kernel recomputes those with the scalar Exprel after it: a branch here would become
        // a C2 trap, after which the code was seen to stay in C1.
        out.add(new Stmt(CodeBlock.builder()
                .add("// $L = dt·exprel(z): Taylor for |z| < 0.5; the others counted, redone after\n",
                    let.name())
                .addStatement("final $T $L = $T.exprelTaylor($L).mul(dt)", RuntimeNames.DOUBLE_VECTOR,
                    let.name(), RuntimeNames.VECTOR_MATH, zName)
                .addStatement("$L += $L.abs().compare($T.LT, 0.5).not().trueCount()", farLanes,
                    zName, RuntimeNames.VECTOR_OPERATORS)
                .build(),
            let.name(), Set.of(new Ref(zName, Expr.RefKind.LOCAL), Exprs.dt()), EXPREL_COST,
            zName));
        return;
      }
      rendered = new VectorExprRenderer.Code(
          CodeBlock.of("dt * $T.exprel($L)", RuntimeNames.EXPREL, z.code()), false);
      cost = 0;
    } else {
      throw new IllegalArgumentException(
          model.className() + ": no vector form for " + value.getClass().getSimpleName());
    }
    if (rendered.vector()) {
      vectorLocals.add(let.name());
      code.addStatement("final $T $L = $L", RuntimeNames.DOUBLE_VECTOR, let.name(),
          rendered.code());
      out.add(new Stmt(code.build(), let.name(), Exprs.refs(read), cost));
    } else {
      // Uniform: computed once before the loop, like the scalar kernel's hoisted values.
      uniformLets.add(new Stmt(code.addStatement("final double $L = $L", let.name(),
          rendered.code()).build(), let.name(), Exprs.refs(read), 0));
    }
  }

  /** Vector operations charged for one lane-wise draw (the draws themselves are scalar calls). */
  static final int DRAW_COST = 8;

  /**
   * A standard normal draw per lane: the scalar {@code Gaussian.at} of each lane's element (a pure
   * function of seed, element, step and stream, so the scalar kernel draws the same numbers),
   * through a per-thread buffer. The seed, the step and the buffer are uniform, set before the loop.
   */
  private void draw(String name, StandardNormal draw, List<Stmt> out) {
    String seed = locals.allocate("noiseSeed");
    String step = locals.allocate("step");
    String drawn = locals.allocate("drawn");
    String k = locals.allocate("k");
    uniformLets.add(new Stmt(CodeBlock.of("final long $L = $L;\n", seed, noiseSeed), seed,
        Set.of(), 0));
    uniformLets.add(new Stmt(CodeBlock.of("// Keyed by the absolute step, as the scalar kernel's "
            + "draws\nfinal long $L = $T.round(t / dt);\n", step, Math.class),
        step, Set.of(Exprs.dt()), 0));
    uniformLets.add(new Stmt(CodeBlock.of("final double[] $L = $T.scratch();\n", drawn,
        RuntimeNames.VECTOR_MATH), drawn, Set.of(), 0));
    vectorLocals.add(name);
    CodeBlock code = CodeBlock.builder()
        .beginControlFlow("for (int $L = 0; $L < $L.length(); $L++)", k, k, species, k)
        .addStatement("$L[$L] = $T.at($L, $L + $L, $L, $L)", drawn, k, RuntimeNames.GAUSSIAN, seed,
            index, k, step, draw.stream())
        .endControlFlow()
        .addStatement("final $T $L = $T.fromArray($L, $L, 0)", RuntimeNames.DOUBLE_VECTOR, name,
            RuntimeNames.DOUBLE_VECTOR, species, drawn)
        .build();
    Expr.RefKind local = Expr.RefKind.LOCAL;
    out.add(new Stmt(code, name,
        Set.of(new Ref(seed, local), new Ref(step, local), new Ref(drawn, local)), DRAW_COST));
  }

}
