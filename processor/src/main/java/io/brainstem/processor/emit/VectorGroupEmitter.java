package io.brainstem.processor.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.brainstem.annotations.Integrator;
import io.brainstem.annotations.RefractoryRule;
import io.brainstem.processor.integrate.Linearity;
import io.brainstem.processor.integrate.LocalLets;
import io.brainstem.processor.integrate.LocalNames;
import io.brainstem.processor.integrate.StepPlan;
import io.brainstem.processor.emit.VectorPlanRenderer.Stmt;
import io.brainstem.processor.integrate.Exprs;
import io.brainstem.processor.integrate.StepPlanner;
import io.brainstem.processor.ir.Assign;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.NeuronIR;
import io.brainstem.processor.ir.ModelIR.Param;
import io.brainstem.processor.ir.ModelIR.State;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code <Model>GroupVector}: the {@code jdk.incubator.vector} kernels of a {@code @Neuron}, one per
 * integrator and parameter layout, as a separate class so that {@code <Model>Group} loads and runs
 * without the incubator module. The group creates it reflectively when the runtime finds the module
 * (see the runtime's {@code Kernels}).
 *
 * <p>Each kernel walks a range of whole vectors, {@code S.length()} elements at a time, over the
 * scalar kernel's statements, lane-wise: an {@code if} on a per-element condition becomes a blend,
 * a spike a mask. The group runs the last, partial vector with its scalar kernel: masked loads and
 * stores that reach past an array's end leave the intrinsic path (they allocate and take
 * microseconds), and a second, masked copy of the body would double the method C2 must inline.
 */
final class VectorGroupEmitter {
  private static final String T_LAST_SPIKE = "t_last_spike";
  /** The spike handling's operations: refractory test, threshold, blends, flags. */
  private static final int FINISH_COST = 8;

  private final NeuronIR model;
  private final Storage storage;
  /** Compiled with fast math: the fused synapses' decays multiply by {@code 1.0 / tau}. */
  private final boolean fastMath;
  private final ClassName self;
  private final ClassName group;
  private final Set<String> assigned = new LinkedHashSet<>();
  private final GeneratedNames generated;
  private final LocalNames names;
  /** The species, float species, block length and group fields ({@code S}, {@code F}, ...). */
  private final String s;
  private final String f;
  private final String blockSize;
  private final String owner;
  private final String i;
  private final String from;
  private final String to;
  private final String k;
  private final String lanes;
  private final String spikeEnd;
  private final String vectorsEnd;
  private final String refractory;
  private final String spiked;
  private final String tLast;
  private final String holdTime;
  private final String rule;
  private final String heldBefore;
  private final String at;
  private final String carry;
  private final String block;
  private final String blockEnd;
  private final String fusedInputs;
  private final Map<String, Fold> folds = new LinkedHashMap<>();
  private final Map<String, InLoop> inLoop = new LinkedHashMap<>();
  /** The inputs the in-loop kernel reads: it runs only when it integrates every one. */
  private final Set<String> readInLoop = new LinkedHashSet<>();
  /** Synapses per input the fold loop takes (the runtime's {@code Fusion.MAX_SOURCES}). */
  static final int FUSED_SOURCES = 2;
  /** Inputs and states a fusing model may have: a bound on the fold loop's size. */
  static final int FUSED_INPUTS_MAX = 4;
  static final int FUSED_STATES_MAX = 16;

  VectorGroupEmitter(NeuronIR model, GeneratedNames generated, Storage storage, boolean fastMath) {
    this.fastMath = fastMath;
    this.model = model;
    this.storage = storage;
    this.self = className(model, storage);
    this.group = ClassName.get(model.packageName(), model.className() + "Group");
    model.odes().forEach(o -> assigned.add(o.state()));
    model.reset().ifPresent(r -> r.assignments().forEach(a -> assigned.add(a.state())));
    this.generated = generated;
    this.names = generated.locals();
    this.s = generated.species();
    this.f = generated.floatSpecies();
    this.blockSize = generated.block();
    this.owner = generated.owner();
    this.i = names.allocate("i");
    this.from = names.allocate("from");
    this.to = names.allocate("to");
    this.k = names.allocate("k");
    this.lanes = names.allocate("lanes");
    this.spikeEnd = names.allocate("spikeEnd");
    this.vectorsEnd = names.allocate("vectorsEnd");
    this.refractory = names.allocate("refractory");
    this.spiked = names.allocate("spiked");
    this.tLast = names.allocate("tLast");
    this.holdTime = names.allocate("holdTime");
    this.rule = names.allocate("rule");
    this.heldBefore = names.allocate("heldBefore");
    this.at = names.allocate("at");
    this.carry = names.allocate("carry");
    this.block = names.allocate("b");
    this.blockEnd = names.allocate("e");
    this.fusedInputs = names.allocate("inputs");
    model.inputs().forEach(this::fold);
    model.inputs().forEach(x -> inLoop.put(x, new InLoop(names.allocate(x + "Source"),
        names.allocate(x + "Now"), names.allocate(x + "Next"), names.allocate(x + "Tau"),
        names.allocate(x + "Factor"))));
  }

  /**
   * The locals of an input whose one synapse the in-loop kernel integrates: its {@code FusedInput},
   * the arrays it reads this step's {@code g} from and stores the next step's into, and its
   * {@code tau} and factor.
   */
  private record InLoop(String source, String now, String next, String tau, String factor) {}

  /** {@code LifGroupVector}, or {@code LifGroupFloatVector} for float storage. */
  static ClassName className(ModelIR model, Storage storage) {
    return ClassName.get(model.packageName(),
        model.className() + "Group" + storage.suffix + "Vector");
  }

