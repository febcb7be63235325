package io.brainstem.kernels;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.models.AdExGroup;
import io.brainstem.models.ExpIfGroup;
import io.brainstem.models.FitzHughNagumoGroup;
import io.brainstem.models.HodgkinHuxleyGroup;
import io.brainstem.models.IzhikevichGroup;
import io.brainstem.models.LifGroup;
import io.brainstem.models.QifGroup;
import io.brainstem.models.TraubHHGroup;
import io.brainstem.models.WilsonCowanGroup;
import io.brainstem.network.Kernels;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Variable;
import io.brainstem.runners.DSRunner;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated vector kernels against the scalar ones, on groups of 37 neurons (whole vectors and
 * a scalar tail) whose neurons start apart, so that lanes differ and spikes fall in some lanes
 * only: bit-identical for models whose kernels use no transcendental function, within a few ulps
 * (before spikes amplify differences) for those that call {@code exp} and friends.
 */
class VectorKernelsTest {
  private static final int SIZE = 37;

  @BeforeAll
  static void vectorKernelsRunInTheseTests() {
    // The build runs tests with --add-modules jdk.incubator.vector (runtime/pom.xml).
    assertWithMessage("vector kernels are off: %s", Kernels.whyScalar()).that(Kernels.vector())
        .isTrue();
  }

