package io.brainstem.processor.emit;

import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import io.brainstem.annotations.Integrator;
import io.brainstem.processor.integrate.BackwardPlanner;
import io.brainstem.processor.integrate.BackwardPlanner.Accumulate;
import io.brainstem.processor.integrate.BackwardPlanner.Forward;
import io.brainstem.processor.integrate.BackwardPlanner.Plan;
import io.brainstem.processor.integrate.Exprs;
import io.brainstem.processor.integrate.LocalNames;
import io.brainstem.processor.integrate.PerSynapseBackward;
import io.brainstem.processor.integrate.PerSynapseBackward.Jump;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.SynapseIR;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The per-synapse part of a {@code <Model>Backward} whose model keeps states per synapse
 * (short-term plasticity): {@code delivered} (the increments onto each target, replayed) and
 * {@code backwardSynapses} (the adjoints of the per-synapse states, parameters and spikes), both
 * over the synapses onto a range of postsynaptic neurons, as the forward step cuts them, so each
 * synapse has one owner. Each replays the synapse's step: the per-synapse ODE system's integration
 * (the plan {@link BackwardPlanner} differentiates for neurons), then the {@code @OnPre}
 * statements in versions ({@link PerSynapseBackward}); the reverse sweep runs them backwards.
 */
final class SynapseStateBackwardEmitter {
  private final SynapseIR model;
  private final GeneratedNames generated;
  private final SynapseIR odes;
  private final PerSynapseBackward.Step step;
  private final List<String> synapseParams = new ArrayList<>();
  private final List<String> deliveredInputs;

  SynapseStateBackwardEmitter(SynapseIR model, GeneratedNames generated,
      List<String> deliveredInputs) {
    this.model = model;
    this.generated = generated;
    this.odes = PerSynapseEmitter.odeSystem(model);
    this.step = PerSynapseBackward.step(model);
    this.deliveredInputs = deliveredInputs;
    for (ModelIR.SynapseVar v : model.synapseVars()) {
      if (!v.state()) {
        synapseParams.add(v.name());
      }
    }
  }

  List<String> synapseStates() {
    return step.states();
  }

  List<String> synapseParams() {
    return synapseParams;
  }

  /** The per-synapse plan of {@code integrator}, or empty (none, or no such step: EXP_EULER). */
  private Optional<Plan> plan(Integrator integrator, LocalNames locals) {
    if (odes.states().isEmpty()) {
      return Optional.of(new Plan(integrator, List.of(), Map.of(), List.of()));
    }
    try {
      return Optional.of(BackwardPlanner.plan(odes, integrator, locals));
    } catch (IllegalArgumentException notLinear) {
      return Optional.empty();
    }
  }

  /** Whether the per-synapse step has a backward step for {@code integrator}. */
  boolean supports(Integrator integrator) {
    return plan(integrator, generated.locals()).isPresent();
  }

  /** {@code deliveredExpAuto}: the delivered inputs, replayed. */
  MethodSpec delivered(Integrator integrator) {
    return loop(integrator, true);
  }

  /** {@code synapsesExpAuto}: the per-synapse reverse sweep. */
  MethodSpec synapses(Integrator integrator) {
    return loop(integrator, false);
  }

  static String deliveredMethod(Integrator integrator) {
    return BackwardEmitter.methodName(integrator).replaceFirst("backward", "delivered");
  }

  static String synapsesMethod(Integrator integrator) {
    return BackwardEmitter.methodName(integrator).replaceFirst("backward", "synapses");
  }