  TypeSpec type() {
    TypeName species = ParameterizedTypeName.get(RuntimeNames.VECTOR_SPECIES, TypeName.DOUBLE.box());
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(PUBLIC, FINAL)
        .addSuperinterface(RuntimeNames.NEURON_KERNEL)
        .addAnnotation(Members.generated(model))
        .addJavadoc("The vector kernels of {@link $T}, lane-wise over {@code $T} (created by the group"
            + "\nwhen the {@code jdk.incubator.vector} module is present).\n", group,
            RuntimeNames.DOUBLE_VECTOR)
        .addField(FieldSpec.builder(species, s, PRIVATE, STATIC, FINAL)
            .initializer("$T.SPECIES_PREFERRED", RuntimeNames.DOUBLE_VECTOR).build());
    if (storage == Storage.FLOAT) {
      type.addField(floatSpecies(generated));
    }
    type
        .addField(FieldSpec.builder(int.class, blockSize, PRIVATE, STATIC, FINAL)
            .addJavadoc("Neurons per block when a kernel runs as several loops (L1-resident carries).\n")
            .initializer("256").build())
        .addFields(Members.indexConstants(model, generated))
        .addField(group, owner, PRIVATE, FINAL)
        .addField(RuntimeNames.PARAMETERS, "params", PRIVATE, FINAL)
        .addField(int[].class, "spikeIndex", PRIVATE, FINAL)
        .addField(boolean[].class, "spike", PRIVATE, FINAL);
    if (model.threshold().isPresent()) {
      type.addField(FieldSpec.builder(double[].class, generated.spikeFlags(), PRIVATE, FINAL)
              .addJavadoc("Per neuron, 1.0 where the step fired: stored by every vector, read only"
                  + "\nfor those in {@code $L}.\n", generated.spikeVectors()).build())
          .addField(FieldSpec.builder(int[].class, generated.spikeVectors(), PRIVATE, FINAL)
              .addJavadoc("From a range's {@code from}: the first neuron of each of its vectors"
                  + " with a spike.\n").build());
    }
    for (String array : arrays()) {
      type.addField(stored(array) ? storage.arrayType : TypeName.get(double[].class), array,
          PRIVATE, FINAL);
    }
    type.addMethod(constructor()).addMethod(update()).addMethod(VectorKernelParts.lanes(s))
        .addMethod(VectorKernelParts.describe(storage, s, fastMath));
    Map<String, Boolean> exact = new LinkedHashMap<>();
    for (Integrator integrator : loops()) {
      for (Variant variant : List.of(Variant.GROUP_WIDE, Variant.PER_ELEMENT)) {
        List<MethodSpec> methods = step(integrator, variant, false);
        exact.put(stepMethod(integrator, variant),
            methods.stream().noneMatch(VectorGroupEmitter::callsVectorLibrary));
        type.addMethods(methods);
      }
    }
    if (storage == Storage.DOUBLE) {
      type.addMethod(matchesScalar(exact));
    }
    if (fusable()) {
      type.addMethods(step(Integrator.EXP_AUTO, Variant.GROUP_WIDE, true))
          .addMethods(fusedMethods()).addMethods(foldInputs());
    }
    return type.build();
  }

  /** Whether {@code array} holds states or inputs, stored with the storage's type (times: double). */
  private boolean stored(String array) {
    return !array.equals(T_LAST_SPIKE);
  }

  private List<String> arrays() {
    List<String> arrays = new ArrayList<>();
    model.states().forEach(s -> arrays.add(s.name()));
    arrays.addAll(model.inputs());
    if (model.refractoryParam().isPresent()) {
      arrays.add(T_LAST_SPIKE);
    }
    return arrays;
  }

  private MethodSpec constructor() {
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder()
        .addModifiers(PUBLIC)
        .addJavadoc("Kernels over {@code group}'s arrays, its parameter table and spike list.\n")
        .addParameter(group, owner)
        .addParameter(RuntimeNames.PARAMETERS, "params")
        .addParameter(int[].class, "spikeIndex")
        .addStatement("this.$L = $L", owner, owner)
        .addStatement("this.params = params")
        .addStatement("this.spikeIndex = spikeIndex")
        .addStatement("this.spike = $L.spike", owner);
    if (model.threshold().isPresent()) {
      ctor.addStatement("this.$L = new double[$L.size()]", generated.spikeFlags(), owner)
          .addStatement("this.$L = new int[$L.size()]", generated.spikeVectors(), owner);
    }
    arrays().forEach(a -> ctor.addStatement("this.$L = $L.$L", a, owner,
        stored(a) ? generated.field(a, storage) : a));
    return ctor.build();
  }

  /**
   * Whether {@code method} calls a function of the vector library ({@code lanewise} {@code exp},
   * {@code log}, {@code tanh}, {@code expm1}, ...; {@code pow}), which may round differently from
   * {@code java.lang.Math}: every other operation is the scalar kernel's, correctly rounded.
   */
  static boolean callsVectorLibrary(MethodSpec method) {
    String code = method.code().toString();
    return code.contains(".lanewise(") || code.contains(".pow(");
  }

  /** {@code matchesScalar()}: per integrator and parameter layout, from the kernels' code. */
  private MethodSpec matchesScalar(Map<String, Boolean> exact) {
    CodeBlock.Builder code = CodeBlock.builder().add("return ").beginControlFlow("switch ($L.method())", owner);
    for (Integrator loop : loops()) {
      String cases = String.join(", ", Linearity.supported(model).stream()
          .filter(m -> m == loop || (sharesStages(m) && sharesStages(loop)))
          .map(Integrator::name).toList());
      boolean groupWide = exact.get(stepMethod(loop, Variant.GROUP_WIDE));
      boolean perElement = exact.get(stepMethod(loop, Variant.PER_ELEMENT));
      code.addStatement("case $L -> $L", cases, groupWide == perElement ? String.valueOf(groupWide)
          : (groupWide ? "!" : "") + "params.heterogeneous()");
    }
    if (Linearity.supported(model).size() < Integrator.values().length) {
      code.addStatement("default -> false");
    }
    code.unindent().add("};\n");
    return MethodSpec.methodBuilder("matchesScalar")
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .returns(boolean.class)
        .addCode(code.build())
        .build();
  }

  private MethodSpec update() {
    String args = "t, dt, " + from + ", " + to;
    CodeBlock.Builder code = CodeBlock.builder().add("return ").beginControlFlow("switch ($L.method())", owner);
    for (Integrator loop : loops()) {
      String cases = String.join(", ", Linearity.supported(model).stream()
          .filter(m -> m == loop || (sharesStages(m) && sharesStages(loop)))
          .map(Integrator::name).toList());
      code.addStatement("case $L -> params.heterogeneous() ? $L($L) : $L($L)", cases,
          stepMethod(loop, Variant.PER_ELEMENT), args, stepMethod(loop, Variant.GROUP_WIDE), args);
    }
    if (Linearity.supported(model).size() < Integrator.values().length) {
      code.addStatement("default -> throw new $T($S + $L.method())",
          IllegalStateException.class, "unsupported integrator ", owner);
    }
    code.unindent().add("};\n");
    return MethodSpec.methodBuilder("update")
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .returns(int.class)
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addCode(code.build())
        .build();
  }

  /**
   * Whether the kernel takes synapses into its step ({@code FusedInput}): double storage, one to
   * {@link #FUSED_INPUTS_MAX} inputs and at most {@link #FUSED_STATES_MAX} states (the fold loop
   * stays small), and an exp_auto kernel of its own (not one shared with the Runge–Kutta stages).
   */
  private boolean fusable() {
    return storage == Storage.DOUBLE && !model.inputs().isEmpty()
        && model.inputs().size() <= FUSED_INPUTS_MAX && model.states().size() <= FUSED_STATES_MAX
        && loops().contains(Integrator.EXP_AUTO) && !sharesStages(Integrator.EXP_AUTO);
  }

  /** The {@code FusedInput} fields the fold loops read: name, type. */
  private static final String[][] FOLD_FIELDS = {
      {"ahead", "double[]"}, {"g", "double[]"}, {"tau", "double"}, {"factor", "double"},
      {"reversal", "double"}};

