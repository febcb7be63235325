package io.brainstem.processor.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PROTECTED;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.brainstem.annotations.Integrator;
import io.brainstem.processor.integrate.Linearity;
import io.brainstem.processor.integrate.LocalLets;
import io.brainstem.processor.integrate.LocalNames;
import io.brainstem.processor.integrate.StagedPlanner;
import io.brainstem.processor.integrate.StagedPlanner.SynapseStages;
import io.brainstem.processor.integrate.StepPlan;
import io.brainstem.processor.integrate.StepPlanner;
import io.brainstem.processor.ir.Assign;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.SynapseIR;
import io.brainstem.processor.ir.ModelIR.Action;
import io.brainstem.processor.ir.ModelIR.SynapseVar;
import io.brainstem.processor.ir.ModelIR.Output;
import io.brainstem.processor.ir.ModelIR.Post;
import io.brainstem.processor.ir.ModelIR.State;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code <Model>Projection extends Projection} for a {@code @Synapse}: per step, integrate the
 * per-postsynaptic-neuron states, deliver last step's presynaptic spikes over the CSR rows,
 * then add the output to the postsynaptic input.
 */
final class ProjectionEmitter {
  private final SynapseIR model;
  private final ClassName self;
  private final ClassName user;
  private final GeneratedNames generated;
  private final LocalNames names;
  private final String i;
  private final String j;
  private final String k;
  private final String slot;
  private final String count;
  private final String from;
  private final String to;
  private final String m;
  private final String spikes;
  private final String due;
  private final String dueCount;
  private final String e;
  /** The delivery loop's presynaptic index of the synapse (read only with @PerPre variables). */
  private final String pre;
  /** The arrays, setters and loops of the {@code @PerSynapse} and {@code @PerPre} variables. */
  private final PerSynapseEmitter perSynapse;
  /** The event code of a plastic model ({@code @OnPost}, event-driven ODEs), else null. */
  private final EventEmitter events;
  /** The {@code @Pre} arrays and the graded loop, for a model with a {@code @Graded} method. */
  private final GradedEmitter graded;
  private final boolean usesTime;
  /** Whether {@code <Model>ProjectionVector} is generated too, for the projection to load. */
  private final boolean vector;
  /** With vector kernels: the kernels' element loops start there (the vector kernel ran before). */
  private final String tail;
  /** Whether the output may assign instead of add ({@link #assignable}); its flag's local. */
  private final boolean assignable;
  private final String assign;
  /** While emitting {@code deliverAhead}: the array the (one) state is read and written in. */
  private String stateArray;

  ProjectionEmitter(SynapseIR model, GeneratedNames generated, boolean vector) {
    this.model = model;
    this.vector = vector;
    this.self = ClassName.get(model.packageName(), model.className() + "Projection");
    this.user = ClassName.get(model.packageName(), model.className());
    this.generated = generated;
    this.names = generated.locals();
    this.i = names.allocate("i");
    this.j = names.allocate("j");
    this.k = names.allocate("k");
    this.slot = names.allocate("s");
    this.count = names.allocate("spikeCount");
    this.from = names.allocate("from");
    this.to = names.allocate("to");
    this.m = names.allocate("m");
    this.spikes = names.allocate("spikes");
    this.due = names.allocate("due");
    this.dueCount = names.allocate("dueCount");
    this.e = names.allocate("e");
    this.pre = names.allocate("pre");
    // The event code stamps each event with its time.
    this.usesTime = ModelNames.readsTime(model) || EventEmitter.applies(model);
    this.tail = vector ? names.allocate("tail") : from;
    this.assignable = assignable(model);
    this.assign = names.allocate("assign");
    this.perSynapse = new PerSynapseEmitter(model, generated, names, self, user, m, j, k, pre, from,
        to);
    this.events = EventEmitter.applies(model)
        ? new EventEmitter(model, generated, names, j, k, pre, from, to) : null;
    this.graded = model.graded().isEmpty() ? null : new GradedEmitter(model, generated, names,
        user, m, j, k, pre, from, to, usesTime);
  }

