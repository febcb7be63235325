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
import io.brainstem.processor.integrate.Linearity;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.NeuronIR;
import io.brainstem.processor.ir.ModelIR.Ode;
import io.brainstem.processor.ir.ModelIR.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

  static List<FieldSpec> indexConstants(ModelIR model, GeneratedNames names) {
    List<FieldSpec> out = new ArrayList<>();
    for (int p = 0; p < model.params().size(); p++) {
      out.add(FieldSpec.builder(int.class, names.indexConstant(model.params().get(p).name()),
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
  static CodeBlock initParams(ModelIR model, GeneratedNames generated, String owner,
      String size) {
    CodeBlock names = model.params().stream()
        .map(p -> CodeBlock.of("$S", p.name())).collect(CodeBlock.joining(", "));
    CodeBlock defaults = model.params().stream()
        .map(p -> CodeBlock.of("$L", ExprRenderer.literal(p.defaultValue())))
        .collect(CodeBlock.joining(", "));
    CodeBlock table = model.params().isEmpty()
        ? CodeBlock.of("this.params = new $T($L, $L, $T.of());\n",
            RuntimeNames.PARAMETERS, owner, size, List.class)
        : CodeBlock.of("this.params = new $T($L, $L, $T.of($L), $L);\n",
            RuntimeNames.PARAMETERS, owner, size, List.class, names, defaults);
    // A negative refractory period would hold no step at all: refuse it when it is set.
    Optional<String> refractory =
        model instanceof NeuronIR neuron ? neuron.refractoryParam() : Optional.empty();
    CodeBlock.Builder out = CodeBlock.builder().add(table);
    refractory.ifPresent(p -> out.addStatement("params.requireNonNegative($L, $S)",
        generated.indexConstant(p), "the @Refractory period"));
    // @Trainable parameters, listed by params().trainable() for the trainers.
    model.params().stream().filter(ModelIR.Param::trainable).forEach(p -> out.addStatement(
        "params.markTrainable($L)", generated.indexConstant(p.name())));
    return out.build();
  }

  /** Per parameter, a group-wide and a per-element fluent setter. */
  static List<MethodSpec> setters(ModelIR model, GeneratedNames names, ClassName self,
      String element) {
    List<MethodSpec> out = new ArrayList<>();
    for (Param p : model.params()) {
      String index = names.indexConstant(p.name());
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

  /**
   * {@code method(Integrator)}; rejects {@code EXP_EULER} when an ODE is not affine in its own
   * variable (the class then has no EXP_EULER loops).
   */
  static MethodSpec methodSetter(ModelIR model, ClassName self) {
    MethodSpec.Builder setter = MethodSpec.methodBuilder("method")
        .addModifiers(PUBLIC)
        .returns(self)
        .addJavadoc(model.odes().isEmpty()
            ? "Records the integrator; this model has no {@code @Ode}, so it changes nothing.\n"
            : "Chooses the integrator of the dynamics.\n")
        .addParameter(Integrator.class, "method");
    List<Ode> nonlinear = Linearity.nonlinear(model);
    if (!nonlinear.isEmpty()) {
      String odes = String.join(", ", nonlinear.stream()
          .map(o -> "d" + o.state() + "/dt = " + o.sourceText() + " is not linear in " + o.state())
          .toList());
      setter.beginControlFlow("if (method == $T.EXP_EULER)", Integrator.class)
          .addStatement("throw new $T($S)", IllegalArgumentException.class,
              model.className() + " cannot use EXP_EULER: " + odes + " (EXP_EULER needs the form"
                  + " dx/dt = a - b*x). Use EXP_AUTO, which linearises any ODE.")
          .endControlFlow();
    }
    List<Integrator> generated = Linearity.supported(model);
    if (!model.methods().containsAll(List.of(Integrator.values()))) {
      CodeBlock outside = generated.stream()
          .map(m -> CodeBlock.of("method != $T.$L", Integrator.class, m.name()))
          .collect(CodeBlock.joining(" && "));
      setter.beginControlFlow("if (method != null && $L)", outside)
          .addStatement("throw $L", missingIntegrator(model, "method"))
          .endControlFlow();
    }
    return setter.addStatement("setMethod(method)").addStatement("return this").build();
  }

  /**
   * {@code new IllegalArgumentException(...)} for an integrator (the expression {@code method})
   * this class has no loops for, naming the annotation attribute that left it out.
   */
  static CodeBlock missingIntegrator(ModelIR model, String method) {
    String annotation = model.annotation();
    String listed = String.join(", ", Linearity.supported(model).stream()
        .map(Integrator::name).toList());
    String generatedClass = model.className()
        + (model.kind() == ModelIR.Kind.NEURON ? "Group" : "Projection");
    return CodeBlock.of("new $T($S + $L + $S + $L + $S)", IllegalArgumentException.class,
        generatedClass + " has no loops for ", method, ": " + annotation + "(methods = {" + listed
            + "}) on " + qualifiedName(model) + " generates only those. Add ", method,
        " to its methods to use it.");
  }

  /** The noise's seed and step counter, for models with a {@code @Noise}. */
  static List<FieldSpec> noiseFields(ModelIR model) {
    if (model.noises().isEmpty()) {
      return List.of();
    }
    return List.of(
        FieldSpec.builder(long.class, "noiseSeed", PRIVATE)
            .addJavadoc("Keys the noise; by default derived from the name.\n").build());
  }

  /** The package-private {@code noiseSeed()} kernels in other classes read the seed through. */
  static List<MethodSpec> noiseSeedGetter(ModelIR model) {
    if (model.noises().isEmpty()) {
      return List.of();
    }
    return List.of(MethodSpec.methodBuilder("noiseSeed")
        .returns(long.class)
        .addJavadoc("The seed of this model's noise, for its vector kernels.\n")
        .addStatement("return noiseSeed")
        .build());
  }

  /** {@code seed(long)}, for models with a {@code @Noise}. */
  static List<MethodSpec> seedSetter(ModelIR model, ClassName self, String element) {
    if (model.noises().isEmpty()) {
      return List.of();
    }
    return List.of(MethodSpec.methodBuilder("seed")
        .addModifiers(PUBLIC)
        .returns(self)
        .addJavadoc("Seeds the noise. Each draw is a function of (seed, $L, step, noise term)\n"
            + "only, the step being round(t / dt), so a seeded run is reproducible whatever the\n"
            + "order, ranges or threads the $Ls are updated in. The default seed is the name's\n"
            + "hash.\n",
            element, element)
        .addParameter(long.class, "seed")
        .addStatement("this.noiseSeed = seed")
        .addStatement("return this")
        .build());
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
      // RK4_38 -> Rk4_38: digits after digits keep their separator
      if (Character.isDigit(word.charAt(0))) {
        name.append('_');
      }
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return name + variant.suffix;
  }

  /**
   * The integrators that get scalar loops of their own: the exponential ones each, and the first
   * explicit Runge–Kutta method generated, whose loop serves them all (its tableau is read at run
   * time, see {@code io.brainstem.math.RungeKutta}).
   */
  static List<Integrator> scalarLoops(ModelIR model) {
    List<Integrator> loops = new ArrayList<>();
    for (Integrator integrator : Linearity.supported(model)) {
      if (!isRungeKutta(integrator) || loops.stream().noneMatch(Members::isRungeKutta)) {
        loops.add(integrator);
      }
    }
    return loops;
  }

  static boolean isRungeKutta(Integrator integrator) {
    return integrator != Integrator.EXP_AUTO && integrator != Integrator.EXP_EULER;
  }

  /** The scalar loop of {@code integrator}: its own, or {@code stepRungeKutta} for every RK. */
  static String scalarStepMethod(Integrator integrator, Variant variant) {
    return isRungeKutta(integrator) ? "stepRungeKutta" + variant.suffix
        : stepMethod(integrator, variant);
  }

  /**
   * {@code return switch (<owner>method())}: per scalar loop, one line for its integrators running
   * the debug loop (with {@code debug}), or else the per-element kernel or the group-wide one.
   */
  static CodeBlock dispatchReturning(ModelIR model, String arguments, Storage storage,
      String owner, boolean debug) {
    String s = storage.suffix;
    CodeBlock.Builder code = CodeBlock.builder().add("return switch ($Lmethod()) {\n", owner)
        .indent();
    for (Integrator loop : scalarLoops(model)) {
      String step = scalarStepMethod(loop, Variant.GROUP_WIDE);
      String cases = String.join(", ", Linearity.supported(model).stream()
          .filter(m -> m == loop || (isRungeKutta(m) && isRungeKutta(loop)))
          .map(Integrator::name).toList());
      if (debug) {
        code.add("case $L -> $L$L$L($L);\n", cases, step, Variant.DEBUG.suffix, s, arguments);
      } else {
        code.add("case $L -> params.heterogeneous() ? $L$L$L($L) : $L$L($L);\n",
            cases, step, Variant.PER_ELEMENT.suffix, s, arguments, step, s, arguments);
      }
    }
    if (Linearity.supported(model).size() < Integrator.values().length) {
      // method(...) refuses the others; a switch must still cover every constant.
      code.add("default -> throw $L;\n", missingIntegrator(model, owner + "method()"));
    }
    return code.unindent().add("};\n").build();
  }
}
