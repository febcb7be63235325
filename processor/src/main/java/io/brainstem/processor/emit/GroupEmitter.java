package io.brainstem.processor.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.brainstem.annotations.Integrator;
import io.brainstem.annotations.RefractoryRule;
import io.brainstem.processor.integrate.Linearity;
import io.brainstem.processor.integrate.LocalLets;
import io.brainstem.processor.integrate.LocalNames;
import io.brainstem.processor.integrate.StagedPlanner;
import io.brainstem.processor.integrate.StepPlan;
import io.brainstem.processor.integrate.StepPlanner;
import io.brainstem.processor.ir.Assign;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.NeuronIR;
import io.brainstem.processor.ir.ModelIR.State;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code <Model>Group extends NeuronGroup} for a {@code @Neuron}: per element, BrainPy's order
 * (refractory check, integrate unless refractory, threshold on the resulting state, reset).
 */
final class GroupEmitter {
  private static final String T_LAST_SPIKE = "t_last_spike";
  private static final String REFRACTORY_RULE = "refractoryRule";
  /** The suffix of the class holding the staged loops. */
  private static final String STAGED = "Staged";
  /** The suffix of the staged loops onto an exponential-Euler group. */
  static final String EXPONENTIAL = "Exponential";

  private final NeuronIR model;
  private final ClassName self;
  private final ClassName user;
  private final Set<String> assigned = new LinkedHashSet<>();
  private final GeneratedNames generated;
  private final LocalNames names;
  /** The detached loop classes' field holding their group. */
  private final String owner;
  private final String i;
  private final String from;
  private final String to;
  private final String spikeEnd;
  private final String refractory;
  private final String spiked;
  private final String holdTime;
  private final String heldBefore;
  private final String m;
  private final boolean usesTime;
  /** Whether {@code <Model>GroupVector} is generated too, for the group to load. */
  private final boolean vector;
  /** Inputs the staged loops read, each with the states whose ODE reads it; empty: no such loops. */
  private final Map<String, List<String>> stagedLayout;
  /**
   * Where a loop is emitted: in the group itself, or in a class loaded apart from it
   * ({@code <Model>GroupFloat}, {@code <Model>GroupDebug}, {@code <Model>GroupStaged}), whose
   * loops reach the group's own members through {@code group}.
   */
  private enum Home { GROUP, APART }

  GroupEmitter(NeuronIR model, GeneratedNames generated, boolean vector) {
    this.model = model;
    this.vector = vector;
    this.self = ClassName.get(model.packageName(), model.className() + "Group");
    this.user = ClassName.get(model.packageName(), model.className());
    model.odes().forEach(o -> assigned.add(o.state()));
    model.reset().ifPresent(r -> r.assignments().forEach(a -> assigned.add(a.state())));
    this.generated = generated;
    this.names = generated.locals();
    this.owner = generated.owner();
    this.i = names.allocate("i");
    this.from = names.allocate("from");
    this.to = names.allocate("to");
    this.spikeEnd = names.allocate("spikeEnd");
    this.refractory = names.allocate("refractory");
    this.spiked = names.allocate("spiked");
    this.holdTime = names.allocate("holdTime");
    this.heldBefore = names.allocate("heldBefore");
    this.m = names.allocate("m");
    this.usesTime = model.refractoryParam().isPresent() || ModelNames.readsTime(model);
    this.stagedLayout = StagedPlanner.neuronLayout(model);
  }

