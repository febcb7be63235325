package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.palantir.javapoet.JavaFile;
import io.brainstem.processor.emit.Emitter;
import io.brainstem.processor.ir.ModelIR;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Generated code grows linearly with the model: a local is computed once as a local of the
 * generated code, never pasted into its uses, however many locals read it (issue 12, item 1).
 * Each model is processed at two sizes; the generated source may at most a little more than double
 * when the model doubles, and its expressions stay shallow when the user's are.
 */
class LinearSizeTest {

  /** {@code a_k = a_{k-1}*0.999 + V*1e-4}: a chain of {@code n} locals, each read once. */
  private static String chain(int n) {
    StringBuilder body = new StringBuilder("    final double a0 = V;\n");
    for (int k = 1; k <= n; k++) {
      body.append("    final double a").append(k).append(" = a").append(k - 1)
          .append(" * 0.999 + V * 1e-4;\n");
    }
    return ode(body + "    return (a" + n + " - V) / tau;\n");
  }

  /** {@code b_k = b_{k-1}*0.5 + b_{k-1}*0.5}: each local read twice, 2^n paths when pasted. */
  private static String doubling(int n) {
    StringBuilder body = new StringBuilder("    final double b0 = Math.tanh(V / 10);\n");
    for (int k = 1; k <= n; k++) {
      body.append("    final double b").append(k).append(" = b").append(k - 1)
          .append(" * 0.5 + b").append(k - 1).append(" * 0.5;\n");
    }
    return ode(body + "    return (b" + n + " - V) / tau;\n");
  }

  /** A sum of {@code n} terms in one return expression. */
  private static String sum(int n) {
    StringBuilder terms = new StringBuilder("-V");
    for (int k = 1; k <= n; k++) {
      terms.append(" + Math.exp(-V / ").append(k).append(".0) * 1e-6");
    }
    return ode("    return (" + terms + ") / tau;\n");
  }

  /** {@code -V + V * 1e-6 + V * 2e-6 + ...}: {@code n} plain terms, a left-deep chain. */
  private static String plainSum(int n) {
    StringBuilder terms = new StringBuilder("-V");
    for (int k = 1; k <= n; k++) {
      terms.append(" + V * ").append(k).append("e-9");
    }
    return ode("    return (" + terms + ") / tau;\n");
  }

  /** {@code tanh(tanh(...tanh(V / 10)...))}, nested {@code n} deep. */
  private static String nested(int n) {
    return ode("    return (" + "Math.tanh(".repeat(n) + "V / 10" + ")".repeat(n)
        + " - V) / tau;\n");
  }

  /** {@code n} locals {@code b_k = b_{k-1}*0.5 + b_{k-1}*0.5} from {@code b0 = first}. */
  private static String doublingLocals(String first, int n) {
    StringBuilder body = new StringBuilder("    final double b0 = " + first + ";\n");
    for (int k = 1; k <= n; k++) {
      body.append("    final double b").append(k).append(" = b").append(k - 1)
          .append(" * 0.5 + b").append(k - 1).append(" * 0.5;\n");
    }
    return body.toString();
  }

  /** {@code a_k = a_{k-1}*0.999 + V*1e-4}: {@code n} locals, each read once. */
  private static String chainLocals(int n) {
    StringBuilder body = new StringBuilder("    final double a0 = V;\n");
    for (int k = 1; k <= n; k++) {
      body.append("    final double a").append(k).append(" = a").append(k - 1)
          .append(" * 0.999 + V * 1e-4;\n");
    }
    return body.toString();
  }

  private static final String DECAY = "  @Ode(\"V\") double dV(double V) { return -V / tau; }\n";

  /** A crossing threshold whose body is {@code body}, which ends by returning a condition. */
  private static String threshold(String body) {
    return DECAY + "  @Threshold(crossing = true) boolean fire() {\n" + body + "  }\n";
  }

