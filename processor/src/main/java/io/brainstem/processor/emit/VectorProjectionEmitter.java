package io.brainstem.processor.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.brainstem.annotations.Integrator;
import io.brainstem.processor.emit.VectorPlanRenderer.Stmt;
import io.brainstem.processor.integrate.Exprs;
import io.brainstem.processor.integrate.Linearity;
import io.brainstem.processor.integrate.LocalLets;
import io.brainstem.processor.integrate.LocalNames;
import io.brainstem.processor.integrate.StepPlan;
import io.brainstem.processor.integrate.StepPlanner;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.SynapseIR;
import io.brainstem.processor.ir.ModelIR.Output;
import io.brainstem.processor.ir.ModelIR.Param;
import io.brainstem.processor.ir.ModelIR.Post;
import io.brainstem.processor.ir.ModelIR.State;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code <Model>ProjectionVector}: the {@code jdk.incubator.vector} kernels of a {@code @Synapse}'s
 * per-postsynaptic-element loops, the integration (one kernel per integrator and parameter layout)
 * and the output, as a separate class so that {@code <Model>Projection} loads and runs without the
 * incubator module. The spike delivery between them is a scatter over the CSR rows and stays in
 * the projection's scalar kernel.
 *
 * <p>Each loop walks whole vectors, {@code S.length()} elements at a time, over the scalar kernel's
 * statements lane-wise ({@link VectorPlanRenderer}, {@link VectorExprRenderer}); an integration
 * with more than {@link LoopSplit#BUDGET} vector operations runs as several loops per block, as a
 * neuron's (see {@link VectorGroupEmitter}). The projection runs the last, partial vector of a
 * range with its scalar kernel.
 */
final class VectorProjectionEmitter {
  private final SynapseIR model;
  private final Storage storage;
  private final ClassName self;
  private final ClassName projection;
  /** The states the integration writes, in declaration order. */
  private final Set<String> integrated = new LinkedHashSet<>();
  private final GeneratedNames generated;
  private final LocalNames names;
  /** The species, float species, block length and projection fields ({@code S}, ...). */
  private final String s;
  private final String blockSize;
  private final String owner;
  /** Per parameter, the local holding its per-element column. */
  private final String j;
  private final String from;
  private final String to;
  private final String at;
  private final String carry;
  private final String block;
  private final String blockEnd;
  /** Whether the output may assign ({@link ProjectionEmitter#assignable}); its flag's local. */
  private final boolean assignable;
  private final String assign;

  VectorProjectionEmitter(SynapseIR model, GeneratedNames generated, Storage storage) {
    this.model = model;
    this.storage = storage;
    this.self = className(model, storage);
    this.projection = ClassName.get(model.packageName(), model.className() + "Projection");
    model.odes().forEach(o -> integrated.add(o.state()));
    this.generated = generated;
    this.names = generated.locals();
    this.s = generated.species();
    this.blockSize = generated.block();
    this.owner = generated.owner();
    this.j = names.allocate("j");
    this.from = names.allocate("from");
    this.to = names.allocate("to");
    this.at = names.allocate("at");
    this.carry = names.allocate("carry");
    this.block = names.allocate("b");
    this.blockEnd = names.allocate("e");
    this.assignable = ProjectionEmitter.assignable(model);
    this.assign = names.allocate("assign");
  }

  /**
   * Whether the integration's last loop also writes the output when the projection assigns it
   * ({@code Projection.assignsOutput()}): an assignable output without locals, after an
   * {@code @Ode}, stored as double. Then the kernel's {@code output} returns at once in those
   * steps.
   */
  private boolean fuses() {
    // Float storage would need each state rounded to float first: it runs the output loop.
    return assignable && storage == Storage.DOUBLE && !model.odes().isEmpty()
        && model.output().orElseThrow().locals().isEmpty();
  }

  /**
   * Whether this model gets vector kernels: a synapse that has a loop to vectorize, an
   * {@code @Ode} or an {@code @Output} (a model with neither, such as a delta synapse, only
   * delivers spikes).
   */
  static boolean supports(SynapseIR model) {
    return (!model.odes().isEmpty() || model.output().isPresent());
  }

  /** {@code ExpCobaProjectionVector}, or {@code ExpCobaProjectionFloatVector} for float storage. */
  static ClassName className(ModelIR model, Storage storage) {
    return ClassName.get(model.packageName(),
        model.className() + "Projection" + storage.suffix + "Vector");
  }

  /**
   * The body of the projection's {@code update(t, dt, from, to, jit)} when it has vector kernels:
   * whole vectors of {@code [from, to)} integrate in the vector kernel, then the scalar kernel
   * integrates the rest from {@code tail}, delivers the spikes over the whole range and adds the
   * rest's output, then the vector kernel adds the whole vectors' output. Each element still sees
   * integrate, deliver, output in that order, so results do not depend on the split.
   */
  static CodeBlock update(SynapseIR model, String vector, String from, String tail, String to,
      CodeBlock scalar) {
    String range = "t, dt, " + from + ", " + tail;
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("final $T $L = jit ? vectorKernel() : null", RuntimeNames.PROJECTION_KERNEL,
            vector)
        .add("// Whole vectors of the element loops there; the rest, and the spike delivery, here.\n")
        .add("// While the vector kernels warm up, only a slice of them there (VectorWarmUp).\n")
        .addStatement("final $T warmUp = warmUp($L)", RuntimeNames.VECTOR_WARM_UP, vector)
        .addStatement("final int $L = $L == null ? $L : warmUp.vectorEnd($L, $L, $L.lanes())", tail,
            vector, from, from, to, vector)
        .addStatement("final long start = warmUp.clock()");
    if (!model.odes().isEmpty()) {
      code.beginControlFlow("if ($L != null)", vector)
          .addStatement("$L.integrate($L)", vector, range)
          .endControlFlow();
    }
    code.addStatement("final long split = warmUp.clock()")
        .add(scalar)
        .addStatement("final long resumed = warmUp.clock()");
    if (model.output().isPresent()) {
      code.beginControlFlow(FusedShape.of(model).isPresent() ? "if ($L != null && fusedInput() == null)"
              : "if ($L != null)", vector)
          .addStatement("$L.output($L)", vector, range)
          .endControlFlow();
    }
    return code.addStatement("warmUp.record(start, split, resumed, $L - $L, $L - $L)", tail, from,
        to, tail).build();
  }

  TypeSpec type() {
    List<MethodSpec> kernels = new ArrayList<>();
    boolean blocks = false; // whether some kernel runs as several loops (and needs BLOCK)
    Map<String, Boolean> exact = new LinkedHashMap<>();
    for (Integrator integrator : model.odes().isEmpty() ? List.<Integrator>of() : loops()) {
      for (Variant variant : List.of(Variant.GROUP_WIDE, Variant.PER_ELEMENT)) {
        List<MethodSpec> kernel = step(integrator, variant);
        blocks |= kernel.size() > 1;
        kernels.addAll(kernel);
        exact.put(stepMethod(integrator, variant),
            kernel.stream().noneMatch(VectorGroupEmitter::callsVectorLibrary));
      }
    }
    model.output().ifPresent(out -> {
      for (Variant variant : List.of(Variant.GROUP_WIDE, Variant.PER_ELEMENT)) {
        MethodSpec kernel = output(out, variant);
        kernels.add(kernel);
        exact.put(outputMethod(variant), !VectorGroupEmitter.callsVectorLibrary(kernel));
      }
    });
    TypeName species = ParameterizedTypeName.get(RuntimeNames.VECTOR_SPECIES, TypeName.DOUBLE.box());
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(PUBLIC, FINAL)
        .addSuperinterface(RuntimeNames.PROJECTION_KERNEL)
        .addAnnotation(Members.generated(model))
        .addJavadoc("The vector kernels of {@link $T}'s element loops, lane-wise over {@code $T}"
            + "\n(created by the projection when the {@code jdk.incubator.vector} module is"
            + " present).\n", projection, RuntimeNames.DOUBLE_VECTOR)
        .addField(FieldSpec.builder(species, s, PRIVATE, STATIC, FINAL)
            .initializer("$T.SPECIES_PREFERRED", RuntimeNames.DOUBLE_VECTOR).build());
    if (storage == Storage.FLOAT) {
      type.addField(VectorGroupEmitter.floatSpecies(generated));
    }
    if (blocks) {
      type.addField(FieldSpec.builder(int.class, blockSize, PRIVATE, STATIC, FINAL)
          .addJavadoc("Elements per block when a kernel runs as several loops (L1-resident"
              + " carries).\n")
          .initializer("256").build());
    }
    type.addFields(Members.indexConstants(model, generated));
    if (!model.odes().isEmpty() || assignable) {
      type.addField(projection, owner, PRIVATE, FINAL);
    }
    type.addField(RuntimeNames.PARAMETERS, "params", PRIVATE, FINAL);
    arrays().forEach((field, source) -> type.addField(storage.arrayType, field, PRIVATE, FINAL));
    type.addMethod(constructor());
    if (!model.odes().isEmpty()) {
      type.addMethod(integrate());
    }
    model.output().ifPresent(out -> type.addMethod(outputDispatch(out)));
    if (storage == Storage.DOUBLE) {
      type.addMethod(matchesScalar(exact));
    }
    return type.addMethod(VectorKernelParts.lanes(s))
        .addMethod(VectorKernelParts.describe(storage, s))
        .addMethods(kernels)
        .build();
  }

  /** Each array field and where the constructor gets it: states, postsynaptic values, target. */
  private Map<String, CodeBlock> arrays() {
    Map<String, CodeBlock> arrays = new LinkedHashMap<>();
    String post = storage == Storage.DOUBLE ? "doubles" : "floats";
    for (State s : model.states()) {
      arrays.put(s.name(), CodeBlock.of("$L.$L", owner, generated.field(s.name(), storage)));
    }
    for (Post p : model.posts()) {
      arrays.put(postArray(p.fieldName()),
          CodeBlock.of("$L.post().$L($S)", owner, post, p.postName()));
    }
    model.output().ifPresent(o -> arrays.put(generated.outputArray(Storage.DOUBLE),
        CodeBlock.of("$L.post().$L($S)", owner, post, o.target())));
    return arrays;
  }

  private MethodSpec constructor() {
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder()
        .addModifiers(PUBLIC)
        .addJavadoc("Kernels over {@code projection}'s states, its postsynaptic arrays and its"
            + " parameter table.\n")
        .addParameter(projection, owner)
        .addParameter(RuntimeNames.PARAMETERS, "params");
    if (!model.odes().isEmpty() || assignable) {
      ctor.addStatement("this.$L = $L", owner, owner);
    }
    ctor.addStatement("this.params = params");
    arrays().forEach((field, source) -> ctor.addStatement("this.$L = $L", field, source));
    return ctor.build();
  }

  private MethodSpec integrate() {
    String args = "t, dt, " + from + ", " + to;
    CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch ($L.method())", owner);
    for (Integrator loop : loops()) {
      String cases = String.join(", ", Linearity.supported(model).stream()
          .filter(m -> m == loop || (sharesStages(m) && sharesStages(loop)))
          .map(Integrator::name).toList());
      code.beginControlFlow("case $L ->", cases)
          .beginControlFlow("if (params.heterogeneous())")
          .addStatement("$L($L)", stepMethod(loop, Variant.PER_ELEMENT), args)
          .nextControlFlow("else")
          .addStatement("$L($L)", stepMethod(loop, Variant.GROUP_WIDE), args)
          .endControlFlow()
          .endControlFlow();
    }
    if (Linearity.supported(model).size() < Integrator.values().length) {
      code.addStatement("default -> throw new $T($S + $L.method())",
          IllegalStateException.class, "unsupported integrator ", owner);
    }
    return MethodSpec.methodBuilder("integrate")
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addCode(code.endControlFlow().build())
        .build();
  }

  /** {@code matchesScalar()}: per integrator and parameter layout, from the kernels' code. */
  private MethodSpec matchesScalar(Map<String, Boolean> exact) {
    boolean outputs = model.output().isPresent();
    String output = !outputs ? "true" : exactness(exact.get(outputMethod(Variant.GROUP_WIDE)),
        exact.get(outputMethod(Variant.PER_ELEMENT)));
    MethodSpec.Builder method = MethodSpec.methodBuilder("matchesScalar")
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .returns(boolean.class);
    if (model.odes().isEmpty()) {
      return method.addStatement("return $L", output).build();
    }
    CodeBlock.Builder code = CodeBlock.builder().add("return ").beginControlFlow("switch ($L.method())", owner);
    for (Integrator loop : loops()) {
      String cases = String.join(", ", Linearity.supported(model).stream()
          .filter(m -> m == loop || (sharesStages(m) && sharesStages(loop)))
          .map(Integrator::name).toList());
      String integrate = exactness(exact.get(stepMethod(loop, Variant.GROUP_WIDE)),
          exact.get(stepMethod(loop, Variant.PER_ELEMENT)));
      code.addStatement("case $L -> $L", cases, both(integrate, output));
    }
    if (Linearity.supported(model).size() < Integrator.values().length) {
      code.addStatement("default -> false");
    }
    code.unindent().add("};\n");
    return method.addCode(code.build()).build();
  }

  /** Java for "both exact", each of {@code a} and {@code b} from {@link #exactness}. */
  private static String both(String a, String b) {
    if (a.equals("true") || a.equals(b)) {
      return b;
    }
    return b.equals("true") ? a : "false"; // false, or one layout each
  }

  /** Java for "exact" given the group-wide and per-element kernels' exactness. */
  private static String exactness(boolean groupWide, boolean perElement) {
    return groupWide == perElement ? String.valueOf(groupWide)
        : (groupWide ? "!" : "") + "params.heterogeneous()";
  }

  private MethodSpec outputDispatch(Output out) {
    String args = (readsTime(out) ? "t, " : "") + from + ", " + to;
    return MethodSpec.methodBuilder("output")
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addCode(fuses() ? CodeBlock.builder()
            .beginControlFlow("if ($L.assignsOutput())", owner)
            .add("// the integration's last loop wrote it\n")
            .addStatement("return")
            .endControlFlow().build() : CodeBlock.of(""))
        .beginControlFlow("if (params.heterogeneous())")
        .addStatement("$L($L)", outputMethod(Variant.PER_ELEMENT), args)
        .nextControlFlow("else")
        .addStatement("$L($L)", outputMethod(Variant.GROUP_WIDE), args)
        .endControlFlow()
        .build();
  }

  private boolean sharesStages(Integrator integrator) {
    return VectorKernelParts.sharesStages(model, integrator);
  }

  private List<Integrator> loops() {
    return VectorKernelParts.loops(model);
  }

  private String stepMethod(Integrator integrator, Variant variant) {
    return VectorKernelParts.stepMethod(model, integrator, variant);
  }

  /**
   * The integration of every explicit Runge–Kutta method, as the neurons' (see
   * {@code VectorGroupEmitter.stageKernel}): per block and stage, {@code RungeKutta.stage} forms
   * the stage states in the carry buffer and the rate loops save the slopes there; then
   * {@code RungeKutta.step} combines them and a last loop stores the results.
   */
  private List<MethodSpec> stageKernel(Integrator integrator, Variant variant) {
    MethodSpec unrolled = unrolledKernel(integrator, variant);
    if (unrolled != null) {
      return List.of(unrolled);
    }
    LocalNames locals = names.copy();
    Vars vars = Vars.kernel(model);
    VectorKernelParts.StagePlan stagePlan =
        VectorKernelParts.stagePlan(model, integrator, variant, locals);
    StepPlan plan = stagePlan.plan();
    StepPlan.Stages stages = stagePlan.stages();
    List<String> states = model.odes().stream().map(ModelIR.Ode::state).toList();
    int perState = VectorKernelParts.SLOTS_PER_STATE;
    String stage = stages.stage();
    Map<String, CodeBlock> slots = VectorKernelParts.stageSlots(states, stages, blockSize);
    VectorPlanRenderer render =
        new VectorPlanRenderer(model, vars, variant, plan, locals, j, owner + ".noiseSeed()", s);
    render.carried(carry, at, slots);
    List<Stmt> rates = render.stageStatements();
    List<Stmt> after = render.afterStages(null);
    LoopSplit split = LoopSplit.of(rates, 0);
    List<Stmt> preambleLets = VectorKernelParts.preambleLets(model, vars, j, plan, render);
    int base = states.size() * perState;
    String name = stepMethod(integrator, variant);
    String tableau = stages.method();
    CodeBlock tStage = CodeBlock.of("$L.time($L, t, dt)", tableau, stage);
    List<MethodSpec> methods = new ArrayList<>();
    CodeBlock.Builder driver = CodeBlock.builder()
        .addStatement("final $T $L = $T.of($L.method())", RuntimeNames.RUNGE_KUTTA, tableau,
            RuntimeNames.RUNGE_KUTTA, owner)
        .addStatement("final double[] $L = $T.carry($L * $L)", carry, RuntimeNames.VECTOR_MATH,
            base + split.slots().size(), blockSize)
        .beginControlFlow("for (int $L = $L; $L < $L; $L += $L)", block, from, block, to, block,
            blockSize)
        .addStatement("final int $L = $T.min($L, $L + $L)", blockEnd, Math.class, to, block,
            blockSize)
        .beginControlFlow("for (int $L = 0; $L < $L.stages(); $L++)", stage, stage, tableau, stage);
    for (int n = 0; n < states.size(); n++) {
      driver.addStatement("$T.rungeKutta($L, $L, this.$L, $L, $L, $L, $L * $L, $L * $L, $L, dt)",
          RuntimeNames.VECTOR_MATH, tableau,
          stage, states.get(n), block, blockEnd, carry, n * perState, blockSize,
          n * perState + 1, blockSize, blockSize);
    }
    List<List<Stmt>> parts = split.parts();
    for (int p = 0; p < parts.size(); p++) {
      boolean saves = p == parts.size() - 1;
      // Short names, so that the signatures fit a line.
      String partName = "rates" + variant.suffix + (p + 1);
      MethodSpec.Builder part = loop(partName, variant, parts.get(p), preambleLets, true,
          shifted(split.carriedIn(p), base), shifted(split.carriedOut(p), base), false, null)
          .addModifiers(PRIVATE)
          .addParameter(double[].class, carry);
      if (saves) {
        part.addParameter(int.class, stage);
        driver.addStatement("$L($L, dt, $L, $L, $L, $L)", partName, tStage, block, blockEnd, carry,
            stage);
      } else {
        driver.addStatement("$L($L, dt, $L, $L, $L)", partName, tStage, block, blockEnd, carry);
      }
      methods.add(part.build());
    }
    driver.endControlFlow();
    for (int n = 0; n < states.size(); n++) {
      driver.addStatement("$T.rungeKutta($L, $L.stages(), this.$L, $L, $L, $L, $L * $L, $L * $L, $L, dt)",
          RuntimeNames.VECTOR_MATH, tableau, tableau,
          states.get(n), block, blockEnd, carry, n * perState, blockSize, n * perState + 1,
          blockSize, blockSize);
    }
    String finishName = "finish" + variant.suffix;
    methods.add(loop(finishName, variant, after, preambleLets, true, Map.of(), Map.of(), true, null)
        .addModifiers(PRIVATE)
        .addParameter(double[].class, carry)
        .build());
    driver.addStatement("$L(t, dt, $L, $L, $L)", finishName, block, blockEnd, carry)
        .endControlFlow();
    methods.add(0, MethodSpec.methodBuilder(name)
        .addModifiers(PRIVATE)
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addCode(driver.build())
        .build());
    return methods;
  }

  /**
   * The integration of every explicit Runge–Kutta method as one loop, the stages unrolled and
   * each vector's slopes in registers, or null when it does not fit one, as the neurons' ({@code
   * VectorGroupEmitter.unrolledKernel}); then the results are stored.
   */
  private MethodSpec unrolledKernel(Integrator integrator, Variant variant) {
    LocalNames locals = names.copy();
    Vars vars = Vars.kernel(model);
    VectorKernelParts.StagePlan stagePlan =
        VectorKernelParts.stagePlan(model, integrator, variant, locals);
    VectorPlanRenderer render = new VectorPlanRenderer(model, vars, variant, stagePlan.plan(),
        locals, j, owner + ".noiseSeed()", s);
    VectorKernelParts.Unrolled unrolled = VectorKernelParts.unrolled(render, stagePlan.stages(),
        model.odes().stream().map(ModelIR.Ode::state).toList(), locals, owner + ".method()", null,
        s);
    if (unrolled == null) {
      return null;
    }
    List<Stmt> lets = new ArrayList<>(unrolled.lets());
    lets.addAll(VectorKernelParts.preambleLets(model, vars, j, stagePlan.plan(), render));
    return loop(stepMethod(integrator, variant), variant, unrolled.body(), lets, false, Map.of(),
        Map.of(), true, null).addModifiers(PRIVATE).build();
  }

  private static Map<String, Integer> shifted(Map<String, Integer> slots, int base) {
    Map<String, Integer> out = new LinkedHashMap<>();
    slots.forEach((local, slot) -> out.put(local, slot + base));
    return out;
  }

  /**
   * The integration for one integrator and parameter layout: one loop, or, when its statements
   * exceed {@link LoopSplit#BUDGET} vector operations, a driver running several loops ("parts")
   * block by block, each part handing the values later parts read through a per-thread carry
   * buffer.
   */
  private List<MethodSpec> step(Integrator integrator, Variant variant) {
    if (sharesStages(integrator)) {
      return stageKernel(integrator, variant);
    }
    LocalNames locals = names.copy();
    Vars vars = Vars.kernel(model);
    StepPlan plan = StepPlanner.kernelPlan(model, integrator, variant.uniformity, locals);
    VectorPlanRenderer render =
        new VectorPlanRenderer(model, vars, variant, plan, locals, j, owner + ".noiseSeed()",
            s);
    List<Stmt> statements = render.statements(null);
    LoopSplit split = LoopSplit.of(statements, integrated.size());
    List<List<Stmt>> parts = split.parts();
    // The scalar lets before the loop: hoisted by the plan, or found uniform when rendered.
    List<Stmt> preambleLets = VectorKernelParts.preambleLets(model, vars, j, plan, render);
    String name = Members.stepMethod(integrator, variant);
    if (parts.size() == 1) {
      return List.of(loop(name, variant, parts.get(0), preambleLets, false, Map.of(), Map.of(),
          true, null)
          .addModifiers(PRIVATE).build());
    }
    Map<String, Integer> slots = split.slots();
    List<MethodSpec> methods = new ArrayList<>();
    CodeBlock.Builder driver = CodeBlock.builder()
        .addStatement("final double[] $L = $T.carry($L * $L)", carry, RuntimeNames.VECTOR_MATH,
            slots.size(), blockSize)
        .beginControlFlow("for (int $L = $L; $L < $L; $L += $L)", block, from, block, to, block,
            blockSize)
        .addStatement("final int $L = $T.min($L, $L + $L)", blockEnd, Math.class, to, block,
            blockSize);
    for (int p = 0; p < parts.size(); p++) {
      String partName = name + "Part" + (p + 1);
      Stmt exprel = split.exprel(p);
      MethodSpec.Builder part = loop(partName, variant, parts.get(p), preambleLets, false,
          split.carriedIn(p),
          split.carriedOut(p), p == parts.size() - 1,
          exprel == null ? null : render.farLanes())
          .addModifiers(PRIVATE)
          .addParameter(double[].class, carry);
      if (exprel != null) {
        driver.beginControlFlow("if ($L(t, dt, $L, $L, $L) != 0)", partName, block, blockEnd, carry)
            .add("// lanes with |z| >= 0.5 (rare): the scalar Exprel, as the scalar kernel\n")
            .addStatement("$T.exprelFar($L, $L * $L, $L * $L, $L - $L, dt)",
                RuntimeNames.VECTOR_MATH, carry, slots.get(exprel.exprelOf()), blockSize,
                slots.get(exprel.defines()), blockSize, blockEnd, block)
            .endControlFlow();
      } else {
        driver.addStatement("$L(t, dt, $L, $L, $L)", partName, block, blockEnd, carry);
      }
      methods.add(part.build());
    }
    driver.endControlFlow();
    methods.add(0, MethodSpec.methodBuilder(name)
        .addModifiers(PRIVATE)
        .addJavadoc("$L loops per block of {@code BLOCK} elements, so that C2 compiles each whole.\n",
            parts.size())
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addCode(driver.build())
        .build());
    return methods;
  }

  /**
   * A loop over {@code [from, to)}: loads what {@code statements} read, the {@code in} locals from
   * the carry buffer, then the statements, the {@code out} locals to the carry buffer, and when
   * {@code last} the integrated states back to their arrays. {@code preambleLets} are the kernel's
   * scalar lets before its loops; with {@code indexCarry} the loop indexes the carry buffer even
   * when it carries nothing (the stage kernel's loops read the stage states there). With
   * {@code farLanes} it returns how many exprel lanes it left to the scalar function.
   */
  private MethodSpec.Builder loop(String name, Variant variant, List<Stmt> statements,
      List<Stmt> preambleLets, boolean indexCarry, Map<String, Integer> in,
      Map<String, Integer> out, boolean last, String farLanes) {
    Set<Ref> reads = new LinkedHashSet<>();
    statements.forEach(st -> reads.addAll(st.reads()));
    boolean fused = last && fuses();
    Set<Ref> outReads = fused ? outputReads(model.output().orElseThrow()) : Set.of();
    CodeBlock.Builder body = CodeBlock.builder();
    if (!in.isEmpty() || !out.isEmpty() || indexCarry) {
      body.addStatement("final int $L = $L - $L", at, j, from);
    }
    in.forEach((local, slot) -> body.addStatement("final $T $L = $T.fromArray($L, $L, $L * $L + $L)",
        RuntimeNames.DOUBLE_VECTOR, local, RuntimeNames.DOUBLE_VECTOR, s, carry, slot, blockSize, at));
    body.add(loads(variant, reads, last ? integrated : Set.of()));
    statements.forEach(st -> body.add(st.code()));
    out.forEach((local, slot) -> body.addStatement("$L.intoArray($L, $L * $L + $L)", local,
        carry, slot, blockSize, at));
    if (last) {
      integrated.forEach(s -> body.add(store(s, CodeBlock.of("$L", s))));
    }
    if (fused) {
      // What only the output reads loads in its branch; the states are the integrated ones.
      Set<Ref> only = new LinkedHashSet<>(outReads);
      only.removeAll(reads);
      only.removeIf(r -> r.kind() == RefKind.STATE && integrated.contains(r.name()));
      body.beginControlFlow("if ($L)", assign)
          .add(loads(variant, only, Set.of()))
          .add("// $L = 0.0 + $L\n", model.output().orElseThrow().target(),
              Members.oneLine(model.output().orElseThrow().sourceText()))
          .add(store(generated.outputArray(Storage.DOUBLE), CodeBlock.of("$T.zero($L).add($L)",
              RuntimeNames.DOUBLE_VECTOR, s, outputRenderer(variant).vector(
                  model.output().orElseThrow().value()))))
          .endControlFlow();
    }
    Set<Ref> preambleReads = new LinkedHashSet<>(reads);
    preambleReads.addAll(outReads);
    CodeBlock.Builder code = CodeBlock.builder().add(VectorKernelParts.preamble(model, variant,
        preambleLets, preambleReads, in.keySet(), generated));
    if (fused) {
      code.addStatement("final boolean $L = $L.assignsOutput()", assign, owner);
    }
    if (farLanes != null) {
      code.addStatement("int $L = 0", farLanes);
    }
    code.beginControlFlow("for (int $L = $L; $L < $L; $L += $L.length())", j, from, j, to, j, s)
        .add(body.build())
        .endControlFlow();
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to);
    if (farLanes != null) {
      code.addStatement("return $L", farLanes);
      method.returns(int.class);
    }
    return method.addCode(code.build());
  }

  /** {@code post.<target>[j] += <output>}, a vector at a time. */
  /** The output's expressions lane-wise; {@code vectorLets} collects its vector locals. */
  private VectorExprRenderer outputRenderer(Variant variant, Set<String> vectorLets) {
    Vars vars = Vars.kernel(model);
    return new VectorExprRenderer(vars::name, r -> switch (r.kind()) {
      case STATE, INPUT, POST, PRE -> true;
      case PARAM -> variant == Variant.PER_ELEMENT;
      case TIME, DT, BODY -> false;
      case LOCAL -> vectorLets.contains(r.name());
    }, s);
  }

  private VectorExprRenderer outputRenderer(Variant variant) {
    return outputRenderer(variant, new HashSet<>());
  }

  /** What the output's lets and value read. */
  private static Set<Ref> outputReads(Output out) {
    Set<Ref> reads = new LinkedHashSet<>();
    out.locals().values().forEach(e -> reads.addAll(Exprs.refs(e)));
    reads.addAll(Exprs.refs(out.value()));
    return reads;
  }

  private MethodSpec output(Output out, Variant variant) {
    Set<String> vectorLets = new HashSet<>();
    VectorExprRenderer exprs = outputRenderer(variant, vectorLets);
    LocalLets lets = LocalLets.of(out.locals(), out.value(), "out", names.copy());
    CodeBlock locals = exprs.lets(lets.lets(), vectorLets);
    CodeBlock value = exprs.vector(lets.value());
    Set<Ref> reads = new LinkedHashSet<>();
    lets.lets().forEach(l -> reads.addAll(Exprs.refs(l.value())));
    reads.addAll(Exprs.refs(lets.value()));
    String target = generated.outputArray(Storage.DOUBLE);
    CodeBlock body = CodeBlock.builder()
        .add(loads(variant, reads, Set.of()))
        .add("// $L += $L\n", out.target(), Members.oneLine(out.sourceText()))
        .add(locals)
        .add(store(target, assignable && !fuses()
            ? CodeBlock.of("($L ? $T.zero($L) : $L).add($L)", assign, RuntimeNames.DOUBLE_VECTOR,
                s, loadStored(target), value)
            : CodeBlock.of("$L.add($L)", loadStored(target), value)))
        .build();
    MethodSpec.Builder method = MethodSpec.methodBuilder(outputMethod(variant))
        .addModifiers(PRIVATE);
    if (readsTime(out)) {
      method.addParameter(double.class, "t");
    }
    return method.addParameter(int.class, from)
        .addParameter(int.class, to)
        .addCode(VectorKernelParts.preamble(model, variant, List.of(), reads, Set.of(),
            generated))
        .addCode(assignable && !fuses() ? CodeBlock.of("final boolean $L = $L.assignsOutput();\n", assign,
            owner) : CodeBlock.of(""))
        .beginControlFlow("for (int $L = $L; $L < $L; $L += $L.length())", j, from, j, to, j, s)
        .addCode(body)
        .endControlFlow()
        .build();
  }

  private static String outputMethod(Variant variant) {
    return "addOutput" + variant.suffix;
  }

  private static boolean readsTime(Output out) {
    return Exprs.parts(out).stream().anyMatch(e -> Exprs.mentions(e, RefKind.TIME));
  }

  /**
   * The vectors of one iteration: the per-element parameters, postsynaptic values and states in
   * {@code reads}, the states in {@code mutable} as mutable locals (the last loop stores them).
   */
  private CodeBlock loads(Variant variant, Set<Ref> reads, Set<String> mutable) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (variant == Variant.PER_ELEMENT) {
      for (Param p : model.params()) {
        if (reads.contains(new Ref(p.name(), RefKind.PARAM))) {
          code.addStatement("final $T $L = $L", RuntimeNames.DOUBLE_VECTOR, p.name(),
              load(generated.column(p.name())));
        }
      }
    }
    for (Post p : model.posts()) {
      if (reads.contains(new Ref(p.fieldName(), RefKind.POST))) {
        code.addStatement("final $T $L = $L", RuntimeNames.DOUBLE_VECTOR, p.fieldName(),
            loadStored(postArray(p.fieldName())));
      }
    }
    for (State s : model.states()) {
      if (mutable.contains(s.name())) {
        code.addStatement("$T $L = $L", RuntimeNames.DOUBLE_VECTOR, s.name(),
            loadStored("this." + s.name()));
      } else if (reads.contains(new Ref(s.name(), RefKind.STATE))) {
        code.addStatement("final $T $L = $L", RuntimeNames.DOUBLE_VECTOR, s.name(),
            loadStored("this." + s.name()));
      }
    }
    return code.build();
  }

  private CodeBlock load(String array) {
    return CodeBlock.of("$T.fromArray($L, $L, $L)", RuntimeNames.DOUBLE_VECTOR, s, array, j);
  }

  /** This class's field for the postsynaptic array {@code name} (typed by the storage). */
  private String postArray(String name) {
    return generated.postArray(name, Storage.DOUBLE);
  }

  /** A state or postsynaptic array's lanes as doubles: widened when stored as float. */
  private CodeBlock loadStored(String array) {
    return storage == Storage.DOUBLE ? load(array)
        : VectorGroupEmitter.widen(generated, array, j);
  }

  /** Stores {@code value} into {@code array} (a field), rounded lane-wise for float storage. */
  private CodeBlock store(String array, CodeBlock value) {
    String field = array.startsWith("this.") ? array : "this." + array;
    return storage == Storage.DOUBLE
        ? CodeBlock.of("$L.intoArray($L, $L);\n", value, field, j)
        : VectorGroupEmitter.narrow(generated, value, field, j);
  }
}
