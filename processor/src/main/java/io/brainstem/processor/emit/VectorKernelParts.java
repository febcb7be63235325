package io.brainstem.processor.emit;

import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import io.brainstem.annotations.Integrator;
import io.brainstem.processor.emit.VectorPlanRenderer.Stmt;
import io.brainstem.processor.integrate.Linearity;
import io.brainstem.processor.integrate.LocalNames;
import io.brainstem.processor.integrate.StepPlan;
import io.brainstem.processor.integrate.StepPlanner;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.ModelIR.Param;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the vector classes of neurons and synapses write alike. */
final class VectorKernelParts {
  private VectorKernelParts() {}

  /**
   * Whether {@code integrator} runs the one stage-loop kernel of every explicit Runge–Kutta method
   * (a model with {@code @Noise} keeps a kernel per method).
   */
  static boolean sharesStages(ModelIR model, Integrator integrator) {
    return Members.isRungeKutta(integrator) && model.noises().isEmpty();
  }

  /** The integrators with kernels of their own (one stands for the shared Runge–Kutta kernel). */
  static List<Integrator> loops(ModelIR model) {
    return model.noises().isEmpty() ? Members.scalarLoops(model) : Linearity.supported(model);
  }

  /** The name of {@code integrator}'s kernel: its own, or the shared Runge–Kutta one. */
  static String stepMethod(ModelIR model, Integrator integrator, Variant variant) {
    return sharesStages(model, integrator) ? Members.scalarStepMethod(integrator, variant)
        : Members.stepMethod(integrator, variant);
  }

  /**
   * A stage kernel's plan: {@code plan} without the tableau and slope lets (the kernel's driver
   * declares those), and its {@code stages} step.
   */
  record StagePlan(StepPlan plan, StepPlan.Stages stages) {}

  static StagePlan stagePlan(ModelIR model, Integrator integrator, Variant variant,
      LocalNames locals) {
    StepPlan full = StepPlanner.vectorStagePlan(model, integrator, variant.uniformity, locals);
    StepPlan.Stages stages = (StepPlan.Stages) full.perElement().stream()
        .filter(StepPlan.Stages.class::isInstance).findFirst().orElseThrow();
    StepPlan plan = new StepPlan(full.integrator(), full.uniformity(), full.hoisted().stream()
        .filter(l -> !(l.value() instanceof StepPlan.Tableau || l.value() instanceof StepPlan.Slopes))
        .toList(), full.perElement());
    return new StagePlan(plan, stages);
  }

  /** Carry slots per state in a stage kernel: its stage value (then result), then its slopes. */
  static final int SLOTS_PER_STATE = 1 + VectorGroupEmitter.RUNGE_KUTTA_MAX_STAGES;

  /**
   * A stage kernel's carry layout, as the renderer reads it: state {@code n}'s stage value (then
   * result) at slot {@code n·SLOTS_PER_STATE} and the current stage's slope of it right after
   * ({@code + stage}), each slot a block of {@code blockSize} elements.
   */
  static Map<String, CodeBlock> stageSlots(List<String> states, StepPlan.Stages stages,
      String blockSize) {
    Map<String, CodeBlock> slots = new LinkedHashMap<>();
    for (int n = 0; n < states.size(); n++) {
      slots.put(states.get(n), CodeBlock.of("$L * $L", n * SLOTS_PER_STATE, blockSize));
    }
    for (StepPlan.Step step : stages.body()) {
      if (step instanceof StepPlan.Let let && let.value() instanceof StepPlan.StageState st) {
        slots.put(st.slopes(), CodeBlock.of("($L + $L) * $L",
            states.indexOf(st.state()) * SLOTS_PER_STATE + 1, stages.stage(), blockSize));
      }
    }
    return slots;
  }

  /** Vector operations charged for a state's rows in an unrolled kernel (RK4's: 2, 2, 2, 9). */
  static final int ROWS_COST = 15;

