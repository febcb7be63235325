package io.brainstem.processor.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import io.brainstem.annotations.Integrator;
import io.brainstem.processor.integrate.LocalNames;
import io.brainstem.processor.integrate.StepPlan;
import io.brainstem.processor.integrate.StepPlanner;
import io.brainstem.processor.integrate.Uniformity;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.ModelIR.Home;
import io.brainstem.processor.ir.ModelIR.Post;
import io.brainstem.processor.ir.ModelIR.State;
import io.brainstem.processor.ir.ModelIR.SynapseVar;
import io.brainstem.processor.ir.SynapseIR;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The part of {@code <Model>Projection} for {@code @PerSynapse} and {@code @PerPre} variables:
 * their arrays and setters, the loads and stores of the delivery loop, and the clock-driven loops
 * integrating the {@code @Ode}s of per-synapse states over every synapse.
 */
final class PerSynapseEmitter {
  private final SynapseIR model;
  private final GeneratedNames generated;
  private final LocalNames names;
  private final ClassName self;
  private final ClassName user;
  private final String m;
  private final String j;
  private final String k;
  private final String pre;
  private final String from;
  private final String to;

  /** The projection emitter's names: its type, the model class, and its loops' locals. */
  PerSynapseEmitter(SynapseIR model, GeneratedNames generated, LocalNames names, ClassName self,
      ClassName user, String m, String j, String k, String pre, String from, String to) {
    this.model = model;
    this.generated = generated;
    this.names = names;
    this.self = self;
    this.user = user;
    this.m = m;
    this.j = j;
    this.k = k;
    this.pre = pre;
    this.from = from;
    this.to = to;
  }

