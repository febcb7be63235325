package io.brainstem.models;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import io.brainstem.network.Variable;
import io.brainstem.runners.DSRunner;
import io.brainstem.testing.Pacemaker;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every library model, under every integrator: the generated kernels and the {@code jit(false)}
 * path (which calls the model's own methods) give bit-identical states.
 */
class DebugPathTest {
  /**
   * Fewer elements than the narrowest vector (4 doubles on AVX2), so the kernels run their scalar
   * loop: vector kernels that call exp or expm1 may differ from {@code java.lang.Math} by an ulp
   * once C2 compiles them to the vector library (docs/runners.md), which VectorKernelsTest covers.
   */
  private static final int N = 3;

  static Stream<Arguments> neurons() {
    Stream<Arguments> models = Stream.of(
        Arguments.of("ExpIf", (Function<String, NeuronGroup>) n -> new ExpIfGroup(n, N), 12.0),
        Arguments.of("AdEx", (Function<String, NeuronGroup>) n -> new AdExGroup(n, N), 12.0),
        Arguments.of("Qif", (Function<String, NeuronGroup>) n -> new QifGroup(n, N), 10.0),
        Arguments.of("Izhikevich",
            (Function<String, NeuronGroup>) n -> new IzhikevichGroup(n, N), 10.0),
        Arguments.of("HodgkinHuxley",
            (Function<String, NeuronGroup>) n -> new HodgkinHuxleyGroup(n, N), 10.0),
        Arguments.of("TraubHH", (Function<String, NeuronGroup>) n -> new TraubHHGroup(n, N), 300.0),
        Arguments.of("FitzHughNagumo",
            (Function<String, NeuronGroup>) n -> new FitzHughNagumoGroup(n, N), 0.5),
        Arguments.of("WilsonCowan",
            (Function<String, NeuronGroup>) n -> new WilsonCowanGroup(n, N), 0.0));
    return models.flatMap(a -> Stream.of(Integrator.values())
        .map(m -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], m)));
  }

  private static double[][] finalStates(NeuronGroup group, double input, boolean jit) {
    Network net = new Network();
    net.add(group);
    DSRunner.Builder b = DSRunner.builder(net).dt(0.01).jit(jit);
    if (input != 0) {
      b.input(group.name() + ".input", input);
    }
    b.build().run(30);
    return group.variables().stream().filter(v -> v.doubles() != null)
        .map(Variable::doubles).toArray(double[][]::new);
  }

  @ParameterizedTest(name = "{0} {3}")
  @MethodSource("neurons")
  void neuronKernelsEqualTheDebugPath(String model, Function<String, NeuronGroup> make,
      double input, Integrator method) throws Exception {
    NeuronGroup jit = make.apply("N");
    NeuronGroup debug = make.apply("N");
    for (NeuronGroup g : new NeuronGroup[] {jit, debug}) {
      try {
        g.getClass().getMethod("method", Integrator.class).invoke(g, method);
      } catch (java.lang.reflect.InvocationTargetException e) {
        // EXP_EULER is offered only for ODEs affine in their own variable; others refuse it clearly.
        assertThat(method).isEqualTo(Integrator.EXP_EULER);
        assertThat(e.getCause()).hasMessageThat().contains("Use EXP_AUTO");
        return;
      }
    }
    double[][] a = finalStates(jit, input, true);
    double[][] b = finalStates(debug, input, false);
    assertThat(debug.totalSpikes()).isEqualTo(jit.totalSpikes());
    for (int v = 0; v < a.length; v++) {
      assertThat(b[v]).usingExactEquality().containsExactly(a[v]).inOrder();
    }
  }

  static Stream<Arguments> synapses() {
    Stream<BiFunction<NeuronGroup, NeuronGroup, Projection>> makers = Stream.of(
        (p, q) -> new DeltaCubaProjection("S", p, q, new FixedProb(0.5, 1)),
        (p, q) -> new DeltaCobaProjection("S", p, q, new FixedProb(0.5, 1)),
        (p, q) -> new ExpCubaProjection("S", p, q, new FixedProb(0.5, 1)),
        (p, q) -> new DualExpCubaProjection("S", p, q, new FixedProb(0.5, 1)),
        (p, q) -> new DualExpCobaProjection("S", p, q, new FixedProb(0.5, 1)),
        (p, q) -> new AlphaCubaProjection("S", p, q, new FixedProb(0.5, 1)),
        (p, q) -> new AlphaCobaProjection("S", p, q, new FixedProb(0.5, 1)),
        (p, q) -> new AmpaCubaProjection("S", p, q, new FixedProb(0.5, 1)),
        (p, q) -> new AmpaCobaProjection("S", p, q, new FixedProb(0.5, 1)),
        (p, q) -> new GabaACubaProjection("S", p, q, new FixedProb(0.5, 1)),
        (p, q) -> new GabaACobaProjection("S", p, q, new FixedProb(0.5, 1)),
        (p, q) -> new NmdaCubaProjection("S", p, q, new FixedProb(0.5, 1)),
        (p, q) -> new NmdaCobaProjection("S", p, q, new FixedProb(0.5, 1)));
    return makers.flatMap(m -> Stream.of(Integrator.values()).map(i -> Arguments.of(m, i)));
  }

  private static double[] postV(BiFunction<NeuronGroup, NeuronGroup, Projection> make,
      Integrator method, boolean jit) throws Exception {
    Pacemaker pre = new Pacemaker("pre", 6, 5);
    LifGroup post = new LifGroup("post", N).V_rest(-65).V_reset(-70).V_th(-50).tau(10);
    java.util.Arrays.fill(post.V, -65);
    Projection syn = make.apply(pre, post);
    if (!syn.getClass().getSimpleName().startsWith("Delta")) { // (no @Ode: no integrator)
      syn.getClass().getMethod("method", Integrator.class).invoke(syn, method);
    }
    Network net = new Network();
    net.add(pre);
    net.add(post);
    net.add(syn);
    DSRunner.builder(net).dt(0.05).jit(jit).build().run(20);
    return post.V.clone();
  }

  @ParameterizedTest
  @MethodSource("synapses")
  void synapseKernelsEqualTheDebugPath(BiFunction<NeuronGroup, NeuronGroup, Projection> make,
      Integrator method) throws Exception {
    double[] a = postV(make, method, true);
    double[] b = postV(make, method, false);
    assertThat(java.util.Arrays.stream(a).anyMatch(v -> v != -65.0)).isTrue(); // the synapse acted
    assertThat(b).usingExactEquality().containsExactly(a).inOrder();
  }
}
