package io.brainstem.integrators;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.Connector;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Precision;
import io.brainstem.network.Projection;
import io.brainstem.network.Variable;
import io.brainstem.runners.DSRunner;
import io.brainstem.sources.PoissonGroup;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vector kernels of {@code @Noise} models, neurons and synapses: each lane draws the scalar
 * kernel's number ({@code Gaussian.at(seed, element, step, stream)}), so vector and scalar kernels
 * agree bit for bit, Milstein's correction included, under either precision, on 37 elements (a
 * scalar tail).
 */
class NoiseVectorKernelsTest {
  private static final String GBM = """
      package test.models;

      import io.brainstem.annotations.*;

      @Neuron(method = Integrator.EULER)
      public class Gbm {
        @Param double mu = 1.5, sigma = 1;
        @State double x = 1, y = 1;
        @Input double input;

        @Ode("x") double dx(double x) { return mu * x; }
        @Ode("y") double dy(double y, double input) { return mu * y + input; }
        @Noise("x") double noiseX(double x) { return sigma * x; }
        @Noise(value = "y", milstein = false) double noiseY(double y) { return sigma * y; }
        @Threshold boolean fire() { return x > 3; }
        @Reset void reset() { x = 1; }
      }
      """;
  private static final String OU = """
      package test.models;

      import io.brainstem.annotations.*;

      @Neuron
      public class Ou {
        @Param double tau = 10, sigma = 0.5;
        @State double v;

        @Ode("v") double dv(double v) { return -v / tau; }
        @Noise("v") double noise() { return sigma; }
      }
      """;
  private static ClassLoader models;

  @BeforeAll
  static void compile() {
    models = ProcessedModels.compileWithVectors(
        Map.of("Gbm", GBM, "Ou", OU, "Leaky", NoisyModels.LEAKY, "NoisyExp",
            NoisyModels.NOISY_EXP));
  }

  static Stream<Arguments> cases() {
    return Stream.of(Precision.values()).flatMap(p -> Stream.of(
        Arguments.of("Gbm", Integrator.EULER, p),
        Arguments.of("Gbm", Integrator.HEUN, p),
        Arguments.of("Gbm", Integrator.RK4, p),
        Arguments.of("Ou", Integrator.EXP_AUTO, p),
        Arguments.of("Ou", Integrator.EXP_EULER, p)));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void vectorKernelsDrawTheScalarKernelsNumbersBitForBit(String model, Integrator method,
      Precision precision) throws Exception {
    NeuronGroup vector = group(model, precision);
    NeuronGroup scalar = group(model, precision).scalarKernels(true);
    assertThat(vector.kernels()).startsWith("vector");
    assertThat(scalar.kernels()).isEqualTo("scalar");
    for (NeuronGroup g : new NeuronGroup[] {vector, scalar}) {
      ProcessedModels.method(g, method);
      ProcessedModels.call(g, "seed", long.class, 7L);
    }
    double dt = 0.001;
    for (int step = 0; step < 400; step++) {
      for (NeuronGroup g : new NeuronGroup[] {vector, scalar}) {
        for (Variable in : g.variables()) {
          if (in.kind() == Variable.Kind.INPUT) {
            for (int i = 0; i < g.size(); i++) {
              in.set(i, 0.1 * i);
            }
          }
        }
        g.update(step * dt, dt, true);
        g.clearInputs();
      }
    }
    for (Variable v : vector.variables()) {
      assertThat(v.toDoubles()).usingExactEquality()
          .containsExactly(scalar.variable(v.name()).toDoubles()).inOrder();
    }
    assertThat(vector.totalSpikes()).isEqualTo(scalar.totalSpikes());
    if (model.equals("Gbm")) {
      assertThat(vector.totalSpikes()).isGreaterThan(0L); // the reset ran on some lanes
    }
  }

  static Stream<Arguments> synapseCases() {
    return Stream.of(Precision.values()).flatMap(p -> Stream.of(
        Arguments.of(Integrator.HEUN, p), Arguments.of(Integrator.EULER, p),
        Arguments.of(Integrator.EXP_AUTO, p)));
  }

  /** A noisy conductance onto leaky neurons, driven by Poisson spikes. */
  @ParameterizedTest(name = "NoisyExp {0} {1}")
  @MethodSource("synapseCases")
  void synapseVectorKernelsDrawTheScalarKernelsNumbersBitForBit(Integrator method,
      Precision precision) throws Exception {
    List<double[]> scalar = runSynapse(method, precision, true);
    List<double[]> vector = runSynapse(method, precision, false);
    for (int v = 0; v < scalar.size(); v++) {
      assertThat(vector.get(v)).usingExactEquality().containsExactly(scalar.get(v)).inOrder();
    }
  }

  private static List<double[]> runSynapse(Integrator method, Precision precision, boolean scalar)
      throws Exception {
    PoissonGroup pre = new PoissonGroup("P", 20, 400., 5);
    NeuronGroup post = group("Leaky", precision);
    Projection noisy = (Projection) models.loadClass("test.models.NoisyExpProjection")
        .getConstructor(NeuronGroup.class, NeuronGroup.class, Connector.class)
        .newInstance(pre, post, new FixedProb(0.3, 2));
    noisy.scalarKernels(scalar);
    assertThat(noisy.kernels()).startsWith(scalar ? "scalar" : "vector");
    noisy.getClass().getMethod("method", Integrator.class).invoke(noisy, method);
    noisy.getClass().getMethod("seed", long.class).invoke(noisy, 13L);
    Network net = new Network(precision);
    net.add(pre, post);
    net.add(noisy);
    DSRunner.builder(net).dt(0.1).vectorWarmUp(false).build().run(30.);
    assertThat(pre.totalSpikes()).isGreaterThan(50L);
    assertThat(post.totalSpikes()).isGreaterThan(0L);
    return List.of(noisy.variable("g").toDoubles(), post.variable("V").toDoubles());
  }

  private static NeuronGroup group(String model, Precision precision) throws Exception {
    return (NeuronGroup) models.loadClass("test.models." + model + "Group")
        .getConstructor(String.class, int.class, Precision.class).newInstance("n", 37, precision);
  }
}