  TypeSpec type() {
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addModifiers(PUBLIC, FINAL)
        .superclass(RuntimeNames.PROJECTION)
        .addAnnotation(Members.generated(model))
        .addJavadoc(graded != null
            ? "{@link $T} synapses: graded coupling, summed over each postsynaptic neuron's "
                + "partners every step.\n"
            : "{@link $T} synapses, with state kept per postsynaptic neuron.\n", user)
        .addFields(Members.indexConstants(model, generated))
        .addField(Members.paramsField())
        .addFields(Members.noiseFields(model));
    for (State s : model.states()) {
      type.addField(FieldSpec.builder(double[].class, s.name(), PUBLIC, FINAL)
          .addJavadoc("State {@code $L}, one per postsynaptic neuron (null when the postsynaptic "
              + "group stores float).\n", s.name()).build());
      type.addField(FieldSpec.builder(float[].class, generated.field(s.name(), Storage.FLOAT), PUBLIC, FINAL)
          .addJavadoc("State {@code $L} when the postsynaptic group stores float, else null.\n",
              s.name()).build());
    }
    type.addFields(perSynapse.fields());
    if (events != null) {
      type.addFields(events.fields());
    }
    if (graded != null) {
      type.addFields(graded.fields());
    }
    for (Storage storage : Storage.values()) {
      for (Post p : model.posts()) {
        type.addField(FieldSpec.builder(storage.arrayType, generated.postArray(p.fieldName(), storage),
                PRIVATE, FINAL)
            .addJavadoc("The postsynaptic {@code $L} ({@code @Post} field {@code $L}), stored as "
                + "$L.\n", p.postName(), p.fieldName(), storage.name().toLowerCase(Locale.ROOT))
            .build());
      }
      model.output().or(model::graded).ifPresent(o -> type.addField(
          FieldSpec.builder(storage.arrayType, generated.outputArray(storage), PRIVATE, FINAL)
              .addJavadoc("The postsynaptic input the output is added to, stored as $L.\n",
                  storage.name().toLowerCase(Locale.ROOT)).build()));
    }
    type.addMethods(constructors())
        .addMethods(Members.setters(model, generated, self, "postsynaptic neuron"))
        .addMethods(perSynapse.setters())
        // Without an @Ode there is nothing to integrate: no method(Integrator) to choose with.
        .addMethods(model.odes().isEmpty() && model.synapseOdes().isEmpty()
            ? List.of() : List.of(Members.methodSetter(model, self)))
        .addMethods(Members.seedSetter(model, self, "postsynaptic neuron"))
        .addMethods(vector ? Members.noiseSeedGetter(model) : List.of())
        // Delays hold spikes: a graded coupling has none.
        .addMethods(graded != null ? List.of() : delaySetters())
        .addMethod(Members.paramsGetter())
        .addMethod(MethodSpec.methodBuilder("update")
            .addAnnotation(Override.class)
            .addModifiers(PUBLIC)
            .addParameter(double.class, "t")
            .addParameter(double.class, "dt")
            .addParameter(int.class, from)
            .addParameter(int.class, to)
            .addParameter(boolean.class, "jit")
            .addCode(stagedBranch())
            .addCode(fusedBranch())
            .addCode(vector
                ? VectorProjectionEmitter.update(model, names.allocate("vector"), from, tail, to,
                    scalarUpdateCall(tail))
                : scalarUpdateCall(from))
            .build());
    type.addMethod(couplingSetter());
    fusedShape().ifPresent(shape -> type.addMethod(fusedShapeMethod(shape))
        .addMethod(fusedDelivery(model.onPre().orElseThrow())));
    for (Storage storage : Storage.values()) {
      MethodSpec.Builder scalar = MethodSpec.methodBuilder("scalarUpdate" + storage.suffix)
          .addModifiers(PRIVATE)
          .addParameter(double.class, "t")
          .addParameter(double.class, "dt")
          .addParameter(int.class, from);
      if (vector) {
        scalar.addParameter(int.class, tail);
      }
      type.addMethod(scalar.addParameter(int.class, to)
          .addParameter(boolean.class, "jit")
          .addCode(phases(storage))
          .build());
    }
    // The three phases are separate methods, so their variants add up instead of multiplying.
    for (Storage storage : Storage.values()) {
      for (Integrator integrator : model.odes().isEmpty() ? List.<Integrator>of()
          : Members.scalarLoops(model)) {
        for (Variant variant : Variant.values()) {
          type.addMethod(integrate(integrator, variant, storage));
        }
      }
      // Per-synapse ODEs keep a loop per integrator (phases() calls one per case).
      for (Integrator integrator : model.synapseOdes().isEmpty() ? List.<Integrator>of()
          : integrators()) {
        type.addMethod(perSynapse.integrate(integrator, false, storage));
        type.addMethod(perSynapse.integrate(integrator, true, storage));
      }
      for (Variant variant : Variant.values()) {
        if (events == null) {
          model.onPre().ifPresent(onPre -> type.addMethod(deliverMethod(onPre, variant, storage)));
        }
        model.output().ifPresent(out -> type.addMethod(outputMethod(out, variant, storage)));
        if (graded != null) {
          type.addMethod(graded.method(variant, storage));
        }
      }
      if (events != null) {
        type.addMethod(events.deliverEvents(storage, false));
        model.onPost().ifPresent(onPost -> type.addMethod(events.deliverPost(storage, false)));
        if (storage == Storage.DOUBLE) {
          if (events.debugsOnPre()) {
            type.addMethod(events.deliverEvents(storage, true));
          }
          model.onPost().ifPresent(onPost -> type.addMethod(events.deliverPost(storage, true)));
        }
        if (events.hasPreEvents()) {
          type.addMethod(events.preEvents(storage));
        }
      }
    }
    if (events != null && events.hasPreEvents()) {
      type.addMethod(events.beginEvents());
    }
    if (stagedRefusal().isEmpty()) {
      for (Storage storage : Storage.values()) {
        type.addMethod(stagedUpdate(storage));
        for (Variant variant : Variant.values()) {
          type.addMethod(stagedStep(variant, storage, false));
          type.addMethod(stagedStep(variant, storage, true));
        }
      }
    }
    return type.build();
  }

  private List<MethodSpec> constructors() {
    ClassName group = RuntimeNames.NEURON_GROUP;
    MethodSpec unnamed = MethodSpec.constructorBuilder()
        .addModifiers(PUBLIC)
        .addJavadoc("Synapses from {@code pre} to {@code post}, named {@code <pre>2<post>}.\n")
        .addParameter(group, "pre")
        .addParameter(group, "post")
        .addParameter(RuntimeNames.CONNECTOR, "connector")
        .addStatement("this(null, pre, post, connector)")
        .build();
    MethodSpec.Builder named = MethodSpec.constructorBuilder()
        .addModifiers(PUBLIC)
        .addJavadoc("Synapses from {@code pre} to {@code post}; a null {@code name} means "
            + "{@code <pre>2<post>}.\n")
        .addParameter(String.class, "name")
        .addParameter(group, "pre")
        .addParameter(group, "post")
        .addParameter(RuntimeNames.CONNECTOR, "connector")
        .addStatement("super(name, $S, pre, post, connector, $T.$L)", model.className(),
            Integrator.class, model.method().name())
        .addCode(Members.initParams(model, generated, "name()", "post.size()"));
    if (!model.noises().isEmpty()) {
      named.addStatement("this.noiseSeed = name().hashCode()");
    }
    for (State s : model.states()) {
      String initial = ExprRenderer.literal(s.initialValue());
      named.addStatement("this.$L = state($S, $L)", s.name(), s.name(), initial)
          .addStatement("this.$L = floatState($S, $L)", generated.field(s.name(), Storage.FLOAT), s.name(),
              initial);
    }
    for (SynapseVar v : model.synapseVars()) {
      String initial = ExprRenderer.literal(v.initialValue());
      String kind = v.home() == ModelIR.Home.SYNAPSE ? "perSynapse" : "perPre";
      named.addStatement("this.$L = $L($S, $L)", v.name(), kind, v.name(), initial)
          .addStatement("this.$L = $LFloat($S, $L)", generated.field(v.name(), Storage.FLOAT), kind,
              v.name(), initial);
      if (v.trainable()) {
        named.addStatement("markTrainable($S)", v.name());
      }
    }
    if (generated.synapsePre() != null) {
      named.addStatement("this.$L = synapsePre()", generated.synapsePre());
    }
    if (events != null) {
      named.addCode(events.init());
    }
    for (Post p : model.posts()) {
      named.addStatement("this.$L = postVariable($S, $S)", generated.postArray(p.fieldName(), Storage.DOUBLE),
              p.postName(), "@Post field " + p.fieldName())
          .addStatement("this.$L = postFloatVariable($S, $S)",
              generated.postArray(p.fieldName(), Storage.FLOAT), p.postName(), "@Post field " + p.fieldName());
    }
    if (graded != null) {
      named.addCode(graded.constructor());
    }
    String targetRole = graded != null ? "@Graded target" : "@Output target";
    model.output().or(model::graded).ifPresent(o -> named
        .addStatement("this.$L = postVariable($S, $S)", generated.outputArray(Storage.DOUBLE),
            o.target(), targetRole)
        .addStatement("this.$L = postFloatVariable($S, $S)", generated.outputArray(Storage.FLOAT),
            o.target(), targetRole));
    if (events == null && !writesPost(model)) { // else it may write any input: undeclared
      named.addStatement("outputTarget($L, $L)", model.output().or(model::graded)
          .map(o -> "\"" + o.target() + "\"").orElse("null"), assignable);
    }
    if (vector) {
      // By name: this class must load without the jdk.incubator.vector module.
      named.addStatement("vectorKernel($T.load(precision() == $T.FLOAT ? $S : $S, this, params))",
          RuntimeNames.KERNELS, RuntimeNames.PRECISION,
          VectorProjectionEmitter.className(model, Storage.FLOAT).reflectionName(),
          VectorProjectionEmitter.className(model, Storage.DOUBLE).reflectionName());
    }
    return List.of(unnamed, named.build());
  }

