package io.brainstem.processor;

import io.brainstem.annotations.Integrator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * One random, well-formed model: a {@code @Neuron} (states with ODEs, params, inputs, threshold,
 * reset, refractory period) or a {@code @Synapse} (states, {@code @Post} V, {@code @OnPre},
 * {@code @Output("input")}) onto the library's Lif. Everything it writes is inside the DSL, so any
 * error the processor reports on it is a bug. {@link #source()} is the whole compilation unit.
 */
record FuzzModel(
    String className,
    boolean synapse,
    String source,
    Map<String, Double> params,
    String refractory,
    List<String> states,
    List<String> inputs,
    boolean transcendental) {

  static final String PACKAGE = "fuzz";

  /** Plain names, and names the generated code also uses or that shadow types it refers to. */
  private static final String[] NAMES = {"V", "w", "u", "g", "x", "y", "h", "m", "n", "a", "b",
      "c", "k", "r", "s", "v", "q", "p", "E", "C", "R", "I", "T", "gain", "E_L", "I0",
      "theta", "alpha", "beta"};
  private static final String[] TRICKY = {"S", "F", "i", "j", "e", "z", "from", "to", "jit", "value",
      "spiked", "refractory", "holdTime", "spikeEnd", "carry", "scalar", "lanes", "tLast", "fired",
      "column", "upper", "vector", "perElement", "halfDt", "sixthDt", "thirdDt", "k1", "rate",
      "Exprel", "Precision", "Integrator", "Parameters", "RefractoryRule", "List", "DoubleVector",
      "VectorOperators", "VectorMask", "Kernels", "VectorMath", "NeuronGroup", "Projection",
      "model", "kernels", "update", "precision", "block", "BLOCK", "tail", "due", "post", "pre",
      "indices", "indptr", "out", "tmp", "V_rate", "V_k1", "V_new", "V_stage2", "V_float",
      "V_expEulerFactor", "V_slope", "V_decay", "TAU_INDEX", "tauColumn", "input_float", "postV",
      "postInput", "stepEuler", "dV", "input", "g_max"};

  /** The tricky names a model may take: those not reserved as the generated classes' API (BS105). */
  private static final String[] TRICKY_FREE = java.util.Arrays.stream(TRICKY)
      .filter(n -> io.brainstem.processor.emit.GeneratedNames.reserved(n, true).isEmpty())
      .toArray(String[]::new);

  /** Generates model {@code className} from {@code seed}; {@code size} scales states and bodies. */
  static FuzzModel generate(String className, long seed, int size, boolean tricky) {
    Random random = new Random(seed);
    return new Builder(className, random, size, tricky && random.nextInt(3) == 0).build();
  }

  /**
   * A neuron of {@code n >= 2} coupled states {@code x0 … x(n-1)}, each ODE a random expression of
   * the same bounded depth over its own state, its neighbour and the parameters: doubling
   * {@code n} doubles the model (for the compile-time growth test).
   */
  static FuzzModel scaled(String className, long seed, int n) {
    Map<String, Double> params = new LinkedHashMap<>();
    StringBuilder fields = new StringBuilder();
    StringBuilder methods = new StringBuilder();
    List<String> states = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      states.add("x" + k);
      params.put("tau" + k, 5.0 + k % 7);
      params.put("a" + k, (k % 5) * 0.25);
      fields.append("  @Param double tau").append(k).append(" = ").append(5.0 + k % 7)
          .append(", a").append(k).append(" = ").append((k % 5) * 0.25).append(";\n")
          .append("  @State double x").append(k).append(";\n");
    }
    fields.append("  @Input double input;\n");
    for (int k = 0; k < n; k++) {
      String neighbour = k == 0 ? "x1" : "x" + (k - 1);
      List<String> names = List.of("x" + k, neighbour, "a" + k, "tau" + k, "input");
      // ODE k is the same in every size: the model of 2n states is that of n plus n more.
      String value = new FuzzExpressions(new Random(seed + k), names, true).number(3);
      methods.append("\n  @Ode(\"x").append(k).append("\")\n  double dx").append(k)
          .append("(double x").append(k).append(", double ").append(neighbour)
          .append(", double input) {\n    final double l = ").append(value)
          .append(";\n    return (l + input - x").append(k).append(") / tau").append(k)
          .append(";\n  }\n");
    }
    methods.append("\n  @Threshold\n  boolean fire() {\n    return x0 > 1.5;\n  }\n")
        .append("\n  @Reset\n  void reset() {\n    x0 = 0;\n  }\n");
    String source = "package " + PACKAGE + ";\n\nimport io.brainstem.annotations.*;\n\n"
        + "@SuppressWarnings(\"brainstem\")\n@Neuron\npublic class " + className + " {\n"
        + fields + methods + "}\n";
    return new FuzzModel(className, false, source, params, null, states, List.of("input"), true);
  }

  private static final class Builder {
    private final String className;
    private final Random random;
    private final int size;
    private final boolean tricky;
    private final boolean synapse;
    private final boolean transcendental;
    private final List<String> used = new ArrayList<>();
    private final Map<String, Double> params = new LinkedHashMap<>();
    private final List<String> states = new ArrayList<>();
    private final List<String> inputs = new ArrayList<>();
    private final Map<String, String> taus = new LinkedHashMap<>();
    private final List<String> withOde = new ArrayList<>();
    private String refractory;
    private final StringBuilder fields = new StringBuilder();
    private final StringBuilder methods = new StringBuilder();

    Builder(String className, Random random, int size, boolean tricky) {
      this.className = className;
      this.random = random;
      this.size = size;
      this.tricky = tricky;
      this.synapse = random.nextInt(4) == 0;
      this.transcendental = random.nextBoolean();
      if (synapse) {
        used.add("V"); // the @Post field
      }
    }

    FuzzModel build() {
      int stateCount = 1 + random.nextInt(size);
      for (int s = 0; s < stateCount; s++) {
        states.add(fresh());
      }
      for (String state : states) {
        String tau = fresh("tau_" + state);
        taus.put(state, tau);
        params.put(tau, 1.0 + random.nextInt(200) / 10.0);
      }
      int extra = 1 + random.nextInt(2 + size);
      for (int p = 0; p < extra; p++) {
        params.put(fresh(), Math.round((random.nextDouble() * 10 - 5) * 100) / 100.0);
      }
      if (!synapse) {
        int inputCount = random.nextInt(3);
        for (int n = 0; n < inputCount; n++) {
          inputs.add(n == 0 && random.nextBoolean() ? fresh("input") : fresh());
        }
      }
      boolean threshold = !synapse && random.nextInt(10) < 7;
      if (threshold && random.nextInt(10) < 4) {
        refractory = fresh(random.nextBoolean() ? "tau_ref" : "ref");
      }
      declareFields();
      for (String state : states) {
        if (random.nextInt(10) < 9) {
          ode(state);
        }
      }
      if (synapse) {
        onPre();
        output();
      } else if (threshold) {
        threshold();
        if (random.nextInt(10) < 8) {
          reset();
        }
      }
      return new FuzzModel(className, synapse, source(), params, refractory, states, inputs,
          transcendental);
    }

    private String source() {
      Integrator[] defaults = {Integrator.EXP_AUTO, Integrator.EULER, Integrator.RK4,
          Integrator.MIDPOINT, Integrator.HEUN, Integrator.RALSTON2, Integrator.RK3,
          Integrator.RK4_38};
      String annotation = synapse ? "@Synapse" : "@Neuron";
      if (random.nextBoolean()) {
        annotation += "(method = Integrator." + defaults[random.nextInt(defaults.length)] + ")";
      }
      return "package " + PACKAGE + ";\n\n"
          + "import io.brainstem.annotations.*;\n\n"
          + "@SuppressWarnings(\"brainstem\")\n"
          + annotation + "\n"
          + "public class " + className + " {\n" + fields + methods + "}\n";
    }

    private String fresh() {
      String[] pool = tricky && random.nextBoolean() ? TRICKY_FREE : NAMES;
      for (int attempt = 0; attempt < 20; attempt++) {
        String name = pool[random.nextInt(pool.length)];
        if (!used.contains(name) && !name.equals(className)) {
          used.add(name);
          return name;
        }
      }
      return fresh("f" + used.size());
    }

    private String fresh(String wanted) {
      String name = wanted;
      for (int k = 2; used.contains(name); k++) {
        name = wanted + k;
      }
      used.add(name);
      return name;
    }

    private void declareFields() {
      List<String> names = new ArrayList<>(params.keySet());
      for (int p = 0; p < names.size(); p++) {
        String name = names.get(p);
        fields.append("  @Param double ").append(name).append(" = ").append(constant(params.get(name)));
        // sometimes declare the next one on the same line
        while (p + 1 < names.size() && random.nextInt(3) == 0) {
          p++;
          fields.append(", ").append(names.get(p)).append(" = ")
              .append(constant(params.get(names.get(p))));
        }
        fields.append(";\n");
      }
      if (refractory != null) {
        double period = random.nextInt(4) * 0.5;
        params.put(refractory, period);
        fields.append("  @Param @Refractory double ").append(refractory).append(" = ")
            .append(constant(period)).append(";\n");
      }
      for (String state : states) {
        fields.append("  @State double ").append(state);
        if (random.nextBoolean()) {
          fields.append(" = ").append(constant(Math.round((random.nextDouble() * 4 - 2) * 4) / 4.0));
        }
        fields.append(";\n");
      }
      for (String input : inputs) {
        fields.append("  @Input double ").append(input).append(";\n");
      }
      if (synapse) {
        fields.append("  @Post double V;\n");
      }
    }

    /** {@code value} as a constant expression Java evaluates to exactly {@code value}. */
    private String constant(double value) {
      String plain = Double.toString(value);
      switch (random.nextInt(5)) {
        case 0:
          return value == Math.rint(value) && Math.abs(value) < 1000 ? Long.toString((long) value)
              : plain;
        case 1:
          return value < 0 ? "-" + Double.toString(-value) : "+" + plain;
        case 2:
          return "(" + plain + ")";
        default:
          return plain;
      }
    }

    /** The names a body may read: states, params, inputs (and the synapse's @Post V). */
    private List<String> readable() {
      List<String> names = new ArrayList<>(states);
      names.addAll(params.keySet());
      names.addAll(inputs);
      if (synapse) {
        names.add("V");
      }
      return names;
    }

    private void ode(String state) {
      withOde.add(state);
      List<String> parameters = new ArrayList<>();
      List<String> candidates = new ArrayList<>(states);
      candidates.addAll(inputs);
      candidates.addAll(params.keySet());
      if (synapse) {
        candidates.add("V");
      }
      for (String c : candidates) {
        if (random.nextInt(3) == 0 || (c.equals(state) && random.nextBoolean())) {
          parameters.add(c);
        }
      }
      if (random.nextInt(5) == 0) {
        parameters.add(random.nextInt(parameters.size() + 1), "t");
      }
      List<String> names = new ArrayList<>(readable());
      if (parameters.contains("t")) {
        names.add("t");
      }
      // sometimes read a field through this. (allowed when it is not a parameter of the method)
      for (String c : candidates) {
        if (!parameters.contains(c) && random.nextInt(8) == 0) {
          names.add("this." + c);
        }
      }
      StringBuilder body = new StringBuilder();
      locals(body, names, parameters, true);
      FuzzExpressions expressions = new FuzzExpressions(random, names, transcendental);
      String value = expressions.number(1 + random.nextInt(1 + size));
      String self = parameters.contains(state) || random.nextBoolean() ? state : "this." + state;
      String returned = random.nextInt(10) < 7
          ? "(" + value + " - " + self + ") / " + taus.get(state) : value;
      StringBuilder signature = new StringBuilder();
      for (String p : parameters) {
        signature.append(signature.length() == 0 ? "" : ", ").append("double ").append(p);
      }
      String method = fresh("d" + state);
      methods.append("\n  @Ode(\"").append(state).append("\")\n  double ").append(method)
          .append("(").append(signature).append(") {\n").append(body)
          .append("    return ").append(returned).append(";\n  }\n");
      if (random.nextInt(8) == 0) {
        noise(state, parameters);
      }
    }

    /**
     * A {@code @Noise} on {@code state}: a small diffusion, additive or reading the ODE's
     * parameters (Milstein's correction when it reads the state), sometimes plain Euler–Maruyama.
     */
    private void noise(String state, List<String> parameters) {
      List<String> names = new ArrayList<>(parameters);
      names.remove("t");
      String value = new FuzzExpressions(random, names, transcendental)
          .number(1 + random.nextInt(2));
      String bounded = transcendental ? "0.1 * Math.tanh(" + value + ")"
          : "0.1 * Math.min(1.0, Math.max(-1.0, " + value + "))";
      String g = names.isEmpty() || random.nextBoolean()
          ? new FuzzExpressions(random, List.of(), false).doubleLiteral() : bounded;
      StringBuilder signature = new StringBuilder();
      for (String p : parameters) {
        signature.append(signature.length() == 0 ? "" : ", ").append("double ").append(p);
      }
      String annotation = random.nextBoolean() ? "@Noise(\"" + state + "\")"
          : "@Noise(value = \"" + state + "\", milstein = false)";
      methods.append("\n  ").append(annotation).append("\n  double ").append(fresh("n" + state))
          .append("(").append(signature).append(") {\n    return ").append(g)
          .append(";\n  }\n");
    }

    /**
     * Zero to a few {@code double} locals, each reading what is visible before it; a local may
     * shadow a field that is not a method parameter (its initializer must not read that name).
     */
    private void locals(StringBuilder body, List<String> names, List<String> parameters,
        boolean mayShadow) {
      List<String> declared = new ArrayList<>();
      int count = random.nextInt(4) == 0 ? random.nextInt(2 + size) : random.nextInt(3);
      for (int l = 0; l < count; l++) {
        String name;
        List<String> shadowable = new ArrayList<>();
        for (String n : names) {
          if (!n.startsWith("this.") && !parameters.contains(n) && !n.equals("t")
              && !declared.contains(n)) {
            shadowable.add(n);
          }
        }
        boolean shadow = mayShadow && random.nextInt(6) == 0 && !shadowable.isEmpty();
        name = shadow ? shadowable.get(random.nextInt(shadowable.size())) : fresh("l_" + l);
        declared.add(name);
        List<String> visible = new ArrayList<>(names);
        visible.remove(name);
        String value = new FuzzExpressions(random, visible, transcendental)
            .number(1 + random.nextInt(1 + size / 2));
        body.append("    ").append(random.nextBoolean() ? "final double " : "double ")
            .append(name).append(" = ").append(value).append(";\n");
        if (!names.contains(name)) {
          names.add(name);
        }
        if (shadow) {
          names.add("this." + name); // the field is still there through this.
        }
      }
    }

    /**
     * One time in three, a chain of locals each reading the previous one twice ({@code d_k =
     * d_{k-1}*0.5 + d_{k-1}*0.5}, 2^k terms if pasted into its uses), from a random expression;
     * returns the last one's name, which the body must read, or null.
     */
    private String doubled(StringBuilder body, List<String> names) {
      if (random.nextInt(3) != 0) {
        return null;
      }
      String previous = "(" + new FuzzExpressions(random, names, transcendental).number(1) + ")";
      int count = 1 + random.nextInt(2 + size);
      for (int k = 0; k < count; k++) {
        String name = fresh("d_" + k);
        body.append("    final double ").append(name).append(" = ").append(previous)
            .append(" * 0.5 + ").append(previous).append(" * 0.5;\n");
        names.add(name);
        previous = name;
      }
      return previous;
    }

    private void threshold() {
      List<String> names = new ArrayList<>(readable());
      StringBuilder body = new StringBuilder();
      if (random.nextInt(4) == 0) {
        locals(body, names, List.of(), false);
      }
      String doubled = doubled(body, names);
      FuzzExpressions expressions = new FuzzExpressions(random, names, transcendental);
      boolean crossing = !withOde.isEmpty() && random.nextInt(10) < 3;
      String main = withOde.isEmpty() ? states.get(0) : withOde.get(random.nextInt(withOde.size()));
      String level = random.nextBoolean() ? "(" + expressions.number(1) + ")"
          : Double.toString(Math.round(random.nextDouble() * 40) / 20.0 - 0.5);
      String condition = main + (random.nextBoolean() ? " >= " : " > ") + level;
      int pick = random.nextInt(10);
      if (pick < 3) {
        condition = "(" + condition + ")" + (random.nextBoolean() ? " && " : " || ") + "("
            + expressions.condition(1 + random.nextInt(1 + size)) + ")";
      } else if (pick < 4 && !crossing) {
        condition = expressions.condition(1 + random.nextInt(1 + size));
      }
      if (doubled != null) {
        condition = "(" + condition + ") || " + doubled + " > 1e300";
      }
      methods.append("\n  @Threshold").append(crossing ? "(crossing = true)" : "")
          .append("\n  boolean ").append(fresh("fire")).append("() {\n").append(body)
          .append("    return ").append(condition).append(";\n  }\n");
    }

    private void reset() {
      StringBuilder body = new StringBuilder();
      int count = 1 + random.nextInt(1 + size);
      FuzzExpressions expressions = new FuzzExpressions(random, readable(), transcendental);
      for (int a = 0; a < count; a++) {
        body.append("    ").append(assignment(states, expressions)).append(";\n");
      }
      methods.append("\n  @Reset\n  void ").append(fresh("reset")).append("() {\n")
          .append(body).append("  }\n");
    }

    private String assignment(List<String> targets, FuzzExpressions expressions) {
      String target = targets.get(random.nextInt(targets.size()));
      String[] ops = {"=", "=", "+=", "-=", "*=", "/="};
      String op = ops[random.nextInt(ops.length)];
      String value = expressions.number(1 + random.nextInt(1 + size));
      if (op.equals("/=")) {
        value = "(1.0 + Math.abs(" + value + "))";
      }
      return (random.nextInt(6) == 0 ? "this." : "") + target + " " + op + " " + value;
    }

    /**
     * The states are per postsynaptic neuron, shared by every presynaptic partner, so the
     * processor accepts only additive updates of them reading no state (BS432).
     */
    private void onPre() {
      StringBuilder body = new StringBuilder();
      List<String> unshared = new ArrayList<>(readable());
      unshared.removeAll(states);
      FuzzExpressions additive = new FuzzExpressions(random, unshared, transcendental);
      int count = 1 + random.nextInt(1 + size);
      for (int a = 0; a < count; a++) {
        String target = states.get(random.nextInt(states.size()));
        body.append("    ").append(random.nextInt(6) == 0 ? "this." : "").append(target)
            .append(random.nextBoolean() ? " += " : " -= ")
            .append(additive.number(1 + random.nextInt(1 + size))).append(";\n");
      }
      FuzzExpressions expressions = new FuzzExpressions(random, readable(), transcendental);
      if (random.nextInt(5) == 0) {
        body.append("    ").append(assignment(List.of("V"), expressions)).append(";\n");
      }
      methods.append("\n  @OnPre\n  void ").append(fresh("onSpike")).append("() {\n")
          .append(body).append("  }\n");
    }

    private void output() {
      List<String> names = new ArrayList<>(readable());
      StringBuilder body = new StringBuilder();
      if (random.nextInt(3) == 0) {
        locals(body, names, List.of(), true);
      }
      String doubled = doubled(body, names);
      String value = new FuzzExpressions(random, names, transcendental)
          .number(1 + random.nextInt(1 + size));
      if (doubled != null) {
        value = "(" + value + ") + " + doubled + " * 1e-3";
      }
      methods.append("\n  @Output(\"input\")\n  double ").append(fresh("current"))
          .append("() {\n").append(body).append("    return ").append(value).append(";\n  }\n");
    }
  }

  /** A short description for reports. */
  String describe() {
    return String.format(Locale.ROOT, "%s (%s, %d states, %d params%s)", className,
        synapse ? "synapse" : "neuron", states.size(), params.size(),
        transcendental ? ", transcendental" : "");
  }
}
