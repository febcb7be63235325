package io.brainstem.processor.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import io.brainstem.annotations.Integrator;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.ModelIR.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Members every generated class has: the parameter table and its API, {@code @Generated}. */
final class Members {
  private Members() {}

  static String qualifiedName(ModelIR model) {
    return model.packageName().isEmpty()
        ? model.className() : model.packageName() + "." + model.className();
  }

  static AnnotationSpec generated(ModelIR model) {
    return AnnotationSpec.builder(RuntimeNames.GENERATED)
        .addMember("value", "$S", RuntimeNames.PROCESSOR)
        .addMember("comments", "$S", "from " + qualifiedName(model))
        .build();
  }

  /**
   * The constant holding a parameter's index in the table, e.g. {@code TAU_INDEX}; a parameter
   * whose upper-cased name repeats an earlier one's ({@code v_rest} after {@code V_rest}) gets its
   * position appended.
   */
  static String indexConstant(ModelIR model, String param) {
    String upper = param.toUpperCase(Locale.ROOT);
    for (int p = 0; p < model.params().size(); p++) {
      String name = model.params().get(p).name();
      if (name.equals(param)) {
        return upper + "_INDEX";
      }
      if (name.toUpperCase(Locale.ROOT).equals(upper)) {
        int position = model.params().stream().map(Param::name).toList().indexOf(param);
        return upper + "_" + position + "_INDEX";
      }
    }
    throw new IllegalArgumentException(param + " is not a parameter of " + model.className());
  }

  static List<FieldSpec> indexConstants(ModelIR model) {
    List<FieldSpec> out = new ArrayList<>();
    for (int p = 0; p < model.params().size(); p++) {
      out.add(FieldSpec.builder(int.class, indexConstant(model, model.params().get(p).name()),
              PRIVATE, STATIC, FINAL)
          .initializer("$L", p)
          .build());
    }
    return out;
  }

  static FieldSpec paramsField() {
    return FieldSpec.builder(RuntimeNames.PARAMETERS, "params", PRIVATE, FINAL).build();
  }

  /** {@code this.params = new Parameters(owner, size, List.of(names...), defaults...);} */
  static CodeBlock initParams(ModelIR model, String owner, String size) {
    CodeBlock names = model.params().stream()
        .map(p -> CodeBlock.of("$S", p.name())).collect(CodeBlock.joining(", "));
    CodeBlock defaults = model.params().stream()
        .map(p -> CodeBlock.of("$L", ExprRenderer.literal(p.defaultValue())))
        .collect(CodeBlock.joining(", "));
    return model.params().isEmpty()
        ? CodeBlock.of("this.params = new $T($L, $L, $T.of());\n",
            RuntimeNames.PARAMETERS, owner, size, List.class)
        : CodeBlock.of("this.params = new $T($L, $L, $T.of($L), $L);\n",
            RuntimeNames.PARAMETERS, owner, size, List.class, names, defaults);
  }

  /** Per parameter, a group-wide and a per-element fluent setter. */
  static List<MethodSpec> setters(ModelIR model, ClassName self, String element) {
    List<MethodSpec> out = new ArrayList<>();
    for (Param p : model.params()) {
      String index = indexConstant(model, p.name());
      out.add(MethodSpec.methodBuilder(p.name())
          .addModifiers(PUBLIC)
          .returns(self)
          .addJavadoc("Sets {@code $L} for every $L (default {@code $L}).\n",
              p.name(), element, ExprRenderer.literal(p.defaultValue()))
          .addParameter(double.class, "value")
          .addStatement("params.set($L, value)", index)
          .addStatement("return this")
          .build());
      out.add(MethodSpec.methodBuilder(p.name())
          .addModifiers(PUBLIC)
          .returns(self)
          .addJavadoc("Sets {@code $L} $L by $L; from then on every parameter is per $L.\n",
              p.name(), element, element, element)
          .addParameter(double[].class, "perElement")
          .addStatement("params.set($L, perElement)", index)
          .addStatement("return this")
          .build());
    }
    return out;
  }

  static MethodSpec methodSetter(ClassName self) {
    return MethodSpec.methodBuilder("method")
        .addModifiers(PUBLIC)
        .returns(self)
        .addJavadoc("Chooses the integrator of the dynamics.\n")
        .addParameter(Integrator.class, "method")
        .addStatement("setMethod(method)")
        .addStatement("return this")
        .build();
  }

  static MethodSpec paramsGetter() {
    return MethodSpec.methodBuilder("params")
        .addModifiers(PUBLIC)
        .returns(RuntimeNames.PARAMETERS)
        .addJavadoc("The parameter table (group-wide values, or per-element columns).\n")
        .addStatement("return params")
        .build();
  }

  /** Source text for a {@code //} comment: a line break and the indentation after it become one space. */
  static String oneLine(String sourceText) {
    return sourceText.replaceAll("\\s*\\R\\s*", " ");
  }

  /** The private step method's name, e.g. {@code stepExpAutoPerElement}. */
  static String stepMethod(Integrator integrator, Variant variant) {
    StringBuilder name = new StringBuilder("step");
    for (String word : integrator.name().split("_")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return name + variant.suffix;
  }

  /** {@code switch (method())} to the loop for the integrator, kernel variant or debug loop. */
  static CodeBlock dispatch(String arguments) {
    return dispatch(arguments, "");
  }

  /** As {@link #dispatch(String)}, returning what the loop returns (a {@code switch} expression). */
  static CodeBlock dispatchReturning(String arguments) {
    return CodeBlock.builder().add("return ").add(dispatch(arguments, "yield ")).build();
  }

  private static CodeBlock dispatch(String arguments, String yield) {
    boolean returns = !yield.isEmpty();
    CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch (method())");
    for (Integrator integrator : Integrator.values()) {
      code.beginControlFlow("case $L ->", integrator.name())
          .beginControlFlow("if (!jit)")
          .addStatement("$L$L($L)", yield, stepMethod(integrator, Variant.DEBUG), arguments)
          .nextControlFlow("else if (params.heterogeneous())")
          .addStatement("$L$L($L)", yield, stepMethod(integrator, Variant.PER_ELEMENT), arguments)
          .nextControlFlow("else")
          .addStatement("$L$L($L)", yield, stepMethod(integrator, Variant.GROUP_WIDE), arguments)
          .endControlFlow()
          .endControlFlow();
    }
    return returns ? code.unindent().add("};\n").build() : code.endControlFlow().build();
  }
}