  /**
   * {@code foldInputs}: per input with fused synapses, the loop for its number of them. Each loop
   * writes the input's step value: its array's, or 0 (a zero array), plus each synapse's output in
   * the projections' order, as the unfused projections would sum it; each synapse's {@code g} of
   * this step is read from its {@code ahead} array, stored into its own, and stored decayed for the
   * next step back into {@code ahead}, with the projection kernel's operations. The group's own
   * kernel then runs unchanged. No vector flows through a branch (C2 would box it there): a
   * current's or conductance's output, and the state a conductance reads, are chosen by blends
   * with loop-invariant masks.
   */
  private List<MethodSpec> foldInputs() {
    List<MethodSpec> methods = new ArrayList<>();
    CodeBlock.Builder dispatch = CodeBlock.builder();
    for (String input : model.inputs()) {
      Fold f = fold(input);
      dispatch.addStatement("final $T[] $L = $L.sources($S)", RuntimeNames.FUSED_INPUT,
          f.sources(), fusedInputs, input);
      for (int count = 1; count <= FUSED_SOURCES; count++) {
        String name = f.loop(count - 1);
        String test = "$L.length == $L";
        if (count == 1) {
          dispatch.beginControlFlow("if (" + test + ")", f.sources(), count);
        } else {
          dispatch.nextControlFlow("else if (" + test + ")", f.sources(), count);
        }
        dispatch.addStatement("$L($L, $L, $L.baseArray($S), $L)", name, from, to, fusedInputs,
            input, f.sources());
        methods.add(foldLoop(input, f, count, name));
      }
      dispatch.endControlFlow();
    }
    methods.add(0, MethodSpec.methodBuilder("foldInputs")
        .addModifiers(PRIVATE)
        .addJavadoc("Each input's value of the step, with the synapses of {@code inputs} summed and "
            + "advanced (FusedInput).\n")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addParameter(RuntimeNames.FUSED_INPUTS, fusedInputs)
        .addCode(dispatch.build())
        .build());
    return methods;
  }

  /** One input's fold loop over {@code count} synapses. */
  private MethodSpec foldLoop(String input, Fold f, int count, String name) {
    String base = f.base();
    CodeBlock.Builder code = CodeBlock.builder();
    for (int n = 0; n < count; n++) {
      String slot = f.slot(n);
      code.addStatement("final $T $L = $L[$L]", RuntimeNames.FUSED_INPUT, slot, f.sources(), n);
      for (String[] field : FOLD_FIELDS) {
        code.addStatement("final $L $L = $L.$L", field[1], f.field(n, field[0]), slot, field[0]);
      }
      // loop-invariant choices as masks: a current's output is g, a conductance's g * (E - X)
      code.addStatement("final $T $L = $T.fromLong($L, $L.conductance ? 0L : -1L)", maskType(),
          f.field(n, "current"), RuntimeNames.VECTOR_MASK, s, slot);
      for (int k = 1; k < model.states().size(); k++) {
        code.addStatement("final $T $L = $T.fromLong($L, $L.post == $L ? -1L : 0L)", maskType(),
            f.field(n, "post" + k), RuntimeNames.VECTOR_MASK, s, slot, k);
      }
    }
    CodeBlock.Builder body = CodeBlock.builder();
    for (State st : model.states()) { // a conductance reads one, at the start of the step
      body.addStatement("final $T $L = $L", RuntimeNames.DOUBLE_VECTOR, st.name(),
          loadStored(st.name()));
    }
    body.addStatement("$T $L = $T.fromArray($L, $L, $L)", RuntimeNames.DOUBLE_VECTOR, input,
        RuntimeNames.DOUBLE_VECTOR, s, base, i);
    for (int n = 0; n < count; n++) {
      String g = f.value(n);
      String ahead = f.field(n, "ahead");
      body.addStatement("final $T $L = $T.fromArray($L, $L, $L)", RuntimeNames.DOUBLE_VECTOR, g,
              RuntimeNames.DOUBLE_VECTOR, s, ahead, i)
          .addStatement("$L.intoArray($L, $L)", g, f.field(n, "g"), i)
          .addStatement("$L = $L.add($L.mul($T.broadcast($L, $L).sub($L)).blend($L, $L))", input,
              input, g, RuntimeNames.DOUBLE_VECTOR, s, f.field(n, "reversal"), postState(f, n), g,
              f.field(n, "current"))
          .addStatement("$L.add($L.neg().$L.mul($L)).intoArray($L, $L)", g, g,
              byTau(f.field(n, "tau")), f.field(n, "factor"), ahead, i);
    }
    body.add(store(input, CodeBlock.of("$L", input)));
    code.beginControlFlow("for (int $L = $L; $L < $L; $L += $L.length())", i, from, i, to, i, s)
        .add(body.build())
        .endControlFlow();
    return MethodSpec.methodBuilder(name)
        .addModifiers(PRIVATE)
        .addJavadoc("{@code $L} with $L fused synapse$L.\n", input, count, count == 1 ? "" : "s")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addParameter(double[].class, base)
        .addParameter(ArrayTypeName.of(RuntimeNames.FUSED_INPUT), f.sources())
        .addCode(code.build())
        .build();
  }

  /** The state a conductance of slot {@code n} reads ({@code fusedState}), by blends. */
  private CodeBlock postState(Fold f, int n) {
    List<State> states = model.states();
    if (states.isEmpty()) {
      return CodeBlock.of("$T.zero($L)", RuntimeNames.DOUBLE_VECTOR, s);
    }
    CodeBlock.Builder chain = CodeBlock.builder().add("$L", states.get(0).name());
    for (int k = 1; k < states.size(); k++) {
      chain.add(".blend($L, $L)", states.get(k).name(), f.field(n, "post" + k));
    }
    return chain.build();
  }

  /**
   * The locals of one input's fused synapses: per slot the source, its {@code g} vector and its
   * fields ({@link #FOLD_FIELDS}).
   */
  private record Fold(String sources, String base, List<String> slots, List<String> values,
      List<Map<String, String>> fields, List<String> loops) {
    String slot(int n) {
      return slots.get(n);
    }

    String loop(int n) {
      return loops.get(n);
    }

    String value(int n) {
      return values.get(n);
    }

    String field(int n, String name) {
      return fields.get(n).get(name);
    }
  }

  /** Allocated with the class's names, before any kernel copies them. */
  private Fold fold(String input) {
    return folds.computeIfAbsent(input, x -> {
      List<String> slots = new ArrayList<>();
      List<String> values = new ArrayList<>();
      List<Map<String, String>> fields = new ArrayList<>();
      for (int n = 0; n < FUSED_SOURCES; n++) {
        String slot = x + "Fused" + (char) ('A' + n);
        slots.add(names.allocate(slot));
        values.add(names.allocate(slot + "Now"));
        Map<String, String> named = new LinkedHashMap<>();
        List<String> own = new ArrayList<>();
        for (String[] field : FOLD_FIELDS) {
          own.add(field[0]);
        }
        own.add("current");
        for (int k = 1; k < model.states().size(); k++) {
          own.add("post" + k);
        }
        for (String field : own) {
          named.put(field, names.allocate(slot + Character.toUpperCase(field.charAt(0))
              + field.substring(1)));
        }
        fields.add(named);
      }
      List<String> loops = new ArrayList<>();
      for (int n = 1; n <= FUSED_SOURCES; n++) {
        loops.add(names.allocate("fold" + Character.toUpperCase(x.charAt(0)) + x.substring(1)
            + n));
      }
      return new Fold(names.allocate(x + "Fused"), names.allocate(x + "Base"), slots, values,
          fields, loops);
    });
  }