  /** Models whose vector kernels perform exactly the scalar kernels' operations. */
  static Stream<Arguments> exactModels() {
    Stream<Arguments> models = Stream.of(
        Arguments.of("Lif", (Function<String, NeuronGroup>) n -> new LifGroup(n, SIZE), 30.0),
        Arguments.of("Qif", (Function<String, NeuronGroup>) n -> new QifGroup(n, SIZE), 10.0),
        Arguments.of("Izhikevich",
            (Function<String, NeuronGroup>) n -> new IzhikevichGroup(n, SIZE), 10.0),
        Arguments.of("FitzHughNagumo",
            (Function<String, NeuronGroup>) n -> new FitzHughNagumoGroup(n, SIZE), 0.5));
    return models.flatMap(a -> Stream.of(Integrator.values())
        .filter(m -> m != Integrator.EXP_EULER) // its per-element decay calls exp
        .map(m -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], m)));
  }

  @ParameterizedTest(name = "{0} {3}")
  @MethodSource("exactModels")
  void vectorKernelsEqualScalarKernelsBitForBit(String model, Function<String, NeuronGroup> make,
      double input, Integrator method) throws Exception {
    NeuronGroup vector = make.apply("N");
    NeuronGroup scalar = make.apply("N").scalarKernels(true);
    assertThat(vector.kernels()).startsWith("vector");
    assertThat(scalar.kernels()).isEqualTo("scalar");
    double[][] a = run(vector, method, input, 3000);
    double[][] b = run(scalar, method, input, 3000);
    assertThat(vector.totalSpikes()).isEqualTo(scalar.totalSpikes());
    for (int v = 0; v < a.length; v++) {
      assertThat(a[v]).usingExactEquality().containsExactly(b[v]).inOrder();
    }
  }

  @ParameterizedTest(name = "thresholds per neuron: {0}")
  @ValueSource(booleans = {false, true})
  void spikeListsEqualTheScalarKernelsStepByStep(boolean perNeuron) {
    // Strong input: whole vectors, single lanes and the scalar tail fire, in changing patterns
    // (the spread thresholds and a refractory period of 2 steps).
    LifGroup vector = new LifGroup("N", SIZE).tau_ref(0.02);
    LifGroup scalar = new LifGroup("N", SIZE).tau_ref(0.02);
    scalar.scalarKernels(true);
    if (perNeuron) {
      double[] th = new double[SIZE];
      for (int i = 0; i < SIZE; i++) {
        th[i] = -50 + (i % 5) * 4;
      }
      vector.V_th(th);
      scalar.V_th(th);
    } else {
      spread(vector);
      spread(scalar);
    }
    long[] fired = new long[2];
    int wholeVectorSteps = 0;
    for (int k = 0; k < 400; k++) {
      double t = k * 0.01;
      int g = 0;
      int[][] lists = new int[2][];
      for (LifGroup group : new LifGroup[] {vector, scalar}) {
        Arrays.fill(group.input, k % 50 < 25 ? 4000.0 : 0.0);
        group.update(t, 0.01, true);
        lists[g] = Arrays.copyOf(group.spikeIndices(), group.spikeCount());
        fired[g++] += group.spikeCount();
      }
      assertWithMessage("spikes of step %s", k).that(lists[0]).isEqualTo(lists[1]);
      wholeVectorSteps += lists[0].length >= 8 ? 1 : 0;
    }
    assertThat(fired[0]).isGreaterThan(0L);
    assertThat(wholeVectorSteps).isGreaterThan(0);
    assertThat(vector.V).usingExactEquality().containsExactly(scalar.V).inOrder();
  }

  @Test
  void perElementParametersRunTheirOwnVectorKernelBitForBit() throws Exception {
    double[] tau = new double[SIZE];
    for (int i = 0; i < SIZE; i++) {
      tau[i] = 8 + 0.5 * i;
    }
    LifGroup vector = new LifGroup("N", SIZE).tau(tau);
    LifGroup scalar = new LifGroup("N", SIZE).tau(tau);
    scalar.scalarKernels(true);
    double[][] a = run(vector, Integrator.EXP_AUTO, 30, 3000);
    double[][] b = run(scalar, Integrator.EXP_AUTO, 30, 3000);
    assertThat(vector.totalSpikes()).isGreaterThan(0L);
    assertThat(vector.totalSpikes()).isEqualTo(scalar.totalSpikes());
    for (int v = 0; v < a.length; v++) {
      assertThat(a[v]).usingExactEquality().containsExactly(b[v]).inOrder();
    }
  }

  @Test
  void exprelLanesOutsideTheTaylorRangeAreRedoneBitForBit() throws Exception {
    // dt/tau = 0.1/0.04: |z| = 2.5 on every other neuron, where the polynomial is off by ~1e-7.
    double[] tau = new double[SIZE];
    for (int i = 0; i < SIZE; i++) {
      tau[i] = i % 2 == 0 ? 0.04 : 20 + i;
    }
    // No spikes (V_th 100) and 5 steps: V is still on its way to V_rest + R·input, where the
    // factor matters (a reset, or the fixed point, would hide it).
    LifGroup vector = new LifGroup("N", SIZE).tau(tau).V_th(100.);
    LifGroup scalar = new LifGroup("N", SIZE).tau(tau).V_th(100.);
    scalar.scalarKernels(true);
    Network[] nets = new Network[2];
    double[][] v = new double[2][];
    LifGroup[] groups = {vector, scalar};
    for (int g = 0; g < 2; g++) {
      spread(groups[g]);
      nets[g] = new Network();
      nets[g].add(groups[g]);
      DSRunner.builder(nets[g]).dt(0.1).vectorWarmUp(false).input("N.input", 30.).build().run(0.5);
      v[g] = groups[g].V.clone();
    }
    assertThat(v[0]).usingExactEquality().containsExactly(v[1]).inOrder();
  }

  /** Models calling exp (or an integrator's exp of a per-element slope): close, not identical. */
  static Stream<Arguments> transcendentalModels() {
    return Stream.of(
        Arguments.of("ExpIf", (Function<String, NeuronGroup>) n -> new ExpIfGroup(n, SIZE), 12.0),
        Arguments.of("AdEx", (Function<String, NeuronGroup>) n -> new AdExGroup(n, SIZE), 12.0),
        Arguments.of("HodgkinHuxley",
            (Function<String, NeuronGroup>) n -> new HodgkinHuxleyGroup(n, SIZE), 10.0),
        Arguments.of("TraubHH",
            (Function<String, NeuronGroup>) n -> new TraubHHGroup(n, SIZE), 300.0),
        Arguments.of("WilsonCowan",
            (Function<String, NeuronGroup>) n -> new WilsonCowanGroup(n, SIZE), 0.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transcendentalModels")
  void vectorKernelsOfTranscendentalModelsStayWithinAFewUlps(String model,
      Function<String, NeuronGroup> make, double input) throws Exception {
    NeuronGroup vector = make.apply("N");
    NeuronGroup scalar = make.apply("N").scalarKernels(true);
    // 20 steps: long enough to run every statement, short enough that no spike amplifies an ulp.
    double[][] a = run(vector, Integrator.EXP_AUTO, input, 20);
    double[][] b = run(scalar, Integrator.EXP_AUTO, input, 20);
    for (int v = 0; v < a.length; v++) {
      for (int i = 0; i < a[v].length; i++) {
        double tolerance = 1e-12 * Math.max(1, Math.abs(b[v][i]));
        assertWithMessage("%s variable %s neuron %s", model, v, i)
            .that(a[v][i]).isWithin(tolerance).of(b[v][i]);
      }
    }
  }

  private static double[][] run(NeuronGroup group, Integrator method, double input, int steps)
      throws Exception {
    try {
      group.getClass().getMethod("method", Integrator.class).invoke(group, method);
    } catch (InvocationTargetException e) {
      throw new AssertionError(e.getCause());
    }
    spread(group);
    Network net = new Network();
    net.add(group);
    DSRunner.Builder b = DSRunner.builder(net).dt(0.01).vectorWarmUp(false);
    if (input != 0) {
      b.input(group.name() + ".input", input);
    }
    b.build().run(steps * 0.01);
    return group.variables().stream().filter(v -> v.doubles() != null)
        .map(Variable::doubles).toArray(double[][]::new);
  }

  /** Moves each neuron's states apart (by 1 % of their scale per index) so that lanes differ. */
  private static void spread(NeuronGroup group) {
    for (Variable v : group.variables()) {
      if (v.kind() == Variable.Kind.STATE && v.doubles() != null && !v.name().equals("t_last_spike")) {
        double[] x = v.doubles();
        for (int i = 0; i < x.length; i++) {
          x[i] += 0.01 * i * Math.max(0.05, Math.abs(x[i])) / SIZE * 10;
        }
      }
    }
  }
}