  TypeSpec type() {
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(PUBLIC, FINAL)
        .superclass(RuntimeNames.NEURON_GROUP)
        .addAnnotation(Members.generated(model))
        .addJavadoc("A group of {@link $T} neurons, stored as one array per variable.\n", user)
        .addFields(Members.indexConstants(model, generated))
        .addField(Members.paramsField())
        .addFields(Members.noiseFields(model));
    for (State s : model.states()) {
      type.addField(FieldSpec.builder(double[].class, s.name(), PUBLIC, FINAL)
          .addJavadoc("State {@code $L}, one per neuron (null under {@code Precision.FLOAT}).\n",
              s.name()).build());
      type.addField(FieldSpec.builder(float[].class, generated.field(s.name(), Storage.FLOAT), PUBLIC, FINAL)
          .addJavadoc("State {@code $L} under {@code Precision.FLOAT}, else null.\n", s.name())
          .build());
    }
    for (String input : model.inputs()) {
      type.addField(FieldSpec.builder(double[].class, input, PUBLIC, FINAL)
          .addJavadoc("Input {@code $L}, accumulated during a step and cleared after it (null under"
              + " {@code Precision.FLOAT}).\n", input)
          .build());
      type.addField(FieldSpec.builder(float[].class, generated.field(input, Storage.FLOAT), PUBLIC, FINAL)
          .addJavadoc("Input {@code $L} under {@code Precision.FLOAT}, else null.\n", input)
          .build());
    }
    if (model.refractoryParam().isPresent()) {
      type.addField(FieldSpec.builder(double[].class, T_LAST_SPIKE, PUBLIC, FINAL)
          .addJavadoc("Time of each neuron's last spike (-1e7 before the first).\n").build());
      type.addField(FieldSpec.builder(RefractoryRule.class, REFRACTORY_RULE, PRIVATE)
          .initializer("$T.$L", RefractoryRule.class, RefractoryRule.BRAINPY.name()).build());
      type.addMethods(refractoryRuleMethods());
    }
    type.addMethod(doubleConstructor())
        .addMethod(constructor())
        .addMethods(Members.setters(model, generated, self, "neuron"))
        .addMethod(Members.methodSetter(model, self))
        .addMethods(Members.seedSetter(model, self, "neuron"))
        .addMethods(Members.noiseSeedGetter(model))
        .addMethod(Members.paramsGetter())
        .addField(FieldSpec.builder(detachedName(Storage.FLOAT.suffix), generated.loopHolder("floatLoops"), PRIVATE, FINAL)
            .addJavadoc("The loops over float storage (null under {@code Precision.DOUBLE}).\n")
            .build());
    if (!stagedLayout.isEmpty()) {
      type.addField(FieldSpec.builder(detachedName(STAGED), generated.loopHolder("stagedLoops"), PRIVATE, FINAL)
          .addJavadoc("The loops run while a {@code Coupling.STAGED} projection targets the group."
              + "\n").build());
    }
    type.addField(FieldSpec.builder(detachedName(Variant.DEBUG.suffix), generated.loopHolder("debugLoops"), PRIVATE, FINAL)
        .addJavadoc("The loops of {@code jit == false}, which call the model's own methods.\n")
        .build());
    type.addMethod(update())
        .addMethod(scalarUpdate(Storage.DOUBLE, Home.GROUP));
    for (Integrator integrator : Members.scalarLoops(model)) {
      type.addMethod(step(integrator, Variant.GROUP_WIDE, Storage.DOUBLE, Home.GROUP))
          .addMethod(step(integrator, Variant.PER_ELEMENT, Storage.DOUBLE, Home.GROUP));
    }
    return type.build();
  }

  /**
   * The classes loaded apart from the group, so that it holds only its API and double kernels:
   * {@code <Model>GroupFloat} (the kernels over float storage), {@code <Model>GroupDebug} (the
   * {@code jit == false} loops, both storages) and, for a model that can be staged,
   * {@code <Model>GroupStaged} (the staged loops, both storages).
   */
  List<TypeSpec> detachedTypes() {
    List<TypeSpec> types = new ArrayList<>();
    List<MethodSpec> floats = new ArrayList<>();
    floats.add(scalarUpdate(Storage.FLOAT, Home.APART));
    for (Integrator integrator : Members.scalarLoops(model)) {
      floats.add(step(integrator, Variant.GROUP_WIDE, Storage.FLOAT, Home.APART));
      floats.add(step(integrator, Variant.PER_ELEMENT, Storage.FLOAT, Home.APART));
    }
    types.add(detachedType(Storage.FLOAT.suffix, List.of(Storage.FLOAT), floats,
        "The kernels of {@link $T} over float storage: each widens what it loads and rounds what"
            + " it stores\n(created by the group under {@code Precision.FLOAT}).\n"));
    List<MethodSpec> debug = new ArrayList<>();
    debug.add(debugDispatch());
    for (Storage storage : Storage.values()) {
      debug.add(debugUpdate(storage));
      for (Integrator integrator : Members.scalarLoops(model)) {
        debug.add(step(integrator, Variant.DEBUG, storage, Home.APART));
      }
    }
    types.add(detachedType(Variant.DEBUG.suffix, List.of(Storage.values()), debug,
        "The loops of {@link $T} under {@code jit == false}: they copy each neuron into an"
            + " instance of the model\nand call its own methods, so a debugger stops inside"
            + " them; the arithmetic is the kernels'.\n"));
    if (!stagedLayout.isEmpty()) {
      List<MethodSpec> staged = new ArrayList<>();
      staged.add(stagedDispatch());
      for (Storage storage : Storage.values()) {
        staged.add(stagedUpdate(storage));
        for (Variant variant : Variant.values()) {
          staged.add(stagedStep(variant, storage, false));
          staged.add(stagedStep(variant, storage, true));
        }
      }
      types.add(detachedType(STAGED, List.of(Storage.values()), staged,
          "The staged loops of {@link $T}, run while a {@code Coupling.STAGED} projection"
              + " targets the group.\n"));
    }
    return types;
  }