  private MethodSpec loop(Integrator integrator, boolean delivered) {
    LocalNames locals = generated.locals();
    String frame = locals.allocate("frame");
    String from = locals.allocate("from");
    String to = locals.allocate("to");
    String j = locals.allocate("j");
    String k = locals.allocate("k");
    String row = locals.allocate("row");
    String params = locals.allocate("params");
    String indptr = locals.allocate("indptr");
    String indices = locals.allocate("indices");
    String spiked = locals.allocate("spiked");
    locals.allocate("dt");
    locals.allocate("t");
    Plan plan = plan(integrator, locals).orElseThrow();
    // Java names of the versions (u'0 → u_int, u'1 → u_1, g'increment → g_increment).
    Map<String, String> java = new HashMap<>();
    step.integrated().forEach((s, r) -> java.put(r.name(), locals.allocate(s + "_int")));
    for (Jump jump : step.jumps()) {
      java.put(jump.version().name(), locals.allocate(jump.version().name().replace('\'', '_')));
    }
    Map<String, String> adjoint = new HashMap<>();
    Function<String, String> adj =
        key -> adjoint.computeIfAbsent(key, x -> locals.allocate("a_" + x.replace('\'', '_')));
    ExprRenderer render = new ExprRenderer(r -> r.kind() == RefKind.STATE
        ? java.getOrDefault(r.name(), r.name()) : BackwardCode.name(r, null));

    // The delivered pass replays only the statements its increments read.
    List<Jump> jumps = delivered ? needed() : step.jumps();
    Set<String> read = new LinkedHashSet<>();
    java.util.function.Consumer<Expr> reads = e -> Exprs.forEachRef(e, r -> read.add(r.name()));
    plan.forward().forEach(f -> reads.accept(f.value()));
    plan.next().values().forEach(reads);
    for (Jump jump : jumps) {
      reads.accept(jump.value());
      if (!delivered) {
        jump.partials().values().forEach(reads);
      }
    }
    if (!delivered) {
      plan.sweep().forEach(a -> reads.accept(a.partial()));
    }
    Set<String> graded = new LinkedHashSet<>();
    if (!delivered) {
      plan.sweep().forEach(a -> {
        if (a.target().kind() == RefKind.PARAM) {
          graded.add(a.target().name());
        }
      });
      step.jumps().forEach(jump -> jump.partials().keySet().forEach(r -> {
        if (r.kind() == RefKind.PARAM) {
          graded.add(r.name());
        }
      }));
    }
    CodeBlock.Builder code = CodeBlock.builder();
    if (model.params().stream().anyMatch(p -> read.contains(p.name()))) {
      code.addStatement("final $T $L = projection.params()", RuntimeNames.PARAMETERS, params);
    }
    if (!plan.forward().isEmpty() || !plan.next().isEmpty()) {
      code.addStatement("final double dt = $L.dt", frame);
    }
    if (BackwardCode.usesTime(plan)) {
      code.addStatement("final double t = $L.t", frame);
    }
    code.addStatement("final int[] $L = this.indptr", indptr)
        .addStatement("final int[] $L = this.indices", indices)
        .addStatement("final boolean[] $L = $L.preSpiked", spiked, frame);
    Map<String, String> values = new LinkedHashMap<>();
    for (String p : synapseParams) {
      if (read.contains(p)) {
        values.put(p, locals.allocate(p + "_values"));
        code.addStatement("final double[] $L = projection.$L", values.get(p),
            generated.field(p, Storage.DOUBLE));
      }
    }
    List<String> stateIn = new ArrayList<>();
    List<String> adjIn = new ArrayList<>();
    for (int s = 0; s < step.states().size(); s++) {
      String name = step.states().get(s);
      stateIn.add(locals.allocate(name + "_start"));
      code.addStatement("final double[] $L = $L.synapseState[$L]", stateIn.get(s), frame, s);
      if (!delivered) {
        adjIn.add(locals.allocate(name + "_adjoint"));
        code.addStatement("final double[] $L = $L.adjSynapseState[$L]", adjIn.get(s), frame, s);
      }
    }
    // the delivered inputs (replayed) or their adjoints, one per incremented postsynaptic state
    Map<String, String> inputs = new LinkedHashMap<>();
    for (Jump jump : step.jumps()) {
      if (jump.perPost()) {
        int index = deliveredInputs.indexOf(SynapseBackwardEmitter.deliveredInput(jump.state()));
        String array = locals.allocate(jump.state() + (delivered ? "_delivered" : "_adjDelivered"));
        inputs.put(jump.state(), array);
        code.addStatement("final double[] $L = $L.$L[$L]", array, frame,
            delivered ? "input" : "adjInput", index);
      }
    }
    Map<String, String> gradOut = new LinkedHashMap<>();
    Map<String, String> gradLocal = new LinkedHashMap<>();
    String spikeOut = locals.allocate("spikeAdjoint");
    if (!delivered) {
      for (String p : graded) {
        gradOut.put(p, locals.allocate(p + "_gradient"));
        gradLocal.put(p, locals.allocate("g_" + p));
        int at = synapseParams.indexOf(p);
        if (at >= 0) {
          code.addStatement("final double[] $L = $L.gradSynapse[$L]", gradOut.get(p), frame, at);
        } else {
          code.addStatement("final double[] $L = $L.gradParam[$L]", gradOut.get(p), frame,
              lumpedIndex(p));
        }
      }
      code.addStatement("final double[] $L = $L.synapseSpike", spikeOut, frame);
    } else {
      code.add("// each increment lands on its target: start from zero, add in CSR order\n");
      code.beginControlFlow("for (int $L = $L; $L < $L; $L++)", j, from, j, to, j);
      inputs.values().forEach(a -> code.addStatement("$L[$L] = 0", a, j));
      code.endControlFlow();
    }
    code.add("// each synapse onto [from, to), as the forward step cuts them: one owner\n");
    code.beginControlFlow("for (int $L = 0; $L < $L.length - 1; $L++)", row, row, indptr, row);
    if (delivered) {
      code.beginControlFlow("if (!$L[$L])", spiked, row).addStatement("continue").endControlFlow();
    }
    code.beginControlFlow("for (int $L = $L[$L]; $L < $L[$L + 1]; $L++)", k, indptr, row, k,
        indptr, row, k);
    code.addStatement("final int $L = $L[$L]", j, indices, k);
    code.beginControlFlow("if ($L < $L || $L >= $L)", j, from, j, to).addStatement("continue")
        .endControlFlow();
    for (ModelIR.Param p : model.params()) {
      if (read.contains(p.name())) {
        code.addStatement("final double $L = $L.value($L, $L)", p.name(), params,
            lumpedIndex(p.name()), j);
      }
    }
    values.forEach((p, array) -> code.addStatement("final double $L = $L[$L]", p, array, k));
    for (int s = 0; s < step.states().size(); s++) {
      code.addStatement("final double $L = $L[$L]", step.states().get(s), stateIn.get(s), k);
    }
    code.add("// the forward step, replayed: integrate (clock-driven), then the spike's @OnPre\n");
    for (Forward f : plan.forward()) {
      if (f.exprelFactor()) {
        code.addStatement("final double $L = dt * $T.exprel(dt * ($L))", f.name(),
            RuntimeNames.EXPREL, render.render(f.value()));
      } else {
        code.addStatement("final double $L = $L", f.name(), render.render(f.value()));
      }
    }
    step.integrated().forEach((s, r) -> {
      Expr next = plan.next().get(s);
      code.addStatement("final double $L = $L", java.get(r.name()),
          next == null ? s : render.render(next));
    });
    for (Jump jump : jumps) {
      code.add("// $L\n", jump.comment());
      code.addStatement("final double $L = $L", java.get(jump.version().name()),
          render.render(jump.value()));
    }
    if (delivered) {
      for (Jump jump : step.jumps()) {
        if (jump.perPost()) {
          code.addStatement("$L[$L] += $L", inputs.get(jump.state()), j,
              java.get(jump.version().name()));
        }
      }
      code.endControlFlow().endControlFlow();
      return method(deliveredMethod(integrator), frame, from, to, code);
    }
    // The spike's adjoint: the jump it makes, Σ adjoint after · (after − before).
    List<CodeBlock> terms = new ArrayList<>();
    for (Jump jump : step.jumps()) {
      if (jump.perPost()) {
        terms.add(CodeBlock.of("$L[$L] * $L", inputs.get(jump.state()), j,
            java.get(jump.version().name())));
      }
    }
    for (int s = 0; s < step.states().size(); s++) {
      String name = step.states().get(s);
      Ref last = step.finals().get(name);
      Ref first = step.integrated().get(name);
      if (!last.equals(first)) {
        terms.add(CodeBlock.of("$L[$L] * ($L - $L)", adjIn.get(s), k, java.get(last.name()),
            java.get(first.name())));
      }
    }
    code.add("// a spike's adjoint: the jump it makes (adjoint after × change), as a reset's\n");
    code.addStatement("$L[$L] = $L", spikeOut, k,
        terms.isEmpty() ? CodeBlock.of("0") : CodeBlock.join(terms, " + "));
    gradLocal.forEach((p, g) -> code.addStatement("double $L = 0", g));
    for (Jump jump : step.jumps()) {
      if (!jump.perPost()) {
        code.addStatement("double $L = 0", adj.apply(jump.version().name()));
      }
    }
    step.integrated().forEach((s, r) -> code.addStatement("double $L = 0", adj.apply(r.name())));
    code.beginControlFlow("if ($L[$L])", spiked, row);
    for (int s = 0; s < step.states().size(); s++) {
      code.addStatement("$L = $L[$L]", adj.apply(step.finals().get(step.states().get(s)).name()),
          adjIn.get(s), k);
    }
    for (int n = step.jumps().size() - 1; n >= 0; n--) {
      Jump jump = step.jumps().get(n);
      code.add("// $L\n", jump.comment());
      String seed = jump.perPost() ? CodeBlock.of("$L[$L]", inputs.get(jump.state()), j).toString()
          : adj.apply(jump.version().name());
      for (Map.Entry<Ref, Expr> e : jump.partials().entrySet()) {
        Ref r = e.getKey();
        String target = r.kind() == RefKind.PARAM ? gradLocal.get(r.name()) : adj.apply(r.name());
        code.addStatement("$L += $L", target, BackwardCode.product(seed, e.getValue(), render));
      }
    }
    code.nextControlFlow("else");
    for (int s = 0; s < step.states().size(); s++) {
      code.addStatement("$L = $L[$L]",
          adj.apply(step.integrated().get(step.states().get(s)).name()), adjIn.get(s), k);
    }
    code.endControlFlow();
    code.add("// the reverse sweep of the integration step\n");
    for (String s : step.states()) {
      String after = adj.apply(step.integrated().get(s).name());
      adjoint.put(BackwardPlanner.adjointOfNext(s), after);
      code.addStatement("double $L = $L", adj.apply(s), plan.next().containsKey(s) ? "0" : after);
    }
    for (Forward f : plan.forward()) {
      code.addStatement("double $L = 0", adj.apply(f.name()));
    }
    Map<String, Forward> byName = new HashMap<>();
    plan.forward().forEach(f -> byName.put(f.name(), f));
    String comment = null;
    for (Accumulate a : plan.sweep()) {
      if (!a.comment().equals(comment)) {
        comment = a.comment();
        code.add("// $L\n", comment);
        Forward exprel = BackwardCode.exprelOf(a.seed(), byName);
        if (exprel != null) {
          code.addStatement("final double $L = $L * dt * dt * $T.derivative(dt * ($L))",
              adj.apply(BackwardPlanner.exprelPartialName(exprel.name())),
              adj.apply(exprel.name()), RuntimeNames.EXPREL, render.render(exprel.value()));
        }
      }
      String target = a.target().kind() == RefKind.PARAM
          ? gradLocal.get(a.target().name()) : adj.apply(a.target().name());
      code.addStatement("$L += $L", target,
          BackwardCode.product(adj.apply(a.seed().name()), a.partial(), render));
    }
    for (int s = 0; s < step.states().size(); s++) {
      code.addStatement("$L[$L] = $L", adjIn.get(s), k, adj.apply(step.states().get(s)));
    }
    gradLocal.forEach((p, g) -> code.addStatement("$L[$L] += $L", gradOut.get(p),
        synapseParams.contains(p) ? k : j, g));
    code.endControlFlow().endControlFlow();
    return method(synapsesMethod(integrator), frame, from, to, code);
  }