  /** A synapse whose {@code @Output} body is {@code body}. */
  private static String output(String body) {
    return "  @Ode(\"g\") double dg(double g) { return -g / tau; }\n"
        + "  @OnPre void on() { g += g_max; }\n"
        + "  @Output(\"input\") double current() {\n" + body + "  }\n";
  }

  private static String ode(String body) {
    return "  @Ode(\"V\") double dV(double V) {\n" + body + "  }\n";
  }

  @Test
  void aLongChainOfLocalsIsEmittedAsLocals() {
    String generated = assertLinear(LinearSizeTest::chain, 500, 1000);
    assertThat(generated).contains("final double V_a1000 = V_a999 * 0.999 + V * 1.0E-4;");
    assertThat(maxParenDepth(generated)).isLessThan(20);
  }

  @Test
  void localsReadTwiceDoNotDoubleTheCode() {
    String generated = assertLinear(LinearSizeTest::doubling, 500, 1000);
    assertThat(generated).contains("final double V_b1000 = V_b999 * 0.5 + V_b999 * 0.5;");
    // EXP_AUTO's slope is derived through the locals by the chain rule, as locals too.
    assertThat(generated).contains("V_b1000_dV = ");
    assertThat(maxParenDepth(generated)).isLessThan(20);
  }

  @Test
  void thresholdLocalsAreEmittedAsLocals() {
    String generated = assertLinear(
        n -> threshold(chainLocals(n) + "    return a" + n + " >= V_th;\n"), 500, 1000,
        Models::neuron);
    // Computed twice per step (a crossing threshold), under distinct names.
    assertThat(generated).contains("final double spiked_a1000 = spiked_a999 * 0.999 + V * 1.0E-4;");
    assertThat(generated).contains(
        "final double heldBefore_a1000 = heldBefore_a999 * 0.999 + V * 1.0E-4;");
    assertThat(maxParenDepth(generated)).isLessThan(20);
  }

  @Test
  void thresholdLocalsReadTwiceDoNotDoubleTheCode() {
    assertLinear(n -> threshold(doublingLocals("V - V_rest", n) + "    return b" + n
        + " >= V_th;\n"), 500, 1000, Models::neuron);
    // Forty doublings pasted would be 2^40 terms: emitted as locals, they are forty lines.
    String generated = generated(threshold(doublingLocals("V - V_rest", 40)
        + "    return b40 >= V_th || b40 < -V_th;\n"), Models::neuron);
    assertThat(generated).contains("final double spiked_b40 = spiked_b39 * 0.5 + spiked_b39 * 0.5;");
    assertThat(generated).contains("final boolean spiked = !heldBefore && (spiked_b40 >= V_th");
  }

  @Test
  void outputLocalsAreEmittedAsLocals() {
    String generated = assertLinear(
        n -> output(doublingLocals("g * (E - V)", n) + "    return b" + n + ";\n"), 500, 1000,
        Models::synapse);
    assertThat(generated).contains("final double out_b1000 = out_b999 * 0.5 + out_b999 * 0.5;");
    // The staged loops' offset (the output at V = 0) and slope (its derivative in V), as locals.
    assertThat(generated).contains("out_offset_b1000_s1 = ");
    assertThat(generated).contains("out_slope_b1000_dV_s1 = ");
    assertThat(maxParenDepth(generated)).isLessThan(20);
    assertLinear(n -> output(chainLocals(n) + "    return g * (E - a" + n + ");\n"), 500, 1000,
        Models::synapse);
  }

  @Test
  void aLongSumStaysLinear() {
    assertLinear(LinearSizeTest::sum, 500, 1000);
  }

  /**
   * The processor alone ({@code -proc:only}: javac's own attribution of the sum would need a deep
   * stack of its own) on a thread with an ordinary 8 MB stack: the parser and the units check walk
   * the chain in a loop (the IR passes still recurse once per term, in small frames).
   */
  @Test
  void aTenThousandTermSumNeedsNoDeepStack() {
    Models.Captured[] result = new Models.Captured[1];
    Thread thread = new Thread(null,
        () -> result[0] = Models.process(Models.neuron(plainSum(10_000))), "small", 8L << 20);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    assertThat(result[0].compilation()).succeeded(); // warnings: the Bad fixture's unused fields
    assertThat(result[0].models()).hasSize(1);
  }