  private ClassName detachedName(String suffix) {
    return ClassName.get(model.packageName(), model.className() + "Group" + suffix);
  }

  /** A package-private class holding {@code loops}, with the group's arrays they read. */
  private TypeSpec detachedType(String suffix, List<Storage> storages, List<MethodSpec> loops,
      String javadoc) {
    TypeSpec.Builder type = TypeSpec.classBuilder(detachedName(suffix))
        .addModifiers(FINAL)
        .addAnnotation(Members.generated(model))
        .addJavadoc(javadoc, self)
        .addFields(Members.indexConstants(model, generated))
        .addField(self, owner, PRIVATE, FINAL)
        .addField(RuntimeNames.PARAMETERS, "params", PRIVATE, FINAL)
        .addField(int[].class, "spikeIndex", PRIVATE, FINAL)
        .addField(boolean[].class, "spike", PRIVATE, FINAL);
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder()
        .addJavadoc("Loops over {@code group}'s arrays, its parameter table and spike list.\n")
        .addParameter(self, owner)
        .addParameter(RuntimeNames.PARAMETERS, "params")
        .addParameter(int[].class, "spikeIndex")
        .addStatement("this.$L = $L", owner, owner)
        .addStatement("this.params = params")
        .addStatement("this.spikeIndex = spikeIndex")
        .addStatement("this.spike = " + owner + ".spike");
    List<String> arrays = new ArrayList<>();
    model.states().forEach(x -> arrays.add(x.name()));
    arrays.addAll(model.inputs());
    for (Storage storage : storages) {
      for (String array : arrays) {
        String field = generated.field(array, storage);
        type.addField(storage.arrayType, field, PRIVATE, FINAL);
        ctor.addStatement("this.$L = " + owner + ".$L", field, field);
      }
    }
    if (model.refractoryParam().isPresent()) {
      type.addField(double[].class, T_LAST_SPIKE, PRIVATE, FINAL);
      ctor.addStatement("this.$L = " + owner + ".$L", T_LAST_SPIKE, T_LAST_SPIKE);
    }
    return type.addMethod(ctor.build()).addMethods(loops).build();
  }

  /** {@code refractoryRule(RefractoryRule)} and its getter, for models with a refractory period. */
  private List<MethodSpec> refractoryRuleMethods() {
    String period = model.refractoryParam().orElseThrow();
    return List.of(
        MethodSpec.methodBuilder(REFRACTORY_RULE)
            .addModifiers(PUBLIC)
            .returns(self)
            .addJavadoc("Chooses how {@code $L} counts steps: {@code BRAINPY} (the default) holds a"
                + " neuron\nfor {@code floor($L/dt + 0.001)} steps after the step it spiked in,"
                + " {@code BRIAN2} one\nstep less.\n", period, period)
            .addParameter(RefractoryRule.class, "rule")
            .addStatement("this.$L = $T.requireNonNull(rule, $S)", REFRACTORY_RULE,
                Objects.class, "rule")
            .addStatement("return this")
            .build(),
        MethodSpec.methodBuilder(REFRACTORY_RULE)
            .addModifiers(PUBLIC)
            .returns(RefractoryRule.class)
            .addJavadoc("How {@code $L} counts steps.\n", period)
            .addStatement("return $L", REFRACTORY_RULE)
            .build());
  }