  /**
   * A stage kernel unrolled over the stages, every slope of a vector in a register.
   *
   * @param lets the scalar lets before the loop: the tableau and its rows' steps
   * @param declare per state, its slopes' and stage state's locals, all set to the state
   * @param stages one block per stage (each after the first guarded by the method's number of
   *     stages, ending with the next row)
   * @param after the results' stores
   * @param slopes per state, its slope locals {@code k0 .. k3}
   * @param next per state, its stage state's local (after the last row, the result)
   */
  record Unrolled(List<Stmt> lets, List<Stmt> declare, List<Stmt> stages, List<Stmt> after,
      Map<String, List<String>> slopes, Map<String, String> next) {
    /** The loop's statements: the locals, the stages, the stores. */
    List<Stmt> body() {
      List<Stmt> body = new ArrayList<>(declare);
      body.addAll(stages);
      body.addAll(after);
      return body;
    }
  }

  /**
   * {@code stages} unrolled ({@link Unrolled}), rendered by {@code render} once per stage; null
   * when a stage's rates read the time (which differs from stage to stage) or when the
   * unrolled stages exceed {@link LoopSplit#BUDGET} vector operations. {@code method} is the
   * owner's method expression, {@code refractory} the mask the results are blended with, or null.
   */
  static Unrolled unrolled(VectorPlanRenderer render, StepPlan.Stages stages, List<String> states,
      LocalNames locals, String method, String refractory, String species) {
    String tableau = stages.method();
    String steps = locals.allocate("steps");
    Map<String, String> next = new LinkedHashMap<>();
    Map<String, String> slopesOf = new LinkedHashMap<>();
    for (StepPlan.Step step : stages.body()) {
      if (step instanceof StepPlan.Let let && let.value() instanceof StepPlan.StageState st) {
        next.put(st.state(), let.name());
        slopesOf.put(st.state(), st.slopes());
      }
    }
    int max = VectorGroupEmitter.RUNGE_KUTTA_MAX_STAGES;
    Map<String, List<String>> k = new LinkedHashMap<>();
    List<Stmt> declare = new ArrayList<>();
    List<Stmt> body = new ArrayList<>();
    for (String x : states) {
      List<String> names = new ArrayList<>();
      for (int j = 0; j < max; j++) {
        names.add(locals.allocate(slopesOf.get(x) + j));
      }
      k.put(x, names);
      declare.add(new Stmt(CodeBlock.of("$T $L = $L, $L = $L;\n", RuntimeNames.DOUBLE_VECTOR,
          String.join(" = " + x + ", ", names), x, next.get(x), x), null,
          Set.of(new Ref(x, RefKind.STATE)), 0));
    }
    int cost = states.size() * ROWS_COST;
    boolean readsTime = false;
    for (int s = 0; s < max; s++) {
      Map<String, String> slopeOf = new LinkedHashMap<>();
      for (String x : states) {
        slopeOf.put(slopesOf.get(x), k.get(x).get(s));
      }
      render.unrolled(next, slopeOf);
      List<Stmt> rates = render.stageStatements();
      // Stage 0 always runs: a block only to scope its locals, if it declares any.
      boolean scoped = s > 0 || rates.stream().anyMatch(st -> st.defines() != null);
      CodeBlock.Builder code = s > 0
          ? CodeBlock.builder().beginControlFlow("if ($L.stages() > $L)", tableau, s)
          : scoped ? CodeBlock.builder().add("{\n").indent() : CodeBlock.builder();
      Set<Ref> reads = new LinkedHashSet<>(Set.of(new Ref(tableau, RefKind.LOCAL),
          new Ref(steps, RefKind.LOCAL)));
      for (Stmt st : rates) {
        code.add(st.code());
        reads.addAll(st.reads());
        cost += st.cost();
      }
      for (String x : states) {
        code.addStatement("$L = $T.row$L($L, $L, $L, $L)", next.get(x), RuntimeNames.VECTOR_MATH,
            s + 1, tableau, x, String.join(", ", k.get(x).subList(0, s + 1)), steps);
        reads.add(new Ref(x, RefKind.STATE));
      }
      if (scoped) {
        code = s == 0 ? code.unindent().add("}\n") : code.endControlFlow();
      }
      body.add(new Stmt(code.build(), null, reads, 0));
      readsTime |= reads.stream().anyMatch(r -> r.kind() == RefKind.TIME)
          || render.uniformLets().stream().anyMatch(u -> u.reads().stream()
              .anyMatch(r -> r.kind() == RefKind.TIME));
    }
    if (readsTime || cost > LoopSplit.BUDGET) {
      return null;
    }
    List<Stmt> after = render.afterStages(refractory);
    List<Stmt> lets = List.of(
        new Stmt(CodeBlock.of("final $T $L = $T.of($L);\n", RuntimeNames.RUNGE_KUTTA, tableau,
            RuntimeNames.RUNGE_KUTTA, method), tableau, Set.of(), 0),
        new Stmt(CodeBlock.of("final double[] $L = $T.steps($L, dt);\n", steps,
            RuntimeNames.VECTOR_MATH, tableau), steps, Set.of(new Ref(tableau, RefKind.LOCAL)), 0));
    return new Unrolled(lets, declare, body, after, k, next);
  }