  /** The statements the increments of postsynaptic states read, directly or not, in order. */
  private List<Jump> needed() {
    Set<String> wanted = new LinkedHashSet<>();
    List<Jump> out = new ArrayList<>();
    for (int n = step.jumps().size() - 1; n >= 0; n--) {
      Jump jump = step.jumps().get(n);
      if (jump.perPost() || wanted.contains(jump.version().name())) {
        out.add(0, jump);
        Exprs.forEachRef(jump.value(), r -> wanted.add(r.name()));
      }
    }
    return out;
  }

  private int lumpedIndex(String name) {
    for (int p = 0; p < model.params().size(); p++) {
      if (model.params().get(p).name().equals(name)) {
        return p;
      }
    }
    throw new IllegalStateException("no parameter " + name);
  }

  private static MethodSpec method(String name, String frame, String from, String to,
      CodeBlock.Builder code) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(PRIVATE)
        .addParameter(BackwardEmitter.FRAME, frame)
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addCode(code.build())
        .build();
  }

  /** The runtime interface the class implements. */
  static final ClassName INTERFACE = ClassName.get("io.brainstem.grad", "SynapseStateBackward");

  /** {@code synapseCount()}. */
  static MethodSpec synapseCount() {
    return MethodSpec.methodBuilder("synapseCount")
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .returns(int.class)
        .addStatement("return projection.synapseCount()")
        .build();
  }
}