  /**
   * Whether the generated code can assign the output ({@code Projection.assignsOutput()}): a
   * held {@code @Output} whose value the projection can recompute after each delivered spike,
   * i.e. not event code, graded or per-synapse ODEs, and no {@code @Post} field that is the
   * target or that {@code @OnPre} writes.
   */
  static boolean assignable(SynapseIR model) {
    if (model.output().isEmpty() || !model.graded().isEmpty() || EventEmitter.applies(model)
        || !model.synapseOdes().isEmpty()) {
      return false;
    }
    String target = model.output().get().target();
    return !writesPost(model) && model.posts().stream().noneMatch(p -> p.postName().equals(target));
  }

  /** Whether {@code @OnPre} writes a {@code @Post} field (a delta synapse writes the target). */
  private static boolean writesPost(SynapseIR model) {
    Set<String> written = new LinkedHashSet<>();
    model.onPre().ifPresent(a -> a.assignments().forEach(x -> written.add(x.state())));
    return model.posts().stream().anyMatch(p -> written.contains(p.fieldName()));
  }

  /** The integrators this class has loops for: none without an {@code @Ode}. */
  private List<Integrator> integrators() {
    if (model.synapseOdes().isEmpty()) {
      return model.odes().isEmpty() ? List.of() : Linearity.supported(model);
    }
    List<Integrator> both = new ArrayList<>(Linearity.supported(perSynapse.model()));
    if (!model.odes().isEmpty()) {
      both.retainAll(Linearity.supported(model));
    }
    return both;
  }

  /** Why this model cannot be staged, if it cannot. */
  private Optional<String> stagedRefusal() {
    if (graded != null) {
      return Optional.of("its @Graded coupling is computed once per step, from the values at the "
          + "start of the step");
    }
    return model.synapseOdes().isEmpty() ? StagedPlanner.refusal(model)
        : Optional.of("its @PerSynapse states are integrated by the projection's own method");
  }

  /**
   * {@code scalarUpdate}'s body: the element loops on {@code [tail, to)} (the vector kernel ran
   * before them on {@code [from, tail)}; {@code tail == from} without it, and always when
   * {@code !jit}), the spike delivery on the whole range.
   */
  private CodeBlock phases(Storage storage) {
    String times = usesTime ? "t, dt, " : "dt, ";
    String loops = times + tail + ", " + to;
    CodeBlock.Builder code = CodeBlock.builder();
    if (!integrators().isEmpty()) {
      code.beginControlFlow("switch (method())");
      if (model.synapseOdes().isEmpty()) {
        // One case per scalar loop: every Runge–Kutta method shares stepRungeKutta.
        for (Integrator loop : Members.scalarLoops(model)) {
          String cases = String.join(", ", integrators().stream()
              .filter(m -> m == loop || (Members.isRungeKutta(m) && Members.isRungeKutta(loop)))
              .map(Integrator::name).toList());
          code.add("case $L -> { $L }\n", cases,
              variants(Members.scalarStepMethod(loop, Variant.GROUP_WIDE), storage, loops));
        }
      } else {
        // Per-synapse ODEs have a loop per integrator, after the lumped states' loop.
        for (Integrator integrator : integrators()) {
          CodeBlock lumped = model.odes().isEmpty() ? CodeBlock.of("")
              : variants(Members.scalarStepMethod(integrator, Variant.GROUP_WIDE), storage, loops);
          CodeBlock perSynapse = CodeBlock.of("$Lif (!jit) $L(dt, $L, $L); else $L(dt, $L, $L);",
              model.odes().isEmpty() ? "" : " ",
              PerSynapseEmitter.stepMethod(integrator, true, storage), from, to,
              PerSynapseEmitter.stepMethod(integrator, false, storage), from, to);
          code.add("case $L -> { $L$L }\n", integrator.name(), lumped, perSynapse);
        }
      }
      if (integrators().size() < Integrator.values().length) {
        // method(...) refuses the others; a switch must still cover every constant.
        code.addStatement("default -> throw $L", Members.missingIntegrator(model, "method()"));
      }
      code.endControlFlow();
    }
    if (events != null) {
      code.add(eventCalls(storage, null));
    } else {
      model.onPre().ifPresent(
          onPre -> code.add("$L\n", variants("deliver", storage, times + from + ", " + to)));
    }
    model.output().ifPresent(out -> code.add(fusedShape().isPresent() && storage == Storage.DOUBLE
        ? "if (fusedInput() == null) { $L }\n" : "$L\n", variants("output", storage, loops)));
    model.graded().ifPresent(g -> code.add("$L\n", variants("graded", storage, loops)));
    return code.build();
  }

