package io.brainstem.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.SynapseIR;
import io.brainstem.processor.ir.NeuronIR;
import io.brainstem.processor.ir.ModelIR.Param;
import io.brainstem.processor.ir.ModelIR.Post;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements that bring parameters, inputs and postsynaptic values into one loop. Kernels read
 * only what the loop uses (decided after its body is rendered); the debug loop copies everything
 * into the model instance, since the user's methods may read any field.
 */
final class Loads {
  private final ModelIR model;
  private final Variant variant;
  private final Storage storage;
  private final String instance;
  private final GeneratedNames generated;

  /** Loads for one step method; {@code instance} is the debug loop's model instance variable. */
  Loads(ModelIR model, GeneratedNames generated, Variant variant, Storage storage,
      String instance) {
    this.model = model;
    this.generated = generated;
    this.variant = variant;
    this.storage = storage;
    this.instance = instance;
  }

  /** Group-wide values, or per-element columns, of the parameters the method's loops read. */
  CodeBlock paramsBeforeLoop(Vars vars) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (Param p : model.params()) {
      if (!vars.uses(RefKind.PARAM, p.name())) {
        continue;
      }
      String constant = generated.indexConstant(p.name());
      switch (variant) {
        case GROUP_WIDE -> code.addStatement(
            "final double $L = params.scalar($L)", p.name(), constant);
        case PER_ELEMENT -> code.addStatement(
            "final double[] $L = params.column($L)", generated.column(p.name()), constant);
        case DEBUG -> { }
      }
    }
    return code.build();
  }

  /** Element {@code index}'s own parameter values. */
  CodeBlock paramsInLoop(Vars vars, String index) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (Param p : model.params()) {
      if (variant == Variant.DEBUG) {
        code.addStatement("$L.$L = params.value($L, $L)",
            instance, p.name(), generated.indexConstant(p.name()), index);
      } else if (variant == Variant.PER_ELEMENT && vars.uses(RefKind.PARAM, p.name())) {
        code.addStatement("final double $L = $L[$L]", p.name(), generated.column(p.name()), index);
      }
    }
    return code.build();
  }

  /** The element's inputs and the postsynaptic values ({@code @Post}) it reads. */
  CodeBlock inputs(Vars vars, String index) {
    return inputs(vars, index, Set.of());
  }

  /**
   * As {@link #inputs(Vars, String)}, leaving out of the kernel loads the {@code @Post} fields in
   * {@code written}: an {@code @OnPre} that writes them loads them as mutable locals itself.
   */
  CodeBlock inputs(Vars vars, String index, Set<String> written) {
    CodeBlock.Builder code = CodeBlock.builder();
    List<String> inputs = model instanceof NeuronIR neuron ? neuron.inputs() : List.of();
    List<Post> posts = model instanceof SynapseIR synapse ? synapse.posts() : List.of();
    for (String input : inputs) {
      load(code, vars, index, RefKind.INPUT, input, "this." + generated.field(input, storage));
    }
    for (Post post : posts) {
      if (variant != Variant.DEBUG && written.contains(post.fieldName())) {
        continue;
      }
      String array = generated.postArray(post.fieldName(), storage);
      load(code, vars, index, RefKind.POST, post.fieldName(), array);
    }
    return code.build();
  }

  private void load(CodeBlock.Builder code, Vars vars, String index, RefKind kind, String name,
      String array) {
    if (variant == Variant.DEBUG) {
      code.addStatement("$L.$L = $L[$L]", instance, name, array, index);
    } else if (vars.uses(kind, name)) {
      code.addStatement("final double $L = $L[$L]", name, array, index);
    }
  }

  private static final Pattern DECLARATION = Pattern.compile("^\\s*(?:final )?double (\\w+) =");

  /**
   * The statements of {@code loads} (one declaration a line) whose local {@code body} or a later
   * kept load reads: a blocked loop's element loops each read only some of them.
   */
  static CodeBlock readBy(CodeBlock loads, CodeBlock body) {
    String[] lines = loads.toString().split("\n");
    StringBuilder reads = new StringBuilder(body.toString());
    Deque<String> kept = new ArrayDeque<>();
    for (int n = lines.length - 1; n >= 0; n--) {
      if (lines[n].isBlank()) {
        continue;
      }
      Matcher declared = DECLARATION.matcher(lines[n]);
      if (!declared.find()
          || Pattern.compile("\\b" + declared.group(1) + "\\b").matcher(reads).find()) {
        kept.addFirst(lines[n]);
        reads.append('\n').append(lines[n]);
      }
    }
    CodeBlock.Builder code = CodeBlock.builder();
    kept.forEach(line -> code.add("$L\n", line.strip()));
    return code.build();
  }
}