  /** {@code int lanes()}: elements per vector. */
  static MethodSpec lanes(String species) {
    return MethodSpec.methodBuilder("lanes")
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .returns(int.class)
        .addStatement("return $L.length()", species)
        .build();
  }

  /** {@code String describe()}: e.g. {@code vector (8 x double, float storage)}. */
  static MethodSpec describe(Storage storage, String species) {
    return describe(storage, species, false);
  }

  /** As {@link #describe(Storage, String)}; {@code fastMath} adds {@code , fast math}. */
  static MethodSpec describe(Storage storage, String species, boolean fastMath) {
    String tail = (storage == Storage.DOUBLE ? " x double" : " x double, float storage")
        + (fastMath ? ", fast math)" : ")");
    return MethodSpec.methodBuilder("describe")
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .returns(String.class)
        .addStatement("return $S + $L.length() + $S", "vector (", species, tail)
        .build();
  }

  /**
   * The scalar lets a kernel may need before its loops, in order: those the plan hoisted (rendered
   * as the scalar kernel renders them, with element index {@code index}) and those the vector
   * rendering found uniform.
   */
  static List<Stmt> preambleLets(ModelIR model, Vars vars, String index, StepPlan plan,
      VectorPlanRenderer render) {
    PlanRenderer scalar = PlanRenderer.kernel(model, vars, index);
    List<Stmt> lets = new ArrayList<>();
    for (StepPlan.Let let : plan.hoisted()) {
      lets.add(new Stmt(scalar.let(let), let.name(), VectorPlanRenderer.reads(let.value()), 0));
    }
    lets.addAll(render.uniformLets());
    return lets;
  }

  /**
   * What one loop needs before it starts: the group-wide values or per-element columns (named by
   * {@code names}) of the parameters it reads, and those of {@code lets} it reads, directly or
   * through another let, unless a carry buffer brings them ({@code carried}).
   */
  static CodeBlock preamble(ModelIR model, Variant variant, List<Stmt> lets, Set<Ref> reads,
      Set<String> carried, GeneratedNames names) {
    Set<Ref> needed = new LinkedHashSet<>(reads);
    List<Stmt> used = new ArrayList<>();
    for (int k = lets.size() - 1; k >= 0; k--) {
      Stmt let = lets.get(k);
      if (needed.contains(new Ref(let.defines(), RefKind.LOCAL)) && !carried.contains(let.defines())) {
        used.add(0, let);
        needed.addAll(let.reads());
      }
    }
    CodeBlock.Builder code = CodeBlock.builder();
    for (Param p : model.params()) {
      if (!needed.contains(new Ref(p.name(), RefKind.PARAM))) {
        continue;
      }
      String constant = names.indexConstant(p.name());
      if (variant == Variant.GROUP_WIDE) {
        code.addStatement("final double $L = params.scalar($L)", p.name(), constant);
      } else {
        code.addStatement("final double[] $L = params.column($L)", names.column(p.name()),
            constant);
      }
    }
    used.forEach(let -> code.add(let.code()));
    return code.build();
  }
}