  /**
   * The event code's calls: @OnPre, then @OnPost; under double storage and {@code jit(false)}
   * ({@code debug} true, or null for the runtime flag {@code jit}) the ones calling the user's
   * methods.
   */
  private CodeBlock eventCalls(Storage storage, Boolean debug) {
    CodeBlock.Builder code = CodeBlock.builder();
    String args = "t, dt, " + from + ", " + to;
    eventCall(code, "deliverEvents", storage, debug, events.debugsOnPre(), args);
    if (model.onPost().isPresent()) {
      eventCall(code, "deliverPost", storage, debug, true, args);
    }
    return code.build();
  }

  private static void eventCall(CodeBlock.Builder code, String name, Storage storage,
      Boolean debug, boolean hasDebug, String args) {
    String kernel = name + storage.suffix;
    String user = name + Variant.DEBUG.suffix + storage.suffix;
    if (storage != Storage.DOUBLE || !hasDebug || Boolean.FALSE.equals(debug)) {
      code.addStatement("$L($L)", kernel, args);
    } else if (debug != null) {
      code.addStatement("$L($L)", user, args);
    } else {
      code.add("if (!jit) $L($L); else $L($L);\n", user, args, kernel, args);
    }
  }

  /** {@code if (!jit) nameDebug(..); else if (params.heterogeneous()) ...}, on one line. */
  private static CodeBlock variants(String name, Storage storage, String arguments) {
    String s = storage.suffix;
    return CodeBlock.of("if (!jit) $L$L$L($L); else if (params.heterogeneous()) $L$L$L($L);"
            + " else $L$L($L);",
        name, Variant.DEBUG.suffix, s, arguments, name, Variant.PER_ELEMENT.suffix, s, arguments,
        name, s, arguments);
  }

  /** Integrates the {@code @Ode}s of elements {@code [from, to)}. */
  private MethodSpec integrate(Integrator integrator, Variant variant, Storage storage) {
    LocalNames locals = names.copy();
    boolean debug = variant == Variant.DEBUG;
    StepPlan plan = debug
        ? StepPlanner.plan(model, integrator, variant.uniformity, locals, true)
        : StepPlanner.kernelPlan(model, integrator, variant.uniformity, locals, true);
    Loads loads = new Loads(model, generated, variant, storage, m);
    List<Vars> loops = new ArrayList<>();
    Vars vars = vars(debug, loops);
    PlanRenderer render = debug
        ? PlanRenderer.debug(model, vars, m, j) : PlanRenderer.kernel(model, vars, j);
    String block = null;
    if (!debug && PlanRenderer.staged(plan)) {
      // The stages run over blocks of elements in plain loops, which C2 vectorizes.
      block = locals.allocate("block");
      render.blocked(block, locals, state -> "this." + generated.field(state, storage), to);
    }
    Set<String> integrated = new LinkedHashSet<>();
    model.odes().forEach(o -> integrated.add(o.state()));
    Supplier<CodeBlock> elementLoads = () -> CodeBlock.builder()
        .add(loads.paramsInLoop(vars, j))
        .add(loads.inputs(vars, j))
        .add(loadStates(vars, debug, integrated, storage))
        .build();
    String end = block == null ? to : locals.allocate("blockEnd");
    // First the stages, whose rendering names the arrays the element loop reads the results from.
    CodeBlock stages = block == null ? null : render.blockStages(plan, end, elementLoads);
    CodeBlock integrate = render.perElement(plan);
    CodeBlock hoisted = render.hoisted(plan);
    CodeBlock.Builder loop = CodeBlock.builder();
    String first = from;
    if (block != null) {
      first = block;
      loop.beginControlFlow("for (int $L = $L; $L < $L; $L += $T.BLOCK)", block, from, block, to,
              block, RuntimeNames.RUNGE_KUTTA)
          .addStatement("final int $L = $T.min($L + $T.BLOCK, $L)", end, Math.class, block,
              RuntimeNames.RUNGE_KUTTA, to)
          .add(stages);
    }
    CodeBlock results = CodeBlock.builder()
        .add(integrate)
        .add(storeStates(integrated, storage))
        .build();
    loop.beginControlFlow("for (int $L = $L; $L < $L; $L++)", j, first, j, end, j)
        // Blocked, the right-hand sides' loads went to the stages' loop.
        .add(block == null ? elementLoads.get() : Loads.readBy(elementLoads.get(), results))
        .add(results)
        .endControlFlow();
    if (block != null) {
      loop.endControlFlow();
    }
    CodeBlock body = loop.build();
    return phaseMethod(Members.scalarStepMethod(integrator, variant) + storage.suffix, debug,
        CodeBlock.builder().add(loads.paramsBeforeLoop(Vars.union(loops))).add(hoisted)
            .add(body).build());
  }

  /** The {@code @OnPre} body on the targets in {@code [from, to)} of the spikes due now. */
  private MethodSpec deliverMethod(Action onPre, Variant variant, Storage storage) {
    boolean debug = variant == Variant.DEBUG;
    Loads loads = new Loads(model, generated, variant, storage, m);
    List<Vars> loops = new ArrayList<>();
    Vars vars = vars(debug, loops);
    CodeBlock body = deliver(onPre, vars, debug ? vars : vars(false, loops), loads, debug,
        storage);
    return phaseMethod("deliver" + variant.suffix + storage.suffix, debug,
        CodeBlock.builder().add(loads.paramsBeforeLoop(Vars.union(loops))).add(body).build());
  }

  /** Adds the {@code @Output} of elements {@code [from, to)} to the postsynaptic input. */
  private MethodSpec outputMethod(Output out, Variant variant, Storage storage) {
    boolean debug = variant == Variant.DEBUG;
    Loads loads = new Loads(model, generated, variant, storage, m);
    List<Vars> loops = new ArrayList<>();
    CodeBlock body = output(out, vars(debug, loops), loads, debug, storage);
    return phaseMethod("output" + variant.suffix + storage.suffix, debug,
        CodeBlock.builder().add(loads.paramsBeforeLoop(Vars.union(loops))).add(body).build());
  }

