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
 * of the graded value, in ascending presynaptic order. A thread owns the sums of its targets, so
 * each sum has one order whatever the split: bit-identical for any thread count.
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
    fields.add(FieldSpec.builder(double[].class, generated.gradedSums(), PRIVATE, FINAL)
        .addJavadoc("Each postsynaptic neuron's sum in this step, added to the input once (ranges "
            + "on different threads touch disjoint elements).\n").build());
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

  /** The constructor's statements: the sums' array and the {@code @Pre} arrays. */
  CodeBlock constructor() {
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("this.$L = new double[post.size()]", generated.gradedSums());
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

  /**
   * {@code graded[PerElement|Debug][Float]([t,] dt, from, to)}: the rows of the presynaptic
   * neurons in ascending order, each synapse onto {@code [from, to)} adding its value to its
   * target's sum, then each sum added to the input once. A target's sum thus runs over its
   * partners in ascending presynaptic order whatever the range; walking rows reads the
   * per-synapse arrays in their (CSR) order, where a walk by target would jump through them.
   */
  MethodSpec method(Variant variant, Storage storage) {
    boolean debug = variant == Variant.DEBUG;
    LocalNames locals = names.copy();
    String sums = locals.allocate("sums");
    String last = locals.allocate("last");
    RowWalk walk = RowWalk.allocate(locals);
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
    CodeBlock.Builder perRow = CodeBlock.builder();
    CodeBlock.Builder perSynapse = CodeBlock.builder();
    for (SynapseVar v : model.synapseVars()) {
      boolean bySynapse = v.home() == io.brainstem.processor.ir.ModelIR.Home.SYNAPSE;
      CodeBlock.Builder at = bySynapse ? perSynapse : perRow;
      String array = generated.field(v.name(), storage);
      String index = bySynapse ? k : pre;
      if (debug) {
        at.addStatement("$L.$L = this.$L[$L]", m, v.name(), array, index);
      } else if (vars.uses(RefKind.PARAM, v.name())) {
        at.addStatement("final double $L = this.$L[$L]", v.name(), array, index);
      }
    }
    for (Pre p : model.pres()) {
      String array = generated.preArray(p.fieldName(), storage);
      if (debug) {
        perRow.addStatement("$L.$L = $L[$L]", m, p.fieldName(), array, pre);
      } else if (vars.uses(RefKind.PRE, p.fieldName())) {
        perRow.addStatement("final double $L = $L[$L]", p.fieldName(), array, pre);
      }
    }

    String target = generated.outputArray(storage);
    CodeBlock add = storage == Storage.DOUBLE
        ? CodeBlock.of("$L[$L] += $L[$L];\n", target, j, sums, j)
        : CodeBlock.of("$L[$L] = (float) ($L[$L] + $L[$L]);\n", target, j, target, j, sums, j);
    CodeBlock.Builder body = CodeBlock.builder();
    if (debug) {
      // One instance per call: ranges on different threads never share it.
      body.addStatement("final $T $L = new $T()", user, m, user);
    }
    body.add(loads.paramsBeforeLoop(vars))
        .addStatement("final double[] $L = this.$L", sums, generated.gradedSums())
        .addStatement("$T.fill($L, $L, $L, 0.0)", java.util.Arrays.class, sums, from, to)
        .add("// $L += the sum over the synapses onto each target, in ascending presynaptic order,"
            + " of $L\n", graded.target(), Members.oneLine(graded.sourceText()))
        .add(walk.declare(from, to))
        .beginControlFlow("for (int $L = 0, $L = indptr.length - 1; $L < $L; $L++)", pre, last,
            pre, last, pre)
        .add(perRow.build());
    walk.open(body, pre, k)
        .addStatement("final int $L = indices[$L]", j, k)
        .beginControlFlow("if ($L < $L || $L >= $L)", j, from, j, to)
        .addStatement("continue")
        .endControlFlow()
        .add(loads.paramsInLoop(vars, j))
        .add(postLoads(vars, debug, storage))
        .add(perSynapse.build())
        .add(value.build())
        .addStatement("$L[$L] += $L", sums, j, term)
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (int $L = $L; $L < $L; $L++)", j, from, j, to, j)
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