  /**
   * A thousand doubling locals, differentiated through (exponential Euler's slope of an ODE, the
   * staged slope of an output) on an ordinary 8 MB stack: each local's derivative is taken after
   * the ones it reads, so the recursion is as deep as one local's value, not the chain.
   */
  @Test
  void derivativesThroughAThousandLocalsNeedNoDeepStack() {
    for (JavaFileObject source : List.of(Models.neuron(doubling(1000)),
        Models.synapse(output(doublingLocals("g * (E - V)", 1000) + "    return b1000;\n")))) {
      Models.Captured[] result = new Models.Captured[1];
      Thread thread = new Thread(null, () -> result[0] = Models.process(source), "small",
          8L << 20);
      thread.start();
      try {
        thread.join();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      assertThat(result[0].compilation()).succeeded();
      assertThat(result[0].models()).hasSize(1);
    }
  }

  @Test
  void deepNestingStaysLinear() {
    // EXP_AUTO's slope by the chain rule repeats the inner calls once per level once the plan is
    // past CommonSubexpressions.MAX_NODES (2.33x from 100 to 200 levels); the other loops are
    // linear, and since one loop serves every Runge–Kutta method they no longer dilute it.
    assertLinear(LinearSizeTest::nested, 100, 200, 2.4);
  }

  /**
   * Processes the model at {@code small} and {@code large} (twice {@code small}) and checks that
   * the code generated for all integrators grows at most linearly; returns the larger's code.
   */
  private static String assertLinear(IntFunction<String> model, int small, int large) {
    return assertLinear(model, small, large, Models::neuron, 2.2);
  }

  /** As above, with the members wrapped into a model by {@code wrap}. */
  private static String assertLinear(IntFunction<String> model, int small, int large,
      Function<String, JavaFileObject> wrap) {
    return assertLinear(model, small, large, wrap, 2.2);
  }

  /** {@link #assertLinear(IntFunction, int, int)} with a bound of {@code bound} when doubled. */
  private static String assertLinear(IntFunction<String> model, int small, int large,
      double bound) {
    return assertLinear(model, small, large, Models::neuron, bound);
  }

  private static String assertLinear(IntFunction<String> model, int small, int large,
      Function<String, JavaFileObject> wrap, double bound) {
    int smallSize = generated(model.apply(small), wrap).length();
    String largeCode = generated(model.apply(large), wrap);
    double ratio = (double) largeCode.length() / smallSize;
    assertThat(ratio).isAtMost(bound * large / (2.0 * small));
    return largeCode;
  }

  private static String generated(String members, Function<String, JavaFileObject> wrap) {
    // javac itself recurses once per nesting level of the user's source: give it a deep stack.
    String[] out = new String[1];
    RuntimeException[] failure = new RuntimeException[1];
    Thread thread = new Thread(null, () -> {
      try {
        out[0] = generatedOnThisThread(wrap.apply(members));
      } catch (RuntimeException | AssertionError e) {
        failure[0] = e instanceof RuntimeException r ? r : new RuntimeException(e);
      }
    }, "javac", 512L << 20);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    return out[0];
  }

  private static String generatedOnThisThread(JavaFileObject source) {
    Models.Captured result = Models.compile(source);
    assertThat(result.compilation()).succeeded();
    ModelIR model = result.models().get(0);
    StringBuilder out = new StringBuilder();
    for (JavaFile file : Emitter.emitAll(model, true)) {
      out.append(file);
    }
    return out.toString();
  }

  private static int maxParenDepth(String code) {
    int depth = 0;
    int max = 0;
    for (char c : code.toCharArray()) {
      if (c == '(') {
        max = Math.max(max, ++depth);
      } else if (c == ')') {
        depth--;
      }
    }
    return max;
  }

}
