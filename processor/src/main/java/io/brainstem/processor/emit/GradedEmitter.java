package io.brainstem.processor.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import io.brainstem.processor.integrate.LocalLets;
import io.brainstem.processor.integrate.LocalNames;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR.Output;
import io.brainstem.processor.ir.ModelIR.Post;
import io.brainstem.processor.ir.ModelIR.Pre;
import io.brainstem.processor.ir.ModelIR.SynapseVar;
import io.brainstem.processor.ir.SynapseIR;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The part of {@code <Model>Projection} for a {@code @Graded} coupling: the {@code @Pre} arrays and
 * the loop adding, to each postsynaptic input {@code j}, the sum over the synapses onto {@code j}
 * of the graded value. It walks the connectivity by postsynaptic neuron (CSC), in ascending
 * presynaptic order, so each sum is one thread's, in one order: bit-identical for any split.
 */
final class GradedEmitter {
  private final SynapseIR model;
  private final Output graded;
  private final GeneratedNames generated;
  private final LocalNames names;
  private final ClassName user;
  private final String m;
  private final String j;
  private final String k;
  private final String pre;
  private final String from;
  private final String to;
  private final boolean usesTime;

  GradedEmitter(SynapseIR model, GeneratedNames generated, LocalNames names, ClassName user,
      String m, String j, String k, String pre, String from, String to, boolean usesTime) {
    this.model = model;
    this.graded = model.graded().orElseThrow();
    this.generated = generated;
    this.names = names;
    this.user = user;
    this.m = m;
    this.j = j;
    this.k = k;
    this.pre = pre;
    this.from = from;
    this.to = to;
    this.usesTime = usesTime;
  }

  /** The presynaptic arrays of the {@code @Pre} fields, double and float. */
  List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    for (Storage storage : Storage.values()) {
      for (Pre p : model.pres()) {
        fields.add(FieldSpec.builder(storage.arrayType, generated.preArray(p.fieldName(), storage),
                PRIVATE, FINAL)
            .addJavadoc("The presynaptic {@code $L} ({@code @Pre} field {@code $L}), stored as "
                + "$L.\n", p.preName(), p.fieldName(), storage.name().toLowerCase(Locale.ROOT))
            .build());
      }
    }
    return fields;
  }

  /** The constructor's statements binding the {@code @Pre} arrays to the presynaptic group. */
  CodeBlock constructor() {
    CodeBlock.Builder code = CodeBlock.builder()
        // Now, not on a first update that several threads may run at once.
        .addStatement("indexByPost()");
    for (Pre p : model.pres()) {
      code.addStatement("this.$L = preVariable($S, $S)",
              generated.preArray(p.fieldName(), Storage.DOUBLE), p.preName(),
              "@Pre field " + p.fieldName())
          .addStatement("this.$L = preFloatVariable($S, $S)",
              generated.preArray(p.fieldName(), Storage.FLOAT), p.preName(),
              "@Pre field " + p.fieldName());
    }
    return code.build();
  }

  /** {@code graded[PerElement|Debug][Float]([t,] dt, from, to)}. */
  MethodSpec method(Variant variant, Storage storage) {
    boolean debug = variant == Variant.DEBUG;
    LocalNames locals = names.copy();
    String starts = locals.allocate("starts");
    String synapses = locals.allocate("synapses");
    String sources = locals.allocate("sources");
    String c = locals.allocate("c");
    String sum = locals.allocate("sum");
    Vars vars = debug ? Vars.debug(model, m) : Vars.kernel(model);
    Loads loads = new Loads(model, generated, variant, storage, m);

    // The value first: rendering records what it reads, which decides the loads.
    CodeBlock.Builder value = CodeBlock.builder();
    CodeBlock term;
    if (debug) {
      term = CodeBlock.of("$L.$L()", m, graded.methodName());
    } else {
      PlanRenderer render = PlanRenderer.kernel(model, vars, j);
      LocalLets lets = LocalLets.of(graded.locals(), graded.value(), "graded", locals);
      lets.lets().forEach(let ->
          value.addStatement("final double $L = $L", let.name(), render.expr(let.value())));
      term = render.expr(lets.value());
    }
    CodeBlock.Builder perSynapse = CodeBlock.builder()
        .addStatement("final int $L = $L[$L]", k, synapses, c)
        .addStatement("final int $L = $L[$L]", pre, sources, c);
    for (SynapseVar v : model.synapseVars()) {
      String array = generated.field(v.name(), storage);
      String index = v.home() == io.brainstem.processor.ir.ModelIR.Home.SYNAPSE ? k : pre;
      if (debug) {
        perSynapse.addStatement("$L.$L = this.$L[$L]", m, v.name(), array, index);
      } else if (vars.uses(RefKind.PARAM, v.name())) {
        perSynapse.addStatement("final double $L = this.$L[$L]", v.name(), array, index);
      }
    }
    for (Pre p : model.pres()) {
      String array = generated.preArray(p.fieldName(), storage);
      if (debug) {
        perSynapse.addStatement("$L.$L = $L[$L]", m, p.fieldName(), array, pre);
      } else if (vars.uses(RefKind.PRE, p.fieldName())) {
        perSynapse.addStatement("final double $L = $L[$L]", p.fieldName(), array, pre);
      }
    }
    perSynapse.add(value.build()).addStatement("$L += $L", sum, term);

    String target = generated.outputArray(storage);
    CodeBlock add = storage == Storage.DOUBLE
        ? CodeBlock.of("$L[$L] += $L;\n", target, j, sum)
        : CodeBlock.of("$L[$L] = (float) ($L[$L] + $L);\n", target, j, target, j, sum);
    CodeBlock.Builder body = CodeBlock.builder();
    if (debug) {
      // One instance per call: ranges on different threads never share it.
      body.addStatement("final $T $L = new $T()", user, m, user);
    }
    body.add(loads.paramsBeforeLoop(vars))
        .addStatement("final int[] $L = byPostStarts()", starts)
        .addStatement("final int[] $L = byPostSynapses()", synapses)
        .addStatement("final int[] $L = byPostSources()", sources)
        .add("// $L += the sum over the synapses onto each target, in ascending presynaptic order,"
            + " of $L\n", graded.target(), Members.oneLine(graded.sourceText()))
        .beginControlFlow("for (int $L = $L; $L < $L; $L++)", j, from, j, to, j)
        .add(loads.paramsInLoop(vars, j))
        .add(postLoads(vars, debug, storage))
        .addStatement("double $L = 0", sum)
        .beginControlFlow("for (int $L = $L[$L]; $L < $L[$L + 1]; $L++)", c, starts, j, c,
            starts, j, c)
        .add(perSynapse.build())
        .endControlFlow()
        .add(add)
        .endControlFlow();
    MethodSpec.Builder method = MethodSpec.methodBuilder(
        "graded" + variant.suffix + storage.suffix).addModifiers(PRIVATE);
    if (usesTime) {
      method.addParameter(double.class, "t");
    }
    return method.addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addCode(body.build())
        .build();
  }

  /** The {@code @Post} values at target {@code j}. */
  private CodeBlock postLoads(Vars vars, boolean debug, Storage storage) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (Post p : model.posts()) {
      String array = generated.postArray(p.fieldName(), storage);
      if (debug) {
        code.addStatement("$L.$L = $L[$L]", m, p.fieldName(), array, j);
      } else if (vars.uses(RefKind.POST, p.fieldName())) {
        code.addStatement("final double $L = $L[$L]", p.fieldName(), array, j);
      }
    }
    return code.build();
  }
}