  private MethodSpec doubleConstructor() {
    return MethodSpec.constructorBuilder()
        .addModifiers(PUBLIC)
        .addJavadoc("$L neurons named {@code name} (used in paths such as {@code name.spike}), "
            + "storing double.\n", "{@code size}")
        .addParameter(String.class, "name")
        .addParameter(int.class, "size")
        .addStatement("this(name, size, $T.DOUBLE)", RuntimeNames.PRECISION)
        .build();
  }

  private MethodSpec constructor() {
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder()
        .addModifiers(PUBLIC)
        .addJavadoc("$L neurons named {@code name}, storing their state with {@code precision}.\n",
            "{@code size}")
        .addParameter(String.class, "name")
        .addParameter(int.class, "size")
        .addParameter(RuntimeNames.PRECISION, "precision")
        .addStatement("super(name, $S, size, $T.$L, precision)", model.className(),
            Integrator.class, model.method().name())
        .addCode(Members.initParams(model, generated, "name", "size"));
    if (!model.noises().isEmpty()) {
      ctor.addStatement("this.noiseSeed = name.hashCode()");
    }
    for (State s : model.states()) {
      String initial = ExprRenderer.literal(s.initialValue());
      ctor.addStatement("this.$L = state($S, $L)", s.name(), s.name(), initial)
          .addStatement("this.$L = floatState($S, $L)", generated.field(s.name(), Storage.FLOAT), s.name(),
              initial);
    }
    for (String input : model.inputs()) {
      ctor.addStatement("this.$L = input($S)", input, input)
          .addStatement("this.$L = floatInput($S)", generated.field(input, Storage.FLOAT), input);
    }
    if (model.refractoryParam().isPresent()) {
      ctor.addStatement("this.$L = timeState($S, -1e7)", T_LAST_SPIKE, T_LAST_SPIKE);
    }
    if (!stagedLayout.isEmpty()) {
      List<String> slopes = new ArrayList<>();
      stagedLayout.forEach((input, states) -> states.forEach(x -> slopes.add(input + ":" + x)));
      ctor.addStatement("stagedLayout($T.of($L), $T.of($L))", List.class,
          quoted(stagedLayout.keySet()), List.class, quoted(slopes));
    }
    ctor.addStatement("this.$L = precision == $T.FLOAT ? new $T(this, params, spikeIndex) : null",
        generated.loopHolder("floatLoops"), RuntimeNames.PRECISION, detachedName(Storage.FLOAT.suffix));
    ctor.addStatement("this.$L = new $T(this, params, spikeIndex)", generated.loopHolder("debugLoops"),
        detachedName(Variant.DEBUG.suffix));
    if (!stagedLayout.isEmpty()) {
      ctor.addStatement("this.$L = new $T(this, params, spikeIndex)", generated.loopHolder("stagedLoops"),
          detachedName(STAGED));
    }
    if (vector) {
      // By name: this class must load without the jdk.incubator.vector module.
      ctor.addStatement("vectorKernel($T.load(precision == $T.FLOAT ? $S : $S, this, params, "
              + "spikeIndex))", RuntimeNames.KERNELS, RuntimeNames.PRECISION,
          VectorGroupEmitter.className(model, Storage.FLOAT).reflectionName(),
          VectorGroupEmitter.className(model, Storage.DOUBLE).reflectionName());
    }
    return ctor.build();
  }

