package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.Connector;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.models.LifGroup;
import io.brainstem.network.Coupling;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import io.brainstem.runners.DSRunner;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code @Threshold} and {@code @Output} bodies whose locals each read the previous one twice
 * (2^40 terms if pasted into their uses): emitted as locals, they compile, and the scalar kernels,
 * the vector kernels and {@code jit(false)} (the user's own methods) agree bit for bit, in the held
 * and in the staged loops (issue 12, item 1).
 */
class GeneratedBodyLocalsTest {
  private static final int LOCALS = 40;

  /** {@code b_k = b_{k-1}*0.5 + b_{k-1}*0.5}, {@code k = 1..LOCALS}, from {@code b0 = first}. */
  private static String doubling(String first) {
    StringBuilder body = new StringBuilder("    final double b0 = " + first + ";\n");
    for (int k = 1; k <= LOCALS; k++) {
      body.append("    final double b").append(k).append(" = b").append(k - 1)
          .append(" * 0.5 + b").append(k - 1).append(" * 0.5;\n");
    }
    return body.toString();
  }

  /**
   * A neuron whose threshold reads the chain and a local that only reads a parameter (uniform in
   * a group-wide vector kernel: a {@code double} there, a vector per element).
   */
  private static FuzzModel neuron(String name, boolean crossing) {
    String source = """
        package fuzz;

        import io.brainstem.annotations.*;

        @Neuron
        public class %s {
          @Param double tau = 10, V_rest = 0.5, V_th = 4;
          @State double V;
          @Input double input;

          @Ode("V") double dV(double V, double input) { return (input - V) / tau; }

          @Threshold%s boolean fire() {
            final double level = V_th * 0.5 + V_th * 0.5;
        %s    return b%d >= level - V_rest || b%d * b%d > 1e6;
          }

          @Reset void reset() { V = V_rest - 1; }
        }
        """.formatted(name, crossing ? "(crossing = true)" : "", doubling("V - V_rest"), LOCALS,
        LOCALS, LOCALS);
    return new FuzzModel(name, false, source, Map.of("tau", 10.0, "V_rest", 0.5, "V_th", 4.0),
        null, List.of("V"), List.of("input"), false);
  }

  /** A conductance synapse whose output, affine in the post V, goes through the chain. */
  private static FuzzModel synapse() {
    String source = """
        package fuzz;

        import io.brainstem.annotations.*;

        @Synapse
        public class ChainOut {
          @Param double tau = 5, E = 3, w = 0.4;
          @State double g;
          @Post double V;

          @Ode("g") double dg(double g) { return -g / tau; }
          @OnPre void on() { g += w; }

          @Output("input") double current() {
        %s    return b%d;
          }
        }
        """.formatted(doubling("g * (E - V)"), LOCALS);
    return new FuzzModel("ChainOut", true, source, Map.of("tau", 5.0, "E", 3.0, "w", 0.4), null,
        List.of("g"), List.of(), false);
  }

  @Test
  void thresholdAndOutputLocalsRunAsTheUsersMethods() throws ReflectiveOperationException {
    List<FuzzModel> models = List.of(neuron("ChainLevel", false), neuron("ChainCrossing", true),
        synapse());
    FuzzCompiler.Outcome outcome = FuzzCompiler.compile(models);
    assertWithMessage("%s", outcome.problems()).that(outcome.problems()).isEmpty();
    for (FuzzModel model : models) {
      for (Integrator method : Integrator.values()) {
        FuzzRun.Result result = new FuzzRun(model, outcome.loader(), method, 5).run();
        assertWithMessage("%s %s", model.className(), method).that(result.mismatch()).isNull();
        if (result.skipped()) {
          continue;
        }
        // Vector kernels compared every step, bit for bit (EXP_EULER's exp may differ by an ulp).
        assertWithMessage("%s %s: vector compared", model.className(), method)
            .that(result.vectorCompared()).isEqualTo(method != Integrator.EXP_EULER);
        if (!model.synapse()) {
          assertWithMessage("%s %s: spikes", model.className(), method)
              .that(result.spikes()).isGreaterThan(0L);
        }
      }
    }
  }

  /** The staged loops: the output's offset and slope at each stage, through the chain. */
  @ParameterizedTest
  @EnumSource(value = Integrator.class, names = {"EXP_AUTO", "RK4", "MIDPOINT"})
  void stagedOutputLocalsRunAsTheUsersMethods(Integrator method) throws Exception {
    FuzzCompiler.Outcome outcome = FuzzCompiler.compile(List.of(synapse()));
    assertWithMessage("%s", outcome.problems()).that(outcome.problems()).isEmpty();
    Class<?> projection = outcome.loader().loadClass("fuzz.ChainOutProjection");
    double[][] kernels = staged(projection, method, true);
    assertThat(Arrays.stream(kernels).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite))
        .isTrue();
    assertWithMessage("%s: jit(true) vs jit(false)", method)
        .that(Arrays.deepEquals(kernels, staged(projection, method, false))).isTrue();
  }

  private static double[][] staged(Class<?> type, Integrator method, boolean jit)
      throws ReflectiveOperationException {
    Network net = new Network();
    LifGroup e = net.add(new LifGroup("E", 40).method(method));
    for (int k = 0; k < e.size(); k++) {
      e.V[k] = 0.4 * k;
    }
    Projection p = (Projection) type
        .getConstructor(NeuronGroup.class, NeuronGroup.class, Connector.class)
        .newInstance(e, e, new FixedProb(0.2, 11));
    type.getMethod("coupling", Coupling.class).invoke(p, Coupling.STAGED);
    net.add(p);
    try (DSRunner runner = DSRunner.builder(net).dt(0.1).jit(jit).input("E.input", 25.)
        .monitors("E.V").build()) {
      runner.run(50.);
      return runner.mon().values("E.V");
    }
  }
}
