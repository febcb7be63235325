package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import io.brainstem.processor.emit.GeneratedNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every name the generated code of a neuron and a synapse uses (read off the generated sources, so
 * the list cannot go stale), given to a model variable: an API name of the generated class
 * ({@link GeneratedNames#reserved}) is exactly one BS105 on its field; any other compiles, scalar
 * and vector kernels, and the model still runs right (issue 12).
 */
class GeneratedNamesCollisionTest {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final Pattern COMMENT_OR_STRING =
      Pattern.compile("//[^\\n]*|/\\*.*?\\*/|\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])*'",
          Pattern.DOTALL);

  /** Reads t, a parameter, a state, an input; refractory, threshold, reset, noise. */
  private static final String NEURON = """
      package test.models;

      import io.brainstem.annotations.*;

      @Neuron
      public class Named {
        @Param double tau = 10;
        @Param @Refractory double tau_ref = 0.5;
        @Param double drive = 1;
        @State double V;
        @State double w;
        @Input double input;
      %s
        @Ode("V") double dV(double V, double input) { return (drive - V + input + w %s) / tau; }
        @Ode("w") double dw(double w) { return -w / tau; }
        @Noise("w") double sigma() { return 0.001; }
        @Threshold boolean fire() { return V >= 0.2; }
        @Reset void reset() { V = 0; w += 0.01; }
      }
      """;

  /** A conductance synapse: state, @Post, @OnPre, @Output. */
  private static final String SYNAPSE = """
      package test.models;

      import io.brainstem.annotations.*;

      @Synapse
      public class Linked {
        @Param double tau = 5;
        @Param double E = 0;
        @State double g;
        @Post double V;
      %s
        @Ode("g") double dg(double g) { return (-g %s) / tau; }
        @OnPre void on() { g += 1; }
        @Output("input") double current() { return g * (E - V); }
      }
      """;

  private static Set<String> neuronNames;
  private static Set<String> synapseNames;

  @BeforeAll
  static void generatedNames() {
    neuronNames = generatedIdentifiers(neuron("", ""), "Named");
    synapseNames = generatedIdentifiers(synapse("", ""), "Linked");
  }

  private static String neuron(String fields, String sum) {
    return NEURON.formatted(fields, sum);
  }

  private static String synapse(String fields, String sum) {
    return SYNAPSE.formatted(fields, sum);
  }

  /** Every identifier in what the processor generates for {@code source}, but the model's own. */
  private static Set<String> generatedIdentifiers(String source, String model) {
    Compilation processed = process(source, model);
    assertThat(processed.errors()).isEmpty();
    Set<String> names = new TreeSet<>();
    for (JavaFileObject file : processed.generatedSourceFiles()) {
      String code;
      try {
        code = file.getCharContent(true).toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Matcher m = IDENTIFIER.matcher(COMMENT_OR_STRING.matcher(code).replaceAll(" "));
      while (m.find()) {
        String name = m.group();
        if (!SourceVersion.isKeyword(name) && !Character.isDigit(name.charAt(0))) {
          names.add(name);
        }
      }
    }
    // Its own names; numbers' exponents and suffixes (1.0E7) are no identifiers.
    names.removeAll(Set.of("tau", "tau_ref", "drive", "V", "w", "input", "E", "g", model));
    names.removeIf(n -> n.matches("[EeFfDdLl][0-9]*"));
    assertThat(names.size()).isGreaterThan(100);
    return names;
  }

  private static Compilation process(String source, String model) {
    return javac()
        .withProcessors(EmittedSources.brainstem())
        .withOptions("-proc:only", "--add-modules", "jdk.incubator.vector")
        .compile(JavaFileObjects.forSourceString("test.models." + model, source));
  }

  private static String fields(String annotation, Set<String> names) {
    return names.stream().map(n -> "  " + annotation + " double " + n + " = 0;\n")
        .collect(Collectors.joining());
  }

  private static String sum(Set<String> names) {
    return names.stream().map(n -> " + 1e-9 * " + n).collect(Collectors.joining());
  }

  private static Set<String> api(Set<String> names) {
    return names.stream().filter(n -> GeneratedNames.reserved(n, true).isPresent())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> free(Set<String> names) {
    Set<String> free = new TreeSet<>(names);
    free.removeAll(api(names));
    return free;
  }

  /**
   * The registry keeps up with the runtime superclasses: each field a generated class inherits is
   * reserved, and so is each final method a parameter's setter ({@code name(double)},
   * {@code name(double[])}) would override.
   */
  @Test
  void everyInheritedFieldAndSetterShapedFinalMethodIsReserved() {
    for (Class<?> base : List.of(NeuronGroup.class, Projection.class)) {
      for (Field field : base.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) {
          assertWithMessage("%s.%s", base.getSimpleName(), field.getName())
              .that(GeneratedNames.reserved(field.getName(), false)).isPresent();
        }
      }
      for (Method method : base.getDeclaredMethods()) {
        int modifiers = method.getModifiers();
        boolean visible = Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
        boolean setterShaped = method.getParameterCount() == 1
            && (method.getParameterTypes()[0] == double.class
                || method.getParameterTypes()[0] == double[].class);
        if (visible && setterShaped && Modifier.isFinal(modifiers)) {
          assertWithMessage("%s.%s", base.getSimpleName(), method.getName())
              .that(GeneratedNames.reserved(method.getName(), false)).isPresent();
        }
      }
    }
  }

  /** The API names are exactly one BS105 each, on the field, naming the clash and a rename. */
  @ParameterizedTest
  @CsvSource({"Named, @Param", "Named, @State", "Named, @Input", "Linked, @Param",
      "Linked, @State", "Linked, @Post"})
  void apiNamesAreOneReservedNameErrorEach(String model, String annotation) {
    boolean neuron = model.equals("Named");
    Set<String> api = api(neuron ? neuronNames : synapseNames);
    assertThat(api).containsAtLeast("params", "method", "t", "dt", "java", "io");
    assertThat(api).contains(neuron ? "spikeIndex" : "indices");
    String fields = fields(annotation, api);
    Compilation processed = process(neuron ? neuron(fields, "") : synapse(fields, ""), model);
    List<String> errors = processed.errors().stream()
        .map(d -> d.getMessage(Locale.ROOT)).toList();
    assertWithMessage("errors: %s", errors).that(errors).hasSize(api.size());
    for (Diagnostic<? extends JavaFileObject> error : processed.errors()) {
      String message = error.getMessage(Locale.ROOT);
      assertThat(message).startsWith("[BS105 RESERVED_NAME] '");
      assertThat(message).contains("the generated class uses it as");
      assertThat(message).contains("Rename the field");
    }
  }

  /** Every other generated name is free for a model variable of each kind, vector kernels too. */
  @ParameterizedTest
  @CsvSource({"Named, @Param", "Named, @State", "Named, @Input", "Linked, @Param",
      "Linked, @State", "Linked, @Post"})
  void everyOtherGeneratedNameCompiles(String model, String annotation) {
    boolean neuron = model.equals("Named");
    Set<String> free = free(neuron ? neuronNames : synapseNames);
    assertThat(free).containsAtLeast("S", "TAU_INDEX", "tauColumn", "Math", "Exprel",
        "DoubleVector", "Parameters", "from", "to");
    assertThat(free).containsAtLeastElementsIn(neuron
        ? List.of("V_float", "input_float", "i", "spikeEnd", "group", "BLOCK")
        : List.of("g_float", "postV", "postInput", "projection", "j", "E_INDEX", "EColumn"));
    String fields = fields(annotation, free);
    Compilation compiled = processAndCompileWithVectors(
        neuron ? neuron(fields, sum(free)) : synapse(fields, sum(free)), model);
    assertWithMessage("%s", compiled.errors()).that(compiled.errors()).isEmpty();
  }

  /**
   * The processor on {@code source}, which may warn but not fail, then the model and everything
   * generated compiled together (the vector kernels too).
   */
  private static Compilation processAndCompileWithVectors(String source, String model) {
    JavaFileObject file = JavaFileObjects.forSourceString("test.models." + model, source);
    Compilation processed = process(source, model);
    assertWithMessage("%s", processed.errors()).that(processed.errors()).isEmpty();
    List<JavaFileObject> all = new ArrayList<>(List.of(file));
    all.addAll(processed.generatedSourceFiles());
    return javac().withOptions("-proc:none", "--add-modules", "jdk.incubator.vector")
        .compile(all);
  }

  /**
   * The neuron with every free generated name as a state: spikes land in the spike list and flags,
   * the same with and without kernels, and no state named like a generated name is written.
   */
  @Test
  void statesNamedLikeGeneratedNamesRunRight() throws Exception {
    Set<String> free = free(neuronNames);
    String source = neuron(free.stream().map(n -> "  @State double " + n + " = 0.5;\n")
        .collect(Collectors.joining()), sum(free));
    Compilation compiled = processAndCompileWithVectors(source, "Named");
    assertThat(compiled.errors()).isEmpty();
    Class<?> type = EmittedSources.load(compiled).loadClass("test.models.NamedGroup");
    List<NeuronGroup> groups = new ArrayList<>();
    for (String name : List.of("vector", "scalar", "debug")) {
      NeuronGroup g = (NeuronGroup) type.getConstructor(String.class, int.class)
          .newInstance(name, 37);
      if (name.equals("scalar")) {
        g.scalarKernels(true);
      }
      type.getMethod("seed", long.class).invoke(g, 7L); // the same noise in each
      groups.add(g);
    }
    assertThat(groups.get(0).kernels()).contains("vector");
    double dt = 0.1;
    long spikes = 0;
    for (int step = 0; step < 200; step++) {
      for (NeuronGroup g : groups) {
        g.update(step * dt, dt, !g.name().equals("debug"));
        int[] listed = g.spikeIndices();
        int[] flagged = java.util.stream.IntStream.range(0, 37).filter(n -> g.spike[n]).toArray();
        assertThat(listed).isEqualTo(flagged);
        g.clearInputs();
      }
      assertThat(groups.get(1).spikeIndices()).isEqualTo(groups.get(0).spikeIndices());
      assertThat(groups.get(2).spikeIndices()).isEqualTo(groups.get(0).spikeIndices());
      assertThat(groups.get(1).doubles("V")).isEqualTo(groups.get(0).doubles("V"));
      assertThat(groups.get(2).doubles("V")).isEqualTo(groups.get(0).doubles("V"));
      spikes += groups.get(0).spikeCount();
    }
    assertThat(spikes).isGreaterThan(37L);
    for (NeuronGroup g : groups) {
      for (String name : free) {
        double[] values = g.doubles(name);
        assertWithMessage("%s.%s", g.name(), name).that(Arrays.stream(values).distinct().toArray())
            .isEqualTo(new double[] {0.5});
      }
    }
  }
}