  private MethodSpec update() {
    String range = from + ", " + to;
    String args = (usesTime ? "t, dt, " : "dt, ") + range;
    MethodSpec.Builder update = MethodSpec.methodBuilder("update")
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .returns(int.class)
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addParameter(boolean.class, "jit");
    if (!stagedLayout.isEmpty()) {
      update.beginControlFlow("if (staged())")
          .addStatement("return $L.update(t, dt, $L, jit)", generated.loopHolder("stagedLoops"), range)
          .endControlFlow();
    }
    update.beginControlFlow("if (!jit)")
        .addStatement("return $L.update(t, dt, $L)", generated.loopHolder("debugLoops"), range)
        .endControlFlow();
    if (!vector) {
      return update.addStatement("return $L", scalarCall(range)).build();
    }
    return update
        .addStatement("final $T vector = vectorKernel()", RuntimeNames.NEURON_KERNEL)
        .beginControlFlow("if (vector == null)")
        .addStatement("return $L", scalarCall(range))
        .endControlFlow()
        .addComment("With synapses folded into the loop (FusedInput), the fused kernel.")
        .addStatement("final $T fused = fusedInputs()", RuntimeNames.FUSED_INPUTS)
        .addComment("Whole vectors there; the last (fewer than lanes()) neurons here, scalar. While")
        .addComment("the vector kernel warms up, only a slice of them there (VectorWarmUp).")
        .addStatement("final $T warmUp = warmUp(vector, fused != null)", RuntimeNames.VECTOR_WARM_UP)
        .addStatement("final int upper = warmUp.vectorEnd($L, $L, vector.lanes())", from, to)
        .addStatement("final long start = warmUp.clock()")
        .addStatement("final int spikeEnd = fused == null ? vector.update(t, dt, $L, upper)"
            + " : vector.updateFused(t, dt, $L, upper, fused)", from, from)
        .beginControlFlow("if (upper == $L)", to)
        .addStatement("return spikeEnd")
        .endControlFlow()
        .addStatement("final long split = warmUp.clock()")
        .beginControlFlow("if (fused != null)")
        .addStatement("fused.settleTail(upper, $L)", to)
        .endControlFlow()
        .addStatement("final int end = joinTail(spikeEnd, upper, $L)", scalarCall("upper, " + to))
        .addStatement("warmUp.record(start, split, upper - $L, $L - upper)", from, to)
        .addStatement("return end")
        .build();
  }

  /** The scalar kernels of the group's storage on {@code range}. */
  private CodeBlock scalarCall(String range) {
    return CodeBlock.of("$L != null ? $L.scalarUpdate(t, dt, $L) : scalarUpdate(t, dt, $L)",
        generated.loopHolder("floatLoops"), generated.loopHolder("floatLoops"), range, range);
  }

  /** {@code update}: the debug loops of the group's storage. */
  private MethodSpec debugDispatch() {
    String range = from + ", " + to;
    return MethodSpec.methodBuilder("update")
        .returns(int.class)
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addStatement("return " + owner + ".precision() == $T.FLOAT ? updateFloat(t, dt, $L) : "
            + "updateDouble(t, dt, $L)", RuntimeNames.PRECISION, range, range)
        .build();
  }

  /** The debug loops of one storage. */
  private MethodSpec debugUpdate(Storage storage) {
    return MethodSpec.methodBuilder(storage == Storage.FLOAT ? "updateFloat" : "updateDouble")
        .addModifiers(PRIVATE)
        .returns(int.class)
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addCode(Members.dispatchReturning(model,
            (usesTime ? "t, dt, " : "dt, ") + from + ", " + to, storage, owner + ".", true))
        .build();
  }