  /**
   * A fused synapse's {@code -g} into its rate, as its projection's kernel does it: divided by
   * {@code tau}, or with fast math times {@code 1.0 / tau} (FusedInput.Shape#reciprocal).
   */
  private String byTau(String tau) {
    return fastMath ? "mul(1.0 / " + tau + ")" : "div(" + tau + ")";
  }

  /** {@code fuses()}, {@code fusedState(name)}, {@code updateFused(...)} and the fold loop. */
  private List<MethodSpec> fusedMethods() {
    CodeBlock.Builder states = CodeBlock.builder().add("return switch (name) {\n").indent();
    for (int n = 0; n < model.states().size(); n++) {
      states.add("case $S -> $L;\n", model.states().get(n).name(), n);
    }
    states.add("default -> -1;\n").unindent().add("};\n");
    String kernel = stepMethod(Integrator.EXP_AUTO, Variant.GROUP_WIDE);
    List<MethodSpec> methods = new ArrayList<>(List.of(
        MethodSpec.methodBuilder("fuses").addAnnotation(Override.class).addModifiers(PUBLIC)
            .returns(boolean.class).addStatement("return true").build(),
        MethodSpec.methodBuilder("fusedState").addAnnotation(Override.class).addModifiers(PUBLIC)
            .returns(int.class).addParameter(String.class, "name").addCode(states.build())
            .build(),
        MethodSpec.methodBuilder("updateFused").addAnnotation(Override.class).addModifiers(PUBLIC)
            .returns(int.class)
            .addParameter(double.class, "t").addParameter(double.class, "dt")
            .addParameter(int.class, from).addParameter(int.class, to)
            .addParameter(RuntimeNames.FUSED_INPUTS, fusedInputs)
            .beginControlFlow("if ($L.method() != $T.EXP_AUTO || params.heterogeneous())", owner,
                Integrator.class)
            .addStatement("throw new $T($S + $L.method())", IllegalStateException.class,
                "a fused step needs exp_auto and group-wide parameters, not ", owner)
            .endControlFlow()
            .beginControlFlow("if ($L.inLoop())", fusedInputs)
            .addStatement("return $LInLoop(t, dt, $L, $L, $L)", kernel, from, to, fusedInputs)
            .endControlFlow()
            .addStatement("foldInputs($L, $L, $L)", from, to, fusedInputs)
            .addStatement("return $L(t, dt, $L, $L)", kernel, from, to)
            .build(),
        MethodSpec.methodBuilder("fusesInLoop").addAnnotation(Override.class).addModifiers(PUBLIC)
            .returns(boolean.class)
            .addStatement("return $L", readInLoop.containsAll(model.inputs())).build()));
    if (fastMath) {
      methods.add(MethodSpec.methodBuilder("fusesByReciprocal").addAnnotation(Override.class)
          .addModifiers(PUBLIC).returns(boolean.class).addStatement("return true").build());
    }
    return methods;
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
   * The kernel of every explicit Runge–Kutta method, driven by the runtime's tableau block by
   * block: per stage, {@code RungeKutta.stage} forms each state's stage values in the carry buffer,
   * then the rate loops (the right-hand side, written once, cut by {@link LoopSplit}) save each
   * slope there; after the stages {@code RungeKutta.step} combines them, and a last loop blends
   * them in (refractory lanes keep their state), thresholds, resets and records spikes. The
   * combinations are the scalar loops' own code, so the kernels stay bit-identical to them.
   */
  private List<MethodSpec> stageKernel(Integrator integrator, Variant variant) {
    List<MethodSpec> unrolled = unrolledKernel(integrator, variant);
    if (unrolled != null) {
      return unrolled;
    }
    LocalNames locals = names.copy();
    Vars vars = Vars.kernel(model);
    VectorKernelParts.StagePlan stagePlan =
        VectorKernelParts.stagePlan(model, integrator, variant, locals);
    StepPlan plan = stagePlan.plan();
    StepPlan.Stages stages = stagePlan.stages();
    // Carry layout: per state its stage value (then result), then its slopes; the rate loops'
    // own carried locals after them.
    List<String> states = model.odes().stream().map(ModelIR.Ode::state).toList();
    int perState = VectorKernelParts.SLOTS_PER_STATE;
    Map<String, CodeBlock> slots = VectorKernelParts.stageSlots(states, stages, blockSize);
    Map<String, Integer> stateSlot = new LinkedHashMap<>();
    Map<String, Integer> slopeSlot = new LinkedHashMap<>();
    String stage = stages.stage();
    for (int j = 0; j < states.size(); j++) {
      stateSlot.put(states.get(j), j * perState);
      slopeSlot.put(states.get(j), j * perState + 1);
    }
    VectorPlanRenderer render =
        new VectorPlanRenderer(model, vars, variant, plan, locals, i, owner + ".noiseSeed()", s);
    render.carried(carry, at, slots);
    List<Stmt> rates = render.stageStatements();
    String mask = model.refractoryParam().isPresent() ? refractory : null;
    List<Stmt> after = render.afterStages(mask);
    Finish finish = finish(render, locals);
    // After rendering: the lets found uniform while rendering join the preamble.
    KernelParts shared = new KernelParts(
        VectorKernelParts.preambleLets(model, vars, i, plan, render), finish, true);
    LoopSplit split = LoopSplit.of(rates, 0);
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
        .addStatement("int $L = $L", spikeEnd, from)
        .beginControlFlow("for (int $L = $L; $L < $L; $L += $L)", block, from, block, to, block,
            blockSize)
        .addStatement("final int $L = $T.min($L, $L + $L)", blockEnd, Math.class, to, block,
            blockSize)
        .beginControlFlow("for (int $L = 0; $L < $L.stages(); $L++)", stage, stage, tableau, stage);
    for (String x : states) {
      driver.addStatement("$T.rungeKutta($L, $L, this.$L, $L, $L, $L, $L * $L, $L * $L, $L, dt)",
          RuntimeNames.VECTOR_MATH, tableau,
          stage, x, block, blockEnd, carry, stateSlot.get(x), blockSize, slopeSlot.get(x),
          blockSize, blockSize);
    }
    List<List<Stmt>> parts = split.parts();
    for (int p = 0; p < parts.size(); p++) {
      boolean saves = p == parts.size() - 1;
      // Short names, so that the signatures fit a line.
      String partName = "rates" + variant.suffix + (p + 1);
      Map<String, Integer> in = shifted(split.carriedIn(p), base);
      Map<String, Integer> out = shifted(split.carriedOut(p), base);
      MethodSpec.Builder part = loop(partName, variant, parts.get(p), shared, in, out,
          false, null, false, false)
          .addModifiers(PRIVATE)
          .returns(void.class)
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
    for (String x : states) {
      driver.addStatement("$T.rungeKutta($L, $L.stages(), this.$L, $L, $L, $L, $L * $L, $L * $L, $L, dt)",
          RuntimeNames.VECTOR_MATH, tableau, tableau, x,
          block, blockEnd, carry, stateSlot.get(x), blockSize, slopeSlot.get(x), blockSize,
          blockSize);
    }
    String finishName = "finish" + variant.suffix;
    methods.add(loop(finishName, variant, after, shared, Map.of(), Map.of(), true, null, false, false)
        .addModifiers(PRIVATE)
        .addParameter(double[].class, carry)
        .addParameter(int.class, spikeEnd)
        .build());
    driver.addStatement("$L = $L(t, dt, $L, $L, $L, $L)", spikeEnd, finishName, block, blockEnd,
        carry, spikeEnd)
        .endControlFlow()
        .addStatement("return $L", spikeEnd);
    methods.add(0, MethodSpec.methodBuilder(name)
        .addModifiers(PRIVATE)
        .returns(int.class)
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addCode(driver.build())
        .build());
    return methods;
  }

  /**
   * The kernel of every explicit Runge–Kutta method, the stages unrolled and each vector's slopes
   * in registers ({@link VectorKernelParts#unrolled}), or null when they do not fit: per block of
   * {@code BLOCK} neurons, a first loop runs stages 0 to 2 (as many as the method has: stage 0's
   * rates, then per further stage its state, {@code VectorMath.row1} .., and rates), a second,
   * only for a four-stage method, stage 3 and the last row, and a third blends the results in
   * (refractory lanes keep their state), thresholds, resets and records spikes. Each lane performs
   * the scalar kernel's operations in its order; the stage states and the first three slopes pass
   * from loop to loop through the carry buffer. One loop for all of it passes C2's inlining cutoff
   * (LoopSplit): RK4_38's rows, which take every slope, were left as calls that allocate.
   */
  private List<MethodSpec> unrolledKernel(Integrator integrator, Variant variant) {
    LocalNames locals = names.copy();
    Vars vars = Vars.kernel(model);
    VectorKernelParts.StagePlan stagePlan =
        VectorKernelParts.stagePlan(model, integrator, variant, locals);
    VectorPlanRenderer render = new VectorPlanRenderer(model, vars, variant, stagePlan.plan(),
        locals, i, owner + ".noiseSeed()", s);
    List<String> states = model.odes().stream().map(ModelIR.Ode::state).toList();
    VectorKernelParts.Unrolled unrolled = VectorKernelParts.unrolled(render, stagePlan.stages(),
        states, locals, owner + ".method()",
        model.refractoryParam().isPresent() ? refractory : null, s);
    if (unrolled == null) {
      return null;
    }
    Finish finish = finish(render, locals);
    List<Stmt> lets = new ArrayList<>(unrolled.lets());
    lets.addAll(VectorKernelParts.preambleLets(model, vars, i, stagePlan.plan(), render));
    KernelParts shared = new KernelParts(lets, finish, true);
    // Carry slots per state: its stage state, then its slopes k0 .. k2.
    int perState = RUNGE_KUTTA_MAX_STAGES;
    List<Stmt> first = new ArrayList<>();
    List<Stmt> fourth = new ArrayList<>();
    Map<String, Integer> firstOut = new LinkedHashMap<>();
    Map<String, Integer> fourthOut = new LinkedHashMap<>();
    Map<String, Integer> lastIn = new LinkedHashMap<>();
    for (int j = 0; j < states.size(); j++) {
      String x = states.get(j);
      List<String> k = unrolled.slopes().get(x);
      String next = unrolled.next().get(x);
      Set<Ref> reads = Set.of(new Ref(x, RefKind.STATE));
      first.add(new Stmt(CodeBlock.of("$T $L = $L, $L = $L;\n", RuntimeNames.DOUBLE_VECTOR,
          String.join(" = " + x + ", ", k.subList(0, 3)), x, next, x), null, reads, 0));
      CodeBlock.Builder carried = CodeBlock.builder();
      List<String> fromCarry = List.of(next, k.get(0), k.get(1), k.get(2));
      for (int slot = 0; slot < fromCarry.size(); slot++) {
        carried.addStatement("$L$T $L = $T.fromArray($L, $L, $L * $L + $L)",
            slot == 0 ? "" : "final ", RuntimeNames.DOUBLE_VECTOR, fromCarry.get(slot),
            RuntimeNames.DOUBLE_VECTOR, s, carry, j * perState + slot, blockSize, at);
      }
      firstOut.put(next, j * perState);
      carried.addStatement("$T $L = $L", RuntimeNames.DOUBLE_VECTOR, k.get(3), x);
      fourth.add(new Stmt(carried.build(), null, reads, 0));
      fourthOut.put(next, j * perState);
      lastIn.put(next, j * perState);
    }
    first.addAll(unrolled.stages().subList(0, 3));
    String tableau = stagePlan.stages().method();
    // The slopes only for the second loop, which only a four-stage method runs.
    CodeBlock.Builder slopes = CodeBlock.builder()
        .beginControlFlow("if ($L.stages() > 3)", tableau);
    for (int j = 0; j < states.size(); j++) {
      List<String> k = unrolled.slopes().get(states.get(j));
      for (int slot = 1; slot < perState; slot++) {
        slopes.addStatement("$L.intoArray($L, $L * $L + $L)", k.get(slot - 1), carry,
            j * perState + slot, blockSize, at);
      }
    }
    first.add(new Stmt(slopes.endControlFlow().build(), null,
        Set.of(new Ref(tableau, RefKind.LOCAL)), 0));
    fourth.add(unrolled.stages().get(3));
    String name = stepMethod(integrator, variant);
    String[] parts = {name + "Part1", name + "Part2", name + "Part3"};
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(MethodSpec.methodBuilder(name)
        .addModifiers(PRIVATE)
        .returns(int.class)
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addStatement("final $T $L = $T.of($L.method())", RuntimeNames.RUNGE_KUTTA, tableau,
            RuntimeNames.RUNGE_KUTTA, owner)
        .addStatement("final double[] $L = $T.carry($L * $L)", carry, RuntimeNames.VECTOR_MATH,
            states.size() * perState, blockSize)
        .addStatement("int $L = $L", spikeEnd, from)
        .beginControlFlow("for (int $L = $L; $L < $L; $L += $L)", block, from, block, to, block,
            blockSize)
        .addStatement("final int $L = $T.min($L, $L + $L)", blockEnd, Math.class, to, block,
            blockSize)
        .addStatement("$L(t, dt, $L, $L, $L)", parts[0], block, blockEnd, carry)
        .beginControlFlow("if ($L.stages() > 3)", tableau)
        .addStatement("$L(t, dt, $L, $L, $L)", parts[1], block, blockEnd, carry)
        .endControlFlow()
        .addStatement("$L = $L(t, dt, $L, $L, $L, $L)", spikeEnd, parts[2], block, blockEnd,
            carry, spikeEnd)
        .endControlFlow()
        .addStatement("return $L", spikeEnd)
        .build());
    methods.add(loop(parts[0], variant, first, shared, Map.of(), firstOut, false, null, false, false)
        .addModifiers(PRIVATE).returns(void.class).addParameter(double[].class, carry).build());
    methods.add(loop(parts[1], variant, fourth, shared, Map.of(), fourthOut, false, null, false, false)
        .addModifiers(PRIVATE).returns(void.class).addParameter(double[].class, carry).build());
    methods.add(loop(parts[2], variant, unrolled.after(), shared, lastIn, Map.of(), true, null,
        false, false)
        .addModifiers(PRIVATE)
        .addParameter(double[].class, carry)
        .addParameter(int.class, spikeEnd)
        .build());
    return methods;
  }

  /** The runtime's {@code RungeKutta.MAX_STAGES}: slope slots per state in the carry buffer. */
  static final int RUNGE_KUTTA_MAX_STAGES = 4;

  /**
   * The spike handling after a kernel's state updates, as {@link #finish} builds it.
   *
   * @param code threshold, reset and the stores of the states
   * @param before the pre-step threshold of a crossing one (its lets, then the mask), or empty
   * @param cost the vector operations of the threshold (both when crossing)
   * @param reads what the spike handling reads
   */
  private record Finish(CodeBlock code, CodeBlock before, int cost, Set<Ref> reads) {}

  /**
   * What every loop of one kernel shares.
   *
   * @param preambleLets the scalar lets before its loops, in order
   * @param finish the spike handling, which only the kernel's last loop runs
   * @param indexCarry whether loops index the carry buffer even when they carry nothing (the
   *     stage kernel's loops read the stage states there)
   */
  private record KernelParts(List<Stmt> preambleLets, Finish finish, boolean indexCarry) {}

  private static Map<String, Integer> shifted(Map<String, Integer> slots, int base) {
    Map<String, Integer> out = new LinkedHashMap<>();
    slots.forEach((local, slot) -> out.put(local, slot + base));
    return out;
  }

  /**
   * The kernel for one integrator and parameter layout: one loop, or, when its statements exceed
   * {@link LoopSplit#BUDGET} vector operations, a driver running several loops ("parts") block by
   * block, each part handing the values later parts read through a per-thread carry buffer.
   */
  private List<MethodSpec> step(Integrator integrator, Variant variant, boolean fused) {
    if (sharesStages(integrator)) {
      return stageKernel(integrator, variant);
    }
    LocalNames locals = names.copy();
    Vars vars = Vars.kernel(model);
    StepPlan plan = StepPlanner.kernelPlan(model, integrator, variant.uniformity, locals);
    VectorPlanRenderer render =
        new VectorPlanRenderer(model, vars, variant, plan, locals, i, owner + ".noiseSeed()", s);
    String mask = model.refractoryParam().isPresent() ? refractory : null;
    List<Stmt> statements = render.statements(mask);
    Finish finish = finish(render, locals);
    LoopSplit split = LoopSplit.of(statements, FINISH_COST + finish.cost());
    List<List<Stmt>> parts = split.parts();
    // The scalar lets before the loop: hoisted by the plan, or found uniform when rendered.
    KernelParts shared = new KernelParts(
        VectorKernelParts.preambleLets(model, vars, i, plan, render), finish, false);
    String name = Members.stepMethod(integrator, variant) + (fused ? "InLoop" : "");
    if (parts.size() == 1) {
      return List.of(withInputs(loop(name, variant, parts.get(0), shared, Map.of(), Map.of(), true,
          null, true, fused), fused).addModifiers(PRIVATE).build());
    }
    String passed = fused ? ", " + fusedInputs : "";
    // A kernel that calls the vector library already differs from the scalar one by ulps: its far
    // exprel lanes take the vector exp too (lane-wise, not one scalar call per lane).
    boolean library = parts.stream().flatMap(List::stream).map(st -> st.code().toString())
        .anyMatch(code -> code.contains(".lanewise(") || code.contains(".pow("));
    Map<String, Integer> slots = split.slots();
    List<MethodSpec> methods = new ArrayList<>();
    CodeBlock.Builder driver = CodeBlock.builder()
        .addStatement("final double[] $L = $T.carry($L * $L)", carry, RuntimeNames.VECTOR_MATH,
            slots.size(), blockSize)
        .addStatement("int $L = $L", spikeEnd, from)
        .beginControlFlow("for (int $L = $L; $L < $L; $L += $L)", block, from, block, to, block,
            blockSize)
        .addStatement("final int $L = $T.min($L, $L + $L)", blockEnd, Math.class, to, block,
            blockSize);
    for (int p = 0; p < parts.size(); p++) {
      boolean last = p == parts.size() - 1;
      String partName = name + "Part" + (p + 1);
      Map<String, Integer> in = split.carriedIn(p);
      Map<String, Integer> out = split.carriedOut(p);
      Stmt exprel = split.exprel(p);
      MethodSpec.Builder part = loop(partName, variant, parts.get(p), shared, in, out, last,
          exprel == null ? null : render.farLanes(), false, fused)
          .addModifiers(PRIVATE)
          .addParameter(double[].class, carry);
      if (last) {
        part.addParameter(int.class, spikeEnd);
        driver.addStatement("$L = $L(t, dt, $L, $L, $L, $L$L)", spikeEnd, partName, block, blockEnd,
            carry, spikeEnd, passed);
      } else if (exprel != null) {
        driver.beginControlFlow("if ($L(t, dt, $L, $L, $L$L) != 0)", partName, block, blockEnd,
                carry, passed)
            .add(library ? "// lanes with |z| >= 0.5: exprel by the vector exp, as this kernel's exp\n"
                : "// lanes with |z| >= 0.5 (rare): the scalar Exprel, as the scalar kernel\n")
            .addStatement("$T.$L($L, $L * $L, $L * $L, $L - $L, dt)",
                RuntimeNames.VECTOR_MATH, library ? "exprelFarLanewise" : "exprelFar", carry,
                slots.get(exprel.exprelOf()), blockSize, slots.get(exprel.defines()), blockSize,
                blockEnd, block)
            .endControlFlow();
      } else {
        part.returns(void.class);
        driver.addStatement("$L(t, dt, $L, $L, $L$L)", partName, block, blockEnd, carry, passed);
      }
      methods.add(withInputs(part, fused).build());
    }
    driver.endControlFlow().addStatement("return $L", spikeEnd);
    methods.add(0, withInputs(MethodSpec.methodBuilder(name)
        .addModifiers(PRIVATE)
        .returns(int.class)
        .addJavadoc("$L loops per block of {@code BLOCK} neurons, so that C2 compiles each whole.\n",
            parts.size())
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addCode(driver.build()), fused)
        .build());
    return methods;
  }

  /** The in-loop kernel's methods take the plan's {@code FusedInputs}. */
  private MethodSpec.Builder withInputs(MethodSpec.Builder method, boolean fused) {
    return fused ? method.addParameter(RuntimeNames.FUSED_INPUTS, fusedInputs) : method;
  }

  /**
   * A loop over {@code [from, to)}: loads what {@code statements} (and, when {@code last}, the
   * spike handling) read, the {@code in} locals from the carry buffer, then the statements, the
   * {@code out} locals to the carry buffer, and, when {@code last}, the kernel's spike handling.
   */
  private MethodSpec.Builder loop(String name, Variant variant,
      List<Stmt> statements, KernelParts shared, Map<String, Integer> in, Map<String, Integer> out,
      boolean last, String farLanes, boolean whole, boolean fused) {
    Set<Ref> reads = new LinkedHashSet<>();
    statements.forEach(st -> reads.addAll(st.reads()));
    if (last) {
      reads.addAll(shared.finish().reads());
    }
    boolean carries = !in.isEmpty() || !out.isEmpty();
    CodeBlock.Builder body = CodeBlock.builder();
    if (carries || shared.indexCarry()) {
      body.addStatement("final int $L = $L - $L", at, i, from);
    }
    in.forEach((local, slot) -> body.addStatement("final $T $L = $T.fromArray($L, $L, $L * $L + $L)",
        RuntimeNames.DOUBLE_VECTOR, local, RuntimeNames.DOUBLE_VECTOR, s, carry, slot, blockSize, at));
    body.add(loads(variant, reads, last, fused));
    if (last && model.refractoryParam().isPresent()) {
      if (variant == Variant.PER_ELEMENT) {
        // The rule's step count per lane, as the scalar kernel computes it per neuron.
        body.beginControlFlow("for (int $L = 0; $L < $L.length(); $L++)", k, k, s, k)
            .addStatement("$L[$L] = $L.holdTime($L[$L + $L], dt)", lanes, k, rule,
                generated.column(model.refractoryParam().get()), i, k)
            .endControlFlow()
            .addStatement("final $T $L = $T.fromArray($L, $L, 0)", RuntimeNames.DOUBLE_VECTOR,
                holdTime, RuntimeNames.DOUBLE_VECTOR, s, lanes);
      }
      body.addStatement("final $T $L = $L", RuntimeNames.DOUBLE_VECTOR, tLast, load(T_LAST_SPIKE))
          .addStatement("final $T $L = $T.broadcast($L, t).sub($L).compare($T.LT, $L)",
              maskType(), refractory, RuntimeNames.DOUBLE_VECTOR, s, tLast,
              RuntimeNames.VECTOR_OPERATORS, holdTime);
    }
    if (last && crossing()) {
      body.add("// the threshold on the state at the start of the step: a spike must cross it\n")
          .add(shared.finish().before());
    }
    statements.forEach(st -> body.add(st.code()));
    out.forEach((local, slot) -> body.addStatement("$L.intoArray($L, $L * $L + $L)", local,
        carry, slot, blockSize, at));
    if (last) {
      body.add(shared.finish().code());
    }
    Set<Ref> preambleReads = new LinkedHashSet<>(reads);
    if (last) { // the period (or its column) for the hold time, which is not loaded as a vector
      model.refractoryParam().ifPresent(p -> preambleReads.add(new Ref(p, RefKind.PARAM)));
    }
    CodeBlock.Builder code = CodeBlock.builder().add(VectorKernelParts.preamble(model, variant,
        shared.preambleLets(), preambleReads, in.keySet(), generated));
    if (fused) {
      code.add(inLoopSources(reads));
      model.inputs().stream().filter(x -> reads.contains(new Ref(x, RefKind.INPUT)))
          .forEach(readInLoop::add);
    }
    if (last) {
      if (variant == Variant.PER_ELEMENT && model.refractoryParam().isPresent()) {
        // the hold time per lane goes through it
        code.addStatement("final double[] $L = $T.scratch()", lanes, RuntimeNames.VECTOR_MATH);
      }
      if (model.refractoryParam().isPresent()) {
        code.add(variant == Variant.PER_ELEMENT
            ? CodeBlock.of("final $T $L = $L.refractoryRule();\n", RefractoryRule.class, rule,
                owner)
            : CodeBlock.of("final double $L = $L.refractoryRule().holdTime($L, dt);\n",
                holdTime, owner, model.refractoryParam().get()));
      }
    }
    if (last && model.threshold().isPresent()) {
      // One fill, not four byte stores in each vector without a spike (10 % of CUBA's step, AVX2)
      code.addStatement("$T.fill(spike, $L, $L, false)", Arrays.class, from, to)
          .addStatement("int $L = $L", vectorsEnd, from);
    }
    if (whole) { // the kernel in one loop; a last part gets spikeEnd from its driver
      code.addStatement("int $L = $L", spikeEnd, from);
    }
    if (farLanes != null) {
      code.addStatement("int $L = 0", farLanes);
    }
    code.beginControlFlow("for (int $L = $L; $L < $L; $L += $L.length())", i, from, i, to, i, s)
        .add(body.build())
        .endControlFlow();
    if (last && model.threshold().isPresent()) {
      // the last spike time too, per spike after the loop: one vector store less per vector
      code.addStatement("return $T.recordFlagged($L, $L, $L, $L, $L.length(), spike, spikeIndex, $L$L)",
          RuntimeNames.VECTOR_MATH, generated.spikeFlags(), generated.spikeVectors(), from,
          vectorsEnd, s, spikeEnd, model.refractoryParam().isPresent()
              ? CodeBlock.of(", this.$L, t", T_LAST_SPIKE) : "");
    } else if (last) {
      code.addStatement("return $L", spikeEnd);
    } else if (farLanes != null) {
      code.addStatement("return $L", farLanes);
    }
    return MethodSpec.methodBuilder(name)
        .returns(int.class)
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addCode(code.build());
  }

  private boolean crossing() {
    return model.threshold().map(ModelIR.Threshold::crossing).orElse(false);
  }

  /**
   * Threshold, reset and the stores of the states, lane-wise (after the state updates); the
   * threshold's body locals are lets named through {@code locals}.
   */
  private Finish finish(VectorPlanRenderer render, LocalNames locals) {
    Set<Ref> finishReads = new LinkedHashSet<>();
    CodeBlock thresholdBefore = CodeBlock.of("");
    int thresholdCost = 0;
    model.reset().ifPresent(r -> r.assignments().forEach(a -> finishReads.addAll(
        Exprs.refs(a.value()))));
    CodeBlock.Builder code = CodeBlock.builder();
    if (model.threshold().isPresent()) {
      ModelIR.Threshold threshold = model.threshold().get();
      if (crossing()) {
        LocalLets before =
            LocalLets.of(threshold.locals(), threshold.condition(), heldBefore, locals);
        thresholdBefore = CodeBlock.builder().add(render.lets(before))
            .addStatement("final $T $L = $L", maskType(), heldBefore, render.mask(before.value()))
            .build();
        thresholdCost += render.cost(before);
        finishReads.addAll(reads(before));
      }
      LocalLets after = LocalLets.of(threshold.locals(), threshold.condition(), spiked, locals);
      code.add(render.lets(after));
      thresholdCost += render.cost(after);
      finishReads.addAll(reads(after));
      code.addStatement("final $T $L = $L$L", maskType(), spiked, render.mask(after.value()),
          crossing() ? CodeBlock.of(".andNot($L)", heldBefore) : "");
      // Reset and flags in every vector, the branch only listing the vector: a vector used
      // inside a rare branch cost C2's loop 25-45 % (AVX2 and AVX-512, JDK 17 and 25); the
      // spikes, and their last spike time, are recorded after the loop (VectorMath.recordFlagged).
      model.reset().ifPresent(reset -> {
        for (Assign a : reset.assignments()) {
          code.addStatement("$L = $L.blend($L, $L)", a.state(), a.state(),
              render.assigned(a), spiked);
        }
      });
      code.addStatement("$T.zero($L).blend(1.0, $L).intoArray($L, $L)",
              RuntimeNames.DOUBLE_VECTOR, s, spiked, generated.spikeFlags(), i)
          .beginControlFlow("if ($L.anyTrue())", spiked)
          .addStatement("$L[$L++] = $L", generated.spikeVectors(), vectorsEnd, i)
          .endControlFlow();
    }
    for (String s : assigned) {
      code.add(store(s, CodeBlock.of("$L", s)));
    }
    return new Finish(code.build(), thresholdBefore, thresholdCost, finishReads);
  }

  /** What the lets and the value of {@code lets} read. */
  private static Set<Ref> reads(LocalLets lets) {
    Set<Ref> out = new LinkedHashSet<>();
    lets.lets().forEach(l -> out.addAll(Exprs.refs(l.value())));
    out.addAll(Exprs.refs(lets.value()));
    return out;
  }

  /**
   * The vectors of one iteration: the per-element parameters, inputs and states in {@code reads};
   * in the last loop every updated state, as a mutable local.
   */
  private CodeBlock loads(Variant variant, Set<Ref> reads, boolean last, boolean fused) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (variant == Variant.PER_ELEMENT) {
      for (Param p : model.params()) {
        if (reads.contains(new Ref(p.name(), RefKind.PARAM))) {
          code.addStatement("final $T $L = $L", RuntimeNames.DOUBLE_VECTOR, p.name(),
              load(generated.column(p.name())));
        }
      }
    }
    for (String input : model.inputs()) {
      if (reads.contains(new Ref(input, RefKind.INPUT)) && fused) {
        // the synapse's g of this step is the input; the next step's g is stored, with the
        // projection kernel's operations (FusedInput)
        InLoop x = inLoop.get(input);
        code.addStatement("final $T $L = $T.fromArray($L, $L, $L)", RuntimeNames.DOUBLE_VECTOR,
                input, RuntimeNames.DOUBLE_VECTOR, s, x.now(), i)
            .addStatement("$L.add($L.neg().$L.mul($L)).intoArray($L, $L)", input, input,
                byTau(x.tau()), x.factor(), x.next(), i);
      } else if (reads.contains(new Ref(input, RefKind.INPUT))) {
        code.addStatement("final $T $L = $L", RuntimeNames.DOUBLE_VECTOR, input,
            loadStored(input));
      }
    }
    for (State s : model.states()) {
      if (last && assigned.contains(s.name())) {
        code.addStatement("$T $L = $L", RuntimeNames.DOUBLE_VECTOR, s.name(),
            loadStored(s.name()));
      } else if (reads.contains(new Ref(s.name(), RefKind.STATE))) {
        code.addStatement("final $T $L = $L", RuntimeNames.DOUBLE_VECTOR, s.name(),
            loadStored(s.name()));
      }
    }
    return code.build();
  }

  /** Before an in-loop kernel's loop: the one synapse of each input it reads, and its fields. */
  private CodeBlock inLoopSources(Set<Ref> reads) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (String input : model.inputs()) {
      if (reads.contains(new Ref(input, RefKind.INPUT))) {
        InLoop x = inLoop.get(input);
        code.addStatement("final $T $L = $L.sources($S)[0]", RuntimeNames.FUSED_INPUT, x.source(),
                fusedInputs, input)
            .addStatement("final double[] $L = $L.ahead", x.now(), x.source())
            .addStatement("final double[] $L = $L.spare", x.next(), x.source())
            .addStatement("final double $L = $L.tau", x.tau(), x.source())
            .addStatement("final double $L = $L.factor", x.factor(), x.source());
      }
    }
    return code.build();
  }