  /** The arrays of the {@code @PerSynapse} and {@code @PerPre} variables, double and float. */
  List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    for (SynapseVar v : model.synapseVars()) {
      String what = (v.state() ? "State" : "Parameter") + " {@code $L}, "
          + (v.home() == Home.SYNAPSE ? "one per synapse in CSR order" : "one per presynaptic neuron");
      fields.add(FieldSpec.builder(double[].class, v.name(), PUBLIC, FINAL)
          .addJavadoc(what + " (null when the postsynaptic group stores float).\n", v.name())
          .build());
      fields.add(FieldSpec.builder(float[].class, generated.field(v.name(), Storage.FLOAT), PUBLIC,
              FINAL)
          .addJavadoc(what + ", when the postsynaptic group stores float, else null.\n", v.name())
          .build());
    }
    if (generated.synapsePre() != null) {
      fields.add(FieldSpec.builder(int[].class, generated.synapsePre(), PRIVATE, FINAL)
          .addJavadoc("The presynaptic neuron of each synapse, for the @PerPre variables.\n")
          .build());
    }
    return fields;
  }

  /**
   * Per {@code @PerSynapse} or {@code @PerPre} variable: setters from a constant, an array (CSR
   * order, or by presynaptic index) and a {@link RuntimeNames#SYNAPSE_INIT}.
   */
  List<MethodSpec> setters() {
    List<MethodSpec> setters = new ArrayList<>();
    for (SynapseVar v : model.synapseVars()) {
      boolean synapse = v.home() == Home.SYNAPSE;
      String each = synapse ? "synapse" : "presynaptic neuron";
      setters.add(MethodSpec.methodBuilder(v.name()).addModifiers(PUBLIC).returns(self)
          .addJavadoc("Sets {@code $L} of every $L to {@code value}.\n", v.name(), each)
          .addParameter(double.class, "value")
          .addStatement("setSynapseVariable($S, value)", v.name())
          .addStatement("return this").build());
      setters.add(MethodSpec.methodBuilder(v.name()).addModifiers(PUBLIC).returns(self)
          .addJavadoc(synapse
              ? "Sets {@code $L} per synapse from {@code values}, in CSR order "
                  + "({@code csr().indices()}, {@code synapseCount()} values).\n"
              : "Sets {@code $L} per presynaptic neuron from {@code values} (one per "
                  + "presynaptic neuron).\n", v.name())
          .addParameter(double[].class, "values")
          .addStatement("setSynapseVariable($S, values)", v.name())
          .addStatement("return this").build());
      setters.add(MethodSpec.methodBuilder(v.name()).addModifiers(PUBLIC).returns(self)
          .addJavadoc("Sets {@code $L} of each $L from {@code init} (seeded, reproducible).\n",
              v.name(), each)
          .addParameter(RuntimeNames.SYNAPSE_INIT, "init")
          .addStatement("setSynapseVariable($S, init)", v.name())
          .addStatement("return this").build());
    }
    return setters;
  }

  /**
   * The per-synapse ODE system as a model of its own, for the planner: the {@code @PerSynapse}
   * states with an {@code @Ode} are its states; every parameter (shared, per synapse, per
   * presynaptic neuron) is a parameter, which the loop loads from its own home.
   */
  SynapseIR model() {
    return odeSystem(model);
  }

  /** {@link #model()} of {@code model}: its per-synapse ODE system (the backward step plans it too). */
  static SynapseIR odeSystem(SynapseIR model) {
    List<ModelIR.Param> params = new ArrayList<>(model.params());
    List<State> states = new ArrayList<>();
    for (SynapseVar v : model.synapseVars()) {
      if (!v.state()) {
        params.add(new ModelIR.Param(v.name(), v.initialValue()));
      } else if (model.synapseOdes().stream().anyMatch(o -> o.state().equals(v.name()))) {
        states.add(new State(v.name(), v.initialValue()));
      }
    }
    return new SynapseIR(model.packageName(), model.className(), model.method(), params, states,
        model.posts(), model.synapseOdes(), Optional.empty(), Optional.empty(), List.of(),
        model.methods());
  }

  /** {@code stepSynapsesRk4}: the name of a per-synapse integration loop. */
  static String stepMethod(Integrator integrator, boolean debug, Storage storage) {
    return Members.stepMethod(integrator, Variant.GROUP_WIDE).replaceFirst("step", "stepSynapses")
        + (debug ? Variant.DEBUG.suffix : "") + storage.suffix;
  }

  /**
   * Integrates the {@code @PerSynapse} states with an {@code @Ode} of every synapse whose target
   * is in {@code [from, to)}, clock-driven, by the projection's method: each synapse is one
   * element, reading shared parameters and {@code @Post} values at its target {@code j}.
   */
  MethodSpec integrate(Integrator integrator, boolean debug, Storage storage) {
    SynapseIR sub = model();
    LocalNames locals = names.copy();
    Uniformity perElement = Uniformity.PER_ELEMENT_PARAMS;
    StepPlan plan = debug
        ? StepPlanner.plan(sub, integrator, perElement, locals)
        : StepPlanner.kernelPlan(sub, integrator, perElement, locals);
    Vars vars = debug ? Vars.debug(sub, m) : Vars.kernel(sub);
    PlanRenderer render = debug
        ? PlanRenderer.debug(sub, vars, m, k) : PlanRenderer.kernel(sub, vars, k);
    CodeBlock integrate = render.perElement(plan);
    CodeBlock hoisted = render.hoisted(plan);
    String row = locals.allocate("row");
    RowWalk walk = RowWalk.allocate(locals);
    CodeBlock.Builder loads = CodeBlock.builder();
    for (ModelIR.Param p : model.params()) {
      if (debug) {
        loads.addStatement("$L.$L = params.value($L, $L)", m, p.name(),
            generated.indexConstant(p.name()), j);
      } else if (vars.uses(RefKind.PARAM, p.name())) {
        loads.addStatement("final double $L = params.value($L, $L)", p.name(),
            generated.indexConstant(p.name()), j);
      }
    }
    for (SynapseVar v : model.synapseVars()) {
      if (v.state()) {
        continue;
      }
      String array = generated.field(v.name(), storage);
      if (debug) {
        loads.addStatement("$L.$L = this.$L[$L]", m, v.name(), array, index(v));
      } else if (vars.uses(RefKind.PARAM, v.name())) {
        loads.addStatement("final double $L = this.$L[$L]", v.name(), array, index(v));
      }
    }
    for (Post p : model.posts()) {
      String array = generated.postArray(p.fieldName(), storage);
      if (debug) {
        loads.addStatement("$L.$L = $L[$L]", m, p.fieldName(), array, j);
      } else if (vars.uses(RefKind.POST, p.fieldName())) {
        loads.addStatement("final double $L = $L[$L]", p.fieldName(), array, j);
      }
    }
    CodeBlock.Builder states = CodeBlock.builder();
    CodeBlock.Builder stores = CodeBlock.builder();
    for (State s : sub.states()) {
      String array = generated.field(s.name(), storage);
      states.addStatement("double $L = this.$L[$L]", s.name(), array, k);
      stores.addStatement("this.$L[$L] = $L", array, k, storage.store(s.name()));
    }
    CodeBlock.Builder body = CodeBlock.builder();
    if (debug) {
      body.addStatement("final $T $L = new $T()", user, m, user);
    }
    body.add(hoisted)
        .add("// each synapse onto [$L, $L): its @PerSynapse states, clock-driven\n", from, to)
        .add(walk.declare(from, to))
        .beginControlFlow("for (int $L = 0; $L < indptr.length - 1; $L++)", row, row, row);
    walk.open(body, row, k)
        .addStatement("final int $L = indices[$L]", j, k)
        .beginControlFlow("if ($L < $L || $L >= $L)", j, from, j, to)
        .addStatement("continue")
        .endControlFlow();
    if (generated.synapsePre() != null) {
      body.addStatement("final int $L = $L[$L]", pre, generated.synapsePre(), k);
    }
    body.add(loads.build()).add(states.build()).add(integrate).add(stores.build())
        .endControlFlow()
        .endControlFlow();
    return MethodSpec.methodBuilder(stepMethod(integrator, debug, storage))
        .addModifiers(PRIVATE)
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addCode(body.build())
        .build();
  }

  /** The index of {@code v}'s element in the delivery loop: the synapse's, or its source's. */
  String index(SynapseVar v) {
    return v.home() == Home.SYNAPSE ? k : pre;
  }

  /** The {@code @PerSynapse}/{@code @PerPre} variables an {@code @OnPre} writes or reads. */
  CodeBlock loads(Vars vars, Set<String> written, Storage storage) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (SynapseVar v : model.synapseVars()) {
      String array = generated.field(v.name(), storage);
      if (written.contains(v.name())) {
        code.addStatement("double $L = this.$L[$L]", v.name(), array, index(v));
      } else if (vars.uses(RefKind.STATE, v.name()) || vars.uses(RefKind.PARAM, v.name())) {
        code.addStatement("final double $L = this.$L[$L]", v.name(), array, index(v));
      }
    }
    return code.build();
  }
}