  /** The scalar kernels for one storage: what {@code update} runs without vector kernels. */
  private MethodSpec scalarUpdate(Storage storage, Home home) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("scalarUpdate");
    if (home == Home.GROUP) {
      method.addModifiers(PRIVATE);
    }
    return method
        .returns(int.class)
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addCode(Members.dispatchReturning(model,
            (usesTime ? "t, dt, " : "dt, ") + from + ", " + to, storage, members(home),
            false))
        .build();
  }

  /** How a loop at {@code home} names the group's members: {@code group.} or nothing. */
  private String members(Home home) {
    return home == Home.APART ? owner + "." : "";
  }

  private MethodSpec step(Integrator integrator, Variant variant, Storage storage, Home home) {
    LocalNames locals = names.copy();
    boolean debug = variant == Variant.DEBUG;
    Vars vars = debug ? Vars.debug(model, m) : Vars.kernel(model);
    PlanRenderer render =
        debug ? PlanRenderer.debug(model, vars, m, i) : PlanRenderer.kernel(model, vars, i);
    if (home == Home.APART) {
      render.seed(owner + ".noiseSeed()");
      render.methodOwner(owner + ".");
    }
    StepPlan plan = debug
        ? StepPlanner.plan(model, integrator, variant.uniformity, locals, true)
        : StepPlanner.kernelPlan(model, integrator, variant.uniformity, locals, true);

    String block = null;
    if (!debug && PlanRenderer.staged(plan)) {
      // The stages run over blocks of elements in plain loops, which C2 vectorizes.
      block = locals.allocate("block");
      render.blocked(block, locals, state -> "this." + generated.field(state, storage), to);
    }
    return loopMethod(Members.scalarStepMethod(integrator, variant) + storage.suffix, plan, render,
        vars, variant, storage, locals, CodeBlock.of(""), block, home);
  }

  /**
   * One element loop over {@code plan} (params, hoisted values and the refractory hold time
   * before it; inputs, states and the element body in it), as the method {@code name}; the
   * plain and the staged loops share it. {@code prelude} comes first (the staged arrays).
   */
  private MethodSpec loopMethod(String name, StepPlan plan, PlanRenderer render, Vars vars,
      Variant variant, Storage storage, LocalNames locals, CodeBlock prelude, String block,
      Home home) {
    boolean debug = variant == Variant.DEBUG;
    Loads loads = new Loads(model, generated, variant, storage, m);
    String end = block == null ? to : locals.allocate("blockEnd");
    // First the stages, whose rendering names the arrays the element loop reads the results from.
    CodeBlock stages = block == null ? null : render.blockStages(plan, end, () -> CodeBlock.builder()
        .add(loads.paramsInLoop(vars, i))
        .add(loads.inputs(vars, i))
        .add(loadStates(vars, debug, storage))
        .build());
    CodeBlock body = elementBody(plan, render, debug, storage, locals);
    CodeBlock hoisted = render.hoisted(plan);
    CodeBlock hold = holdTime(vars, home);
    boolean holdOnce = variant == Variant.GROUP_WIDE;

    CodeBlock.Builder code = CodeBlock.builder();
    if (debug) {
      // One instance per call: ranges on different threads never share it.
      code.addStatement("final $T $L = new $T()", user, m, user);
    }
    code.add(loads.paramsBeforeLoop(vars))
        .add(prelude)
        .add(hoisted)
        .add(holdOnce ? hold : CodeBlock.of(""))
        .addStatement("int $L = $L", spikeEnd, from);
    String first = from;
    if (block != null) {
      first = block;
      code.beginControlFlow("for (int $L = $L; $L < $L; $L += $T.BLOCK)", block, from, block, to,
              block, RuntimeNames.RUNGE_KUTTA)
          .addStatement("final int $L = $T.min($L + $T.BLOCK, $L)", end, Math.class, block,
              RuntimeNames.RUNGE_KUTTA, to)
          .add(stages);
    }
    CodeBlock elementLoads = CodeBlock.builder()
        .add(loads.paramsInLoop(vars, i))
        .add(holdOnce ? CodeBlock.of("") : hold)
        .add(loads.inputs(vars, i))
        .add(loadStates(vars, debug, storage))
        .build();
    code.beginControlFlow("for (int $L = $L; $L < $L; $L++)", i, first, i, end, i)
        // Blocked, the right-hand sides' loads went to the stages' loop.
        .add(block == null ? elementLoads : Loads.readBy(elementLoads, body))
        .add(body)
        .endControlFlow();
    if (block != null) {
      code.endControlFlow();
    }
    code.addStatement("return $L", spikeEnd);

    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addModifiers(PRIVATE)
        .returns(int.class);
    if (usesTime) {
      method.addParameter(double.class, "t");
    }
    return method.addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addCode(code.build())
        .build();
  }

  /**
   * The refractory period in whole steps, as a time to compare {@code t - t_last_spike} with (see
   * {@code RefractoryRule.holdTime}); once per call when the period is group-wide.
   */
  private CodeBlock holdTime(Vars vars, Home home) {
    if (model.refractoryParam().isEmpty()) {
      return CodeBlock.of("");
    }
    String period = vars.name(new Ref(model.refractoryParam().get(), RefKind.PARAM));
    return CodeBlock.of("final double $L = $L.holdTime($L, dt);\n", holdTime,
        members(home) + REFRACTORY_RULE + (home == Home.APART ? "()" : ""), period);
  }

  /**
   * The pre-step value of a crossing threshold, then integrate unless refractory, then threshold,
   * reset and stores.
   */
  private CodeBlock elementBody(StepPlan plan, PlanRenderer render, boolean debug,
      Storage storage, LocalNames locals) {
    CodeBlock.Builder code = CodeBlock.builder();
    boolean crossing = model.threshold().map(ModelIR.Threshold::crossing).orElse(false);
    if (crossing) {
      code.add(threshold(render, debug, heldBefore, null, locals));
    }
    CodeBlock integrate = render.perElement(plan);
    if (model.refractoryParam().isPresent()) {
      code.addStatement("final boolean $L = t - $L[$L] < $L", refractory, T_LAST_SPIKE, i, holdTime)
          .beginControlFlow("if (!$L)", refractory)
          .add(integrate)
          .endControlFlow();
    } else {
      code.add(integrate);
    }
    if (model.threshold().isEmpty()) {
      return code.add(storeStates(storage)).build();
    }
    code.add(threshold(render, debug, spiked, crossing ? heldBefore : null, locals));
    code.beginControlFlow("if ($L)", spiked);
    model.reset().ifPresent(reset -> {
      if (debug) {
        code.addStatement("$L.$L()", m, reset.methodName());
        reset.assignments().stream().map(Assign::state).distinct()
            .forEach(s -> code.addStatement("$L = $L.$L", s, m, s));
      } else {
        for (Assign a : reset.assignments()) {
          code.addStatement("$L $L $L", a.state(), a.op().symbol, render.expr(a.value()));
        }
      }
    });
    if (model.refractoryParam().isPresent()) {
      code.addStatement("$L[$L] = t", T_LAST_SPIKE, i);
    }
    code.addStatement("spikeIndex[$L++] = $L", spikeEnd, i);
    return code.endControlFlow()
        .add(storeStates(storage))
        .addStatement("spike[$L] = $L", i, spiked)
        .build();
  }

  /**
   * {@code final boolean name = <the threshold on the current states>}, after {@code !unless &&}
   * when {@code unless} is not null, and after a let per body local it reads (named through
   * {@code locals}, so the pre-step and the post-step lets differ); the debug loop calls the
   * user's method.
   */
  private CodeBlock threshold(PlanRenderer render, boolean debug, String name, String unless,
      LocalNames locals) {
    CodeBlock.Builder code = CodeBlock.builder();
    ModelIR.Threshold threshold = model.threshold().orElseThrow();
    String not = unless == null ? "" : "!" + unless + " && ";
    if (debug) {
      model.states().forEach(s -> code.addStatement("$L.$L = $L", m, s.name(), s.name()));
      code.addStatement("final boolean $L = $L$L.$L()", name, not, m, threshold.methodName());
    } else {
      LocalLets lets = LocalLets.of(threshold.locals(), threshold.condition(), name, locals);
      lets.lets().forEach(let ->
          code.addStatement("final double $L = $L", let.name(), render.expr(let.value())));
      Expr condition = lets.value();
      if (unless != null) { // rendered as one tree, so an '||' condition gets its parentheses
        condition = new Expr.Logic(Expr.LogicOp.AND, new Expr.Not(new Ref(unless, RefKind.LOCAL)),
            condition);
      }
      code.addStatement("final boolean $L = $L", name, render.expr(condition));
    }
    return code.build();
  }

  /** States are locals: mutable when integrated or reset; loaded only when read (kernels). */
  private CodeBlock loadStates(Vars vars, boolean debug, Storage storage) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (State s : model.states()) {
      boolean written = assigned.contains(s.name());
      String array = generated.field(s.name(), storage);
      if (written) {
        code.addStatement("double $L = this.$L[$L]", s.name(), array, i);
      } else if (debug || vars.uses(RefKind.STATE, s.name())) {
        code.addStatement("final double $L = this.$L[$L]", s.name(), array, i);
      }
    }
    return code.build();
  }

  private CodeBlock storeStates(Storage storage) {
    CodeBlock.Builder code = CodeBlock.builder();
    assigned.forEach(s -> code.addStatement("this.$L[$L] = $L", generated.field(s, storage), i,
        storage.store(s)));
    return code.build();
  }

  private static String quoted(Collection<String> names) {
    return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
  }

  /** {@code update}: the staged loops of the group's storage. */
  private MethodSpec stagedDispatch() {
    String range = from + ", " + to;
    return MethodSpec.methodBuilder("update")
        .returns(int.class)
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addParameter(boolean.class, "jit")
        .addStatement("return " + owner + ".precision() == $T.FLOAT ? stagedUpdateFloat(t, dt, $L, jit) : "
            + "stagedUpdate(t, dt, $L, jit)", RuntimeNames.PRECISION, range, range)
        .build();
  }

  /** Staged loops ({@code Coupling.STAGED} projections onto this group) for one storage. */
  private MethodSpec stagedUpdate(Storage storage) {
    String args = (usesTime ? "t, dt, " : "dt, ") + from + ", " + to;
    String name = "stepStaged";
    return MethodSpec.methodBuilder("stagedUpdate" + storage.suffix)
        .addModifiers(PRIVATE)
        .returns(int.class)
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addParameter(boolean.class, "jit")
        .beginControlFlow("if (" + owner + ".stagedExponential())")
        .addStatement(stagedVariant(name + EXPONENTIAL, storage, args))
        .endControlFlow()
        .addStatement(stagedVariant(name, storage, args))
        .build();
  }

  private static CodeBlock stagedVariant(String name, Storage storage, String args) {
    return CodeBlock.of("return !jit ? $L$L$L($L) : params.heterogeneous() ? $L$L$L($L) : $L$L($L)",
        name, Variant.DEBUG.suffix, storage.suffix, args,
        name, Variant.PER_ELEMENT.suffix, storage.suffix, args, name, storage.suffix, args);
  }

  /**
   * One staged loop: the neuron's Runge–Kutta step with the tableau read at run time and each
   * stage's inputs plus the staged projections' offsets and slopes at that stage; or, when
   * {@code exponential}, its exponential-Euler step with the offsets and slopes of the step's start
   * (the slopes in the linear part).
   */
  private MethodSpec stagedStep(Variant variant, Storage storage, boolean exponential) {
    LocalNames locals = names.copy();
    boolean debug = variant == Variant.DEBUG;
    Vars vars = debug ? Vars.debug(model, m) : Vars.kernel(model);
    PlanRenderer render =
        debug ? PlanRenderer.debug(model, vars, m, i) : PlanRenderer.kernel(model, vars, i);
    String tableau = exponential ? null : locals.allocate("rk");
    CodeBlock.Builder arrays = CodeBlock.builder();
    if (!exponential) {
      arrays.addStatement("final $T $L = " + owner + ".stageTableau()", RuntimeNames.STAGE_TABLEAU,
          tableau);
    }
    int stages = exponential ? 1 : 4;
    Map<String, List<String>> offsets = new LinkedHashMap<>();
    Map<String, Map<String, List<String>>> slopes = new LinkedHashMap<>();
    int inputIndex = 0;
    int slopeIndex = 0;
    for (Map.Entry<String, List<String>> entry : stagedLayout.entrySet()) {
      String input = entry.getKey();
      offsets.put(input, stageArrays(locals, input + "_offset", "stageOffset", inputIndex++,
          stages, arrays));
      Map<String, List<String>> perState = new LinkedHashMap<>();
      for (String x : entry.getValue()) {
        perState.put(x, stageArrays(locals, input + "_" + x + "_slope", "stageSlope",
            slopeIndex++, stages, arrays));
      }
      slopes.put(input, perState);
    }
    StepPlan plan = exponential
        ? StagedPlanner.neuronExponential(model, variant.uniformity, locals, first(offsets),
            firstSlopes(slopes), i, debug)
        : StagedPlanner.neuron(model, variant.uniformity, locals, offsets, slopes, i, tableau,
            debug);
    return loopMethod(
        "stepStaged" + (exponential ? EXPONENTIAL : "") + variant.suffix + storage.suffix, plan,
        render, vars, variant, storage, locals, arrays.build(), null, Home.APART);
  }

  private static Map<String, Map<String, String>> firstSlopes(
      Map<String, Map<String, List<String>>> slopes) {
    Map<String, Map<String, String>> first = new LinkedHashMap<>();
    slopes.forEach((input, perState) -> first.put(input, first(perState)));
    return first;
  }

  /** Each key's first stage array. */
  private static Map<String, String> first(Map<String, List<String>> arrays) {
    Map<String, String> first = new LinkedHashMap<>();
    arrays.forEach((key, value) -> first.put(key, value.get(0)));
    return first;
  }

  /** Declares the stage arrays {@code <prefix>1 .. stages} from {@code getter(index, stage)}. */
  private List<String> stageArrays(LocalNames locals, String prefix, String getter,
      int index, int stages, CodeBlock.Builder code) {
    List<String> arrays = new ArrayList<>();
    for (int s = 0; s < stages; s++) {
      String name = locals.allocate(prefix + (s + 1));
      code.addStatement("final double[] $L = " + owner + ".$L($L, $L)", name, getter, index, s);
      arrays.add(name);
    }
    return arrays;
  }
}