  /** A private {@code void name([t,] dt, from, to)}; a debug one makes its model instance first. */
  private MethodSpec phaseMethod(String name, boolean debug, CodeBlock code) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name).addModifiers(PRIVATE);
    if (usesTime) {
      method.addParameter(double.class, "t");
    }
    method.addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to);
    if (debug) {
      // One instance per call: ranges on different threads never share it.
      method.addStatement("final $T $L = new $T()", user, m, user);
    }
    return method.addCode(code).build();
  }

  /**
   * The scalar kernels of this range, for the projection's storage; {@code loopFrom} is where
   * their element loops start ({@code tail} after a vector kernel, else {@code from}).
   */
  private CodeBlock scalarUpdateCall(String loopFrom) {
    String range = loopFrom.equals(from) ? from + ", " + to : from + ", " + loopFrom + ", " + to;
    return CodeBlock.builder()
        .beginControlFlow("if (precision() == $T.FLOAT)", RuntimeNames.PRECISION)
        .addStatement("scalarUpdateFloat(t, dt, $L, jit)", range)
        .nextControlFlow("else")
        .addStatement("scalarUpdate(t, dt, $L, jit)", range)
        .endControlFlow()
        .build();
  }

  private Vars vars(boolean debug, List<Vars> loops) {
    Vars vars = debug ? Vars.debug(model, m) : Vars.kernel(model);
    loops.add(vars);
    return vars;
  }

  /** For each spiking presynaptic neuron, the {@code @OnPre} body on each of its targets. */
  private CodeBlock deliver(Action onPre, Vars vars, Vars outVars, Loads loads, boolean debug,
      Storage storage) {
    // per row, where this range's synapses start and end (Projection.rowCuts)
    LocalNames rows = names.copy();
    RowWalk walk = RowWalk.allocate(rows);
    CodeBlock.Builder effect = CodeBlock.builder();
    Set<String> written = new LinkedHashSet<>();
    onPre.assignments().forEach(a -> written.add(a.state()));
    // per-synapse writes are stored at the synapse, the rest (lumped, @Post) at the target
    Set<String> writtenSynapse = new LinkedHashSet<>();
    written.stream().filter(w -> model.synapseVar(w).isPresent()).forEach(writtenSynapse::add);
    Set<String> writtenLumped = new LinkedHashSet<>(written);
    writtenLumped.removeAll(writtenSynapse);
    if (debug) {
      model.states().forEach(s -> effect.addStatement("$L.$L = this.$L[$L]", m, s.name(),
          generated.field(s.name(), storage), j));
      model.synapseVars().forEach(v -> effect.addStatement("$L.$L = this.$L[$L]", m, v.name(),
          generated.field(v.name(), storage), perSynapse.index(v)));
      effect.addStatement("$L.$L()", m, onPre.methodName());
      writtenLumped.forEach(s -> effect.addStatement("$L[$L] = $L", array(s, storage), j,
          storage.store(m + "." + s)));
      writtenSynapse.forEach(s -> effect.addStatement("this.$L[$L] = $L",
          generated.field(s, storage), perSynapse.index(model.synapseVar(s).orElseThrow()),
          storage.store(m + "." + s)));
      if (assignable) {
        Output out = model.output().orElseThrow();
        effect.beginControlFlow("if ($L)", assign);
        if (storage == Storage.FLOAT) { // the output pass would read the stored floats
          writtenLumped.forEach(s -> effect.addStatement("$L.$L = (float) $L.$L", m, s, m, s));
        }
        effect.add(assignTo(CodeBlock.of("$L.$L()", m, out.methodName()), storage))
            .endControlFlow();
      }
    } else {
      PlanRenderer render = PlanRenderer.kernel(model, vars, j);
      CodeBlock.Builder assignments = CodeBlock.builder();
      for (Assign a : onPre.assignments()) {
        assignments.addStatement("$L $L $L", a.state(), a.op().symbol, render.expr(a.value()));
      }
      CodeBlock rendered = assignments.build();
      // The output's rewrite reads through its own Vars: what only it reads loads in its branch.
      PlanRenderer outRender = PlanRenderer.kernel(model, outVars, j);
      CodeBlock reassign = assignable ? outputValue(outRender, storage) : null;
      Vars only = Vars.minus(outVars, vars, written);
      CodeBlock outLoads = CodeBlock.builder().add(loads.paramsInLoop(only, j))
          .add(loads.inputs(only, j, written)).add(loadStates(only, false, Set.of(), storage))
          .build();
      effect.add(loadStates(vars, false, writtenLumped, storage))
          .add(perSynapse.loads(vars, writtenSynapse, storage))
          .add(loadWrittenPosts(written, storage))
          .add(rendered).add(storeStates(writtenLumped, storage));
      writtenSynapse.forEach(s -> effect.addStatement("this.$L[$L] = $L",
          generated.field(s, storage), perSynapse.index(model.synapseVar(s).orElseThrow()),
          storage.store(s)));
      if (reassign != null) {
        effect.beginControlFlow("if ($L)", assign);
        if (storage == Storage.FLOAT) { // the output pass would read the stored floats
          writtenLumped.forEach(s -> effect.addStatement("$L = (float) $L", s, s));
        }
        effect.add(outLoads).add(reassign).endControlFlow();
      }
    }
    // Due synapses may target any neuron: the range check always. A row's run of the range
    // (Projection.rowsExact) holds only the range's targets: no check (measured: 6 % of COBA
    // 40 000 on 32 chunks), loop-invariant, so C2 unswitches it.
    String outside = rows.allocate("outside");
    CodeBlock.Builder targetBody = CodeBlock.builder();
    if (generated.synapsePre() != null) {
      targetBody.addStatement("final int $L = $L[$L]", pre, generated.synapsePre(), k);
    }
    targetBody.add(loads.paramsInLoop(vars, j))
        .add(loads.inputs(vars, j, written))
        .add(effect.build());
    CodeBlock range = CodeBlock.of("$L < $L || $L >= $L", j, from, j, to);
    CodeBlock perTarget = target(j, k, range, targetBody.build());
    CodeBlock perRowTarget = target(j, k, CodeBlock.of("$L && ($L)", outside, range),
        targetBody.build());
    CodeBlock.Builder code = CodeBlock.builder();
    if (assignable) {
      code.add("// assigning: each target's output is rewritten from its state after the spike\n")
          .addStatement("final boolean $L = assignsOutput()", assign);
    }
    code
        .add("// spikes due now: $L() on each target in [$L, $L) ($L)\n",
            onPre.methodName(), from, to, Members.oneLine(onPre.sourceText()))
        .beginControlFlow("if (hasSynapseDelays())")
        .addStatement("final int[] $L = dueSynapses()", due)
        .addStatement("final int $L = dueCount()", dueCount)
        .beginControlFlow("for (int $L = 0; $L < $L; $L++)", e, e, dueCount, e)
        .addStatement("final int $L = $L[$L]", k, due, e)
        .add(perTarget)
        .endControlFlow()
        .nextControlFlow("else")
        .add("// the rows of the spikes due: last step's spike list, or that of d steps earlier\n")
        .addStatement("final int[] $L = dueSpikes()", spikes)
        .add("// this range's synapses of each row (cut once, at the runner's ranges)\n")
        .add(walk.declare(from, to))
        .addStatement("final boolean $L = !rowsExact($L, $L)", outside, from, to)
        .beginControlFlow("for (int $L = 0, $L = dueSpikeCount(); $L < $L; $L++)",
            slot, count, slot, count, slot)
        .addStatement("final int $L = $L[$L]", i, spikes, slot);
    return walk.open(code, i, k)
        .add(perRowTarget)
        .endControlFlow()
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** Target {@code j} of synapse {@code k}, skipped when {@code skip} holds, else {@code body}. */
  private static CodeBlock target(String j, String k, CodeBlock skip, CodeBlock body) {
    return CodeBlock.builder()
        .addStatement("final int $L = indices[$L]", j, k)
        .beginControlFlow("if ($L)", skip)
        .addStatement("continue")
        .endControlFlow()
        .add(body)
        .build();
  }

  /** The exponential shape the postsynaptic group's loop can take over, with vector kernels only. */
  private java.util.Optional<FusedShape> fusedShape() {
    return vector && events == null ? FusedShape.of(model) : java.util.Optional.empty();
  }

  /**
   * {@code update}'s first branch under a fused plan: once the group's step has the state ({@code
   * FusedInput.primed()}), only the delivery of last step's spikes, into the next-step array that
   * the group's step decayed; before that, the step's own integration and delivery, without the
   * output (the group's step sums it).
   */
  private CodeBlock fusedBranch() {
    if (fusedShape().isEmpty()) {
      return CodeBlock.of("");
    }
    return CodeBlock.builder()
        .add("// fused (FusedInput): the postsynaptic group's loop integrates g and sums the output\n")
        .addStatement("final $T fused = fusedInput()", RuntimeNames.FUSED_INPUT)
        .beginControlFlow("if (fused != null && fused.primed())")
        .addStatement("deliverAhead($L$L, $L)", usesTime ? "t, dt, " : "dt, ", from, to)
        .addStatement("return")
        .endControlFlow()
        .build();
  }

  /** {@code deliverAhead}: the delivery into {@code FusedInput.ahead}. */
  private MethodSpec fusedDelivery(Action onPre) {
    Loads loads = new Loads(model, generated, Variant.GROUP_WIDE, Storage.DOUBLE, m);
    List<Vars> loops = new ArrayList<>();
    Vars vars = vars(false, loops);
    // A local: C2 reloaded the field chain at every target (COBA 40 000 on 32 chunks: 13 % of
    // the step, docs/benchmarks-history.md, "Per-chunk delivery").
    stateArray = names.copy().allocate("ahead");
    CodeBlock body;
    try {
      body = CodeBlock.builder()
          .addStatement("final double[] $L = fusedInput().ahead", stateArray)
          .add(deliver(onPre, vars, vars(false, loops), loads, false, Storage.DOUBLE))
          .build();
    } finally {
      stateArray = null;
    }
    return phaseMethod("deliverAhead", false, CodeBlock.builder()
        .add("// into the step's g, which the group's step decayed (FusedInput)\n")
        .add(loads.paramsBeforeLoop(Vars.union(loops))).add(body).build());
  }

  private MethodSpec fusedShapeMethod(FusedShape shape) {
    CodeBlock value = shape.reversal() == null
        ? CodeBlock.of("$T.current($S, $L)", RuntimeNames.FUSED_SHAPE, shape.state(),
            generated.indexConstant(shape.tau()))
        : CodeBlock.of("$T.conductance($S, $L, $L, $S)", RuntimeNames.FUSED_SHAPE, shape.state(),
            generated.indexConstant(shape.tau()), generated.indexConstant(shape.reversal()),
            shape.post());
    if (shape.reciprocal()) {
      value = CodeBlock.of("$L.byReciprocal()", value);
    }
    return MethodSpec.methodBuilder("fusedShape")
        .addAnnotation(Override.class)
        .addModifiers(PROTECTED)
        .returns(RuntimeNames.FUSED_SHAPE)
        .addJavadoc("{@code $L}: its postsynaptic group's vector loop can integrate it and sum its "
            + "output.\n", Members.oneLine(model.odes().get(0).sourceText()))
        .addStatement("return $L", value)
        .build();
  }

  /** Fluent delay setters returning the generated type (the base class holds the buffers). */
  private List<MethodSpec> delaySetters() {
    return List.of(
        MethodSpec.methodBuilder("delay").addModifiers(PUBLIC).returns(self)
            .addJavadoc("Delays every synapse by {@code ms} (a whole multiple of the run's dt); "
                + "0, the default, delivers\nlast step's spikes.\n")
            .addParameter(double.class, "ms")
            .addStatement("setDelayMs(ms)").addStatement("return this").build(),
        MethodSpec.methodBuilder("delaySteps").addModifiers(PUBLIC).returns(self)
            .addJavadoc("Delays every synapse by {@code steps} steps (spikes of step k arrive in "
                + "step k + 1 + steps).\n")
            .addParameter(int.class, "steps")
            .addStatement("setDelaySteps(steps)").addStatement("return this").build(),
        MethodSpec.methodBuilder("delay").addModifiers(PUBLIC).returns(self)
            .addJavadoc("One delay in ms per synapse, in CSR order ({@code csr().indices()}).\n")
            .addParameter(double[].class, "perSynapseMs")
            .addStatement("setSynapseDelayMs(perSynapseMs)").addStatement("return this").build(),
        MethodSpec.methodBuilder("delaySteps").addModifiers(PUBLIC).returns(self)
            .addJavadoc("One delay in steps per synapse, in CSR order ({@code csr().indices()}).\n")
            .addParameter(int[].class, "perSynapse")
            .addStatement("setSynapseDelaySteps(perSynapse)").addStatement("return this").build());
  }

  /** Adds the {@code @Output} value to the postsynaptic input, element by element. */
  private CodeBlock output(Output out, Vars vars, Loads loads, boolean debug, Storage storage) {
    String target = generated.outputArray(storage);
    CodeBlock.Builder add = CodeBlock.builder();
    if (debug) {
      model.states().forEach(s -> add.addStatement("$L.$L = this.$L[$L]", m, s.name(),
          generated.field(s.name(), storage), j));
      add.add(addTo(target, CodeBlock.of("$L.$L()", m, out.methodName()), storage));

    } else {
      PlanRenderer render = PlanRenderer.kernel(model, vars, j);
      LocalLets lets = LocalLets.of(out.locals(), out.value(), "out", names.copy());
      CodeBlock.Builder locals = CodeBlock.builder();
      lets.lets().forEach(let ->
          locals.addStatement("final double $L = $L", let.name(), render.expr(let.value())));
      CodeBlock value = render.expr(lets.value());
      // States load after rendering, which records the ones read.
      add.add(loadStates(vars, false, Set.of(), storage))
          .add(locals.build())
          .add(addTo(target, value, storage));
    }
    CodeBlock perElement = add.build();
    CodeBlock.Builder code = CodeBlock.builder();
    if (assignable) {
      code.add("// the first writer of an input 0 at the step's start assigns: 0.0 + output\n")
          .addStatement("final boolean $L = assignsOutput()", assign);
    }
    return code
        .add("// $L += $L\n", out.target(), Members.oneLine(out.sourceText()))
        .beginControlFlow("for (int $L = $L; $L < $L; $L++)", j, from, j, to, j)
        .add(loads.paramsInLoop(vars, j))
        .add(loads.inputs(vars, j))
        .add(perElement)
        .endControlFlow()
        .build();
  }

  /**
   * {@code target[j] += value}; into a float array written out as {@code target[j] = (float)
   * (target[j] + (value))}, which is what the compound assignment does, without javac's
   * lossy-conversion lint (the parentheses keep a conditional value whole).
   */
  private CodeBlock addTo(String target, CodeBlock value, Storage storage) {
    if (assignable) { // 0.0 + (value): bit for bit the sum into a cleared input
      return storage == Storage.DOUBLE
          ? CodeBlock.of("$L[$L] = ($L ? 0.0 : $L[$L]) + ($L);\n", target, j, assign, target, j,
              value)
          : CodeBlock.of("$L[$L] = (float) (($L ? 0.0 : $L[$L]) + ($L));\n", target, j, assign,
              target, j, value);
    }
    return storage == Storage.DOUBLE
        ? CodeBlock.of("$L[$L] += $L;\n", target, j, value)
        : CodeBlock.of("$L[$L] = (float) ($L[$L] + ($L));\n", target, j, target, j, value);
  }

  /** {@code target[j] = 0.0 + value} (the output into a cleared input). */
  private CodeBlock assignTo(CodeBlock value, Storage storage) {
    String target = generated.outputArray(storage);
    return storage == Storage.DOUBLE
        ? CodeBlock.of("$L[$L] = 0.0 + ($L);\n", target, j, value)
        : CodeBlock.of("$L[$L] = (float) (0.0 + ($L));\n", target, j, value);
  }

  /** The output's lets and {@code target[j] = 0.0 + output}, rendered by {@code render}. */
  private CodeBlock outputValue(PlanRenderer render, Storage storage) {
    Output out = model.output().orElseThrow();
    LocalLets lets = LocalLets.of(out.locals(), out.value(), "out", names.copy());
    CodeBlock.Builder code = CodeBlock.builder();
    lets.lets().forEach(let ->
        code.addStatement("final double $L = $L", let.name(), render.expr(let.value())));
    return code.add(assignTo(render.expr(lets.value()), storage)).build();
  }

  /** States as locals: mutable when {@code written}; read-only ones only when read. */
  private CodeBlock loadStates(Vars vars, boolean debug, Collection<String> written,
      Storage storage) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (State s : model.states()) {
      String array = stateArray != null ? stateArray : "this." + generated.field(s.name(), storage);
      if (written.contains(s.name())) {
        code.addStatement("double $L = $L[$L]", s.name(), array, j);
      } else if (debug || vars.uses(RefKind.STATE, s.name())) {
        code.addStatement("final double $L = $L[$L]", s.name(), array, j);
      }
    }
    return code.build();
  }

  private CodeBlock storeStates(Collection<String> written, Storage storage) {
    CodeBlock.Builder code = CodeBlock.builder();
    written.forEach(s -> code.addStatement("$L[$L] = $L", array(s, storage), j, storage.store(s)));
    return code.build();
  }

  /** {@code @Post} fields an {@code @OnPre} writes, as mutable locals (stored back after it). */
  private CodeBlock loadWrittenPosts(Collection<String> written, Storage storage) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (Post p : model.posts()) {
      if (written.contains(p.fieldName())) {
        code.addStatement("double $L = $L[$L]", p.fieldName(), generated.postArray(p.fieldName(), storage),
            j);
      }
    }
    return code.build();
  }

  /** The array a written variable lives in: the state's own, or the postsynaptic one. */
  private String array(String written, Storage storage) {
    boolean post = model.posts().stream().anyMatch(p -> p.fieldName().equals(written));
    return post ? generated.postArray(written, storage)
        : stateArray != null ? stateArray : "this." + generated.field(written, storage);
  }

  /** {@code coupling(Coupling)}: a staged-capable model names its target and post state. */
  private MethodSpec couplingSetter() {
    Optional<String> refusal = stagedRefusal();
    MethodSpec.Builder setter = MethodSpec.methodBuilder("coupling")
        .addModifiers(PUBLIC)
        .returns(self)
        .addJavadoc("Chooses how the output reaches the postsynaptic group: {@code HELD} (once per "
            + "step, the default) or\n{@code STAGED} (at every Runge–Kutta stage of the "
            + "postsynaptic group$L).\n", refusal.isPresent() ? "; refused here: "
                + refusal.get().replace("$", "$$") : "")
        .addParameter(RuntimeNames.COUPLING, "coupling");
    if (refusal.isPresent()) {
      setter.addStatement("setCoupling(coupling, $S, null, null)", refusal.get());
    } else {
      String target = model.output().orElseThrow().target();
      Optional<String> state = StagedPlanner.readPost(model).map(Post::postName);
      setter.addStatement("setCoupling(coupling, null, $S, $L)", target,
          state.map(x -> "\"" + x + "\"").orElse("null"));
    }
    return setter.addStatement("return this").build();
  }

  /** The first statements of {@code update}: a staged projection runs its staged loops alone. */
  private CodeBlock stagedBranch() {
    if (stagedRefusal().isPresent()) {
      return CodeBlock.of("");
    }
    String range = from + ", " + to;
    return CodeBlock.builder()
        .beginControlFlow("if (staged())")
        .beginControlFlow("if (precision() == $T.FLOAT)", RuntimeNames.PRECISION)
        .addStatement("stagedUpdateFloat(t, dt, $L, jit)", range)
        .nextControlFlow("else")
        .addStatement("stagedUpdate(t, dt, $L, jit)", range)
        .endControlFlow()
        .addStatement("return")
        .endControlFlow()
        .build();
  }

  private MethodSpec stagedUpdate(Storage storage) {
    String args = (usesTime ? "t, dt, " : "dt, ") + from + ", " + to;
    String name = "stepStaged";
    return MethodSpec.methodBuilder("stagedUpdate" + storage.suffix)
        .addModifiers(PRIVATE)
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addParameter(boolean.class, "jit")
        .beginControlFlow("if (stagedExponential())")
        .addCode(stagedDispatch(name + GroupEmitter.EXPONENTIAL, storage, args))
        .nextControlFlow("else")
        .addCode(stagedDispatch(name, storage, args))
        .endControlFlow()
        .build();
  }

  private static CodeBlock stagedDispatch(String name, Storage storage, String args) {
    return CodeBlock.builder()
        .beginControlFlow("if (!jit)")
        .addStatement("$L$L$L($L)", name, Variant.DEBUG.suffix, storage.suffix, args)
        .nextControlFlow("else if (params.heterogeneous())")
        .addStatement("$L$L$L($L)", name, Variant.PER_ELEMENT.suffix, storage.suffix, args)
        .nextControlFlow("else")
        .addStatement("$L$L($L)", name, storage.suffix, args)
        .endControlFlow()
        .build();
  }

  /**
   * One staged loop (Brian2's order): deliver the spikes due now, then per element integrate the
   * state with the postsynaptic group's Runge–Kutta tableau and add the output's offset and slope
   * at each stage to the group's stage arrays; or, when {@code exponential} (an exponential-Euler
   * group), add them once, from the state at the start of the step, then advance the state by
   * exponential Euler.
   */
  private MethodSpec stagedStep(Variant variant, Storage storage, boolean exponential) {
    LocalNames locals = names.copy();
    boolean debug = variant == Variant.DEBUG;
    Loads loads = new Loads(model, generated, variant, storage, m);
    List<Vars> loops = new ArrayList<>();
    CodeBlock.Builder body = CodeBlock.builder();
    if (events != null) {
      body.add(eventCalls(storage, debug));
    } else {
      model.onPre().ifPresent(onPre -> body.addStatement("deliver$L$L($L$L, $L)",
          variant.suffix, storage.suffix, usesTime ? "t, dt, " : "dt, ", from, to));
    }

    CodeBlock.Builder arrays = CodeBlock.builder();
    SynapseStages stages;
    if (exponential) {
      stages = StagedPlanner.synapseExponential(model, variant.uniformity, locals, debug);
    } else {
      String tableau = locals.allocate("rk");
      stages = StagedPlanner.synapse(model, variant.uniformity, locals, tableau, debug);
      arrays.addStatement("final $T $L = stageTableau()", RuntimeNames.STAGE_TABLEAU, tableau);
    }
    CodeBlock.Builder adds = CodeBlock.builder();
    for (int s = 0; s < stages.offsets().size(); s++) {
      String offset = locals.allocate("offset" + (s + 1));
      arrays.addStatement("final double[] $L = stageOffset($L)", offset, s);
      adds.addStatement("$L[$L] += $L", offset, j, stages.offsets().get(s));
      if (!stages.slopes().isEmpty()) {
        String slope = locals.allocate("slope" + (s + 1));
        arrays.addStatement("final double[] $L = stageSlope($L)", slope, s);
        adds.addStatement("$L[$L] += $L", slope, j, stages.slopes().get(s));
      }
    }
    Vars vars = vars(debug, loops);
    PlanRenderer render = debug
        ? PlanRenderer.debug(model, vars, m, j) : PlanRenderer.kernel(model, vars, j);
    CodeBlock integrate = render.perElement(stages.plan());
    CodeBlock hoisted = render.hoisted(stages.plan());
    Set<String> integrated = new LinkedHashSet<>();
    model.odes().forEach(o -> integrated.add(o.state()));
    body.add(exponential
                ? "// $L at the start of the postsynaptic group's exponential Euler step\n"
                : "// $L at each stage of the postsynaptic group's Runge-Kutta step\n",
            Members.oneLine(model.output().orElseThrow().sourceText()))
        .beginControlFlow("for (int $L = $L; $L < $L; $L++)", j, from, j, to, j)
        .add(loads.paramsInLoop(vars, j))
        .add(loads.inputs(vars, j))
        .add(loadStates(vars, debug, integrated, storage))
        .add(integrate)
        .add(adds.build())
        .add(storeStates(integrated, storage))
        .endControlFlow();

    CodeBlock.Builder code = CodeBlock.builder();
    if (debug) {
      code.addStatement("final $T $L = new $T()", user, m, user);
    }
    code.add(loads.paramsBeforeLoop(Vars.union(loops)))
        .add(arrays.build())
        .add(hoisted)
        .add(body.build());
    MethodSpec.Builder method = MethodSpec.methodBuilder(
            "stepStaged" + (exponential ? GroupEmitter.EXPONENTIAL : "") + variant.suffix
                + storage.suffix)
        .addModifiers(PRIVATE);
    if (usesTime) {
      method.addParameter(double.class, "t");
    }
    return method.addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addCode(code.build())
        .build();
  }
}