  private CodeBlock load(String array) {
    String source = array.contains(".") || generated.isColumn(array) ? array : "this." + array;
    return CodeBlock.of("$T.fromArray($L, $L, $L)", RuntimeNames.DOUBLE_VECTOR, s, source, i);
  }

  /** A state or input array's lanes as doubles: widened when stored as float. */
  private CodeBlock loadStored(String array) {
    return storage == Storage.DOUBLE ? load("this." + array)
        : widen(generated, "this." + array, i);
  }

  /** Stores {@code value} into {@code array}; a float state is rounded lane-wise, as by a cast. */
  private CodeBlock store(String array, CodeBlock value) {
    if (storage == Storage.DOUBLE || !stored(array)) {
      return CodeBlock.of("$L.intoArray(this.$L, $L);\n", value, array, i);
    }
    return narrow(generated, value, "this." + array, i);
  }

  /** {@code F}: as many floats as {@code S} has doubles, so stored values widen lane for lane. */
  static FieldSpec floatSpecies(GeneratedNames names) {
    return FieldSpec.builder(
            ParameterizedTypeName.get(RuntimeNames.VECTOR_SPECIES, TypeName.FLOAT.box()),
            names.floatSpecies(), PRIVATE, STATIC, FINAL)
        .addJavadoc("As many floats as {@code S} has doubles: stored values widen lane for lane.\n")
        .initializer("$T.of(float.class, $T.forBitSize($L.vectorBitSize() / 2))",
            RuntimeNames.VECTOR_SPECIES, RuntimeNames.VECTOR_SHAPE, names.species())
        .build();
  }

  /** The floats of {@code array} at {@code index}, widened into a vector of doubles (exact). */
  static CodeBlock widen(GeneratedNames names, String array, String index) {
    return CodeBlock.of("(($T) $T.fromArray($L, $L, $L).convertShape($T.F2D, $L, 0))",
        RuntimeNames.DOUBLE_VECTOR, RuntimeNames.FLOAT_VECTOR, names.floatSpecies(), array, index,
        RuntimeNames.VECTOR_OPERATORS, names.species());
  }

  /** Stores the doubles {@code value} into float {@code array} at {@code index}, rounded. */
  static CodeBlock narrow(GeneratedNames names, CodeBlock value, String array, String index) {
    return CodeBlock.of("(($T) $L.convertShape($T.D2F, $L, 0)).intoArray($L, $L);\n",
        RuntimeNames.FLOAT_VECTOR, value, RuntimeNames.VECTOR_OPERATORS, names.floatSpecies(), array,
        index);
  }

  private static TypeName maskType() {
    return ParameterizedTypeName.get(RuntimeNames.VECTOR_MASK, TypeName.DOUBLE.box());
  }
}
