package io.brainstem.kernels;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.annotations.RefractoryRule;
import io.brainstem.models.FitzHughNagumoGroup;
import io.brainstem.models.HodgkinHuxleyGroup;
import io.brainstem.models.LifGroup;
import io.brainstem.network.Kernels;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Precision;
import io.brainstem.runners.DSRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Refractoriness in whole steps and crossing thresholds give the same spikes, neuron for neuron
 * and step for step, in every kernel: vector, scalar and {@code jit(false)}, over double and float
 * storage, with group-wide and per-neuron periods, under both refractory rules. 37 neurons: whole
 * vectors and a scalar tail.
 */
class StepRulesAcrossKernelsTest {
  private static final int SIZE = 37;

  private enum Kernel { VECTOR, SCALAR, DEBUG }

  @BeforeAll
  static void vectorKernelsRunInTheseTests() {
    assertWithMessage("vector kernels are off: %s", Kernels.whyScalar()).that(Kernels.vector())
        .isTrue();
  }

  /** Per neuron, the steps it spiked in, for one kernel. */
  private static List<List<Integer>> spikes(Function<Precision, NeuronGroup> make,
      Precision precision, Kernel kernel, double[] input, double dt, double duration) {
    NeuronGroup group = make.apply(precision).scalarKernels(kernel == Kernel.SCALAR);
    Network net = new Network(precision);
    net.add(group);
    DSRunner runner = DSRunner.builder(net).dt(dt).jit(kernel != Kernel.DEBUG)
        .input(group.name() + ".input", input).monitors(group.name() + ".spike").build();
    runner.run(duration);
    boolean[][] spike = runner.mon().spikes(group.name() + ".spike");
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < SIZE; i++) {
      List<Integer> steps = new ArrayList<>();
      for (int k = 0; k < spike.length; k++) {
        if (spike[k][i]) {
          steps.add(k);
        }
      }
      out.add(steps);
    }
    return out;
  }

  private static void sameInEveryKernel(String what, Function<Precision, NeuronGroup> make,
      double[] input, double dt, double duration, boolean vectorExact) {
    for (Precision precision : Precision.values()) {
      List<List<Integer>> debug = spikes(make, precision, Kernel.DEBUG, input, dt, duration);
      assertThat(debug.stream().mapToInt(List::size).sum()).isGreaterThan(2 * SIZE);
      assertWithMessage("%s %s scalar vs jit(false)", what, precision)
          .that(spikes(make, precision, Kernel.SCALAR, input, dt, duration)).isEqualTo(debug);
      if (vectorExact) {
        assertWithMessage("%s %s vector vs jit(false)", what, precision)
            .that(spikes(make, precision, Kernel.VECTOR, input, dt, duration)).isEqualTo(debug);
      }
    }
  }

  private static double[] ramp(double from, double step) {
    double[] x = new double[SIZE];
    for (int i = 0; i < SIZE; i++) {
      x[i] = from + step * i;
    }
    return x;
  }

  @ParameterizedTest
  @EnumSource(RefractoryRule.class)
  void refractoryStepsAreTheSameInEveryKernel(RefractoryRule rule) {
    // Periods on, just off and between whole steps of dt 0.1; 0 and one shorter than a step.
    double[] periods = new double[SIZE];
    double[] choices = {5, 4.95, 5.05, 0, 0.3, 2.9999999999999996, 0.04, 1.25};
    for (int i = 0; i < SIZE; i++) {
      periods[i] = choices[i % choices.length];
    }
    double[] input = ramp(25, 0.5);
    sameInEveryKernel(rule + " per-neuron periods",
        p -> new LifGroup("L", SIZE, p).tau_ref(periods).refractoryRule(rule), input, 0.1, 300,
        true);
    sameInEveryKernel(rule + " group-wide period",
        p -> new LifGroup("L", SIZE, p).tau_ref(5.).refractoryRule(rule)
            .method(Integrator.EULER), input, 0.1, 300, true);
  }

  @ParameterizedTest
  @EnumSource(value = Integrator.class, names = {"EULER", "RK4", "EXP_AUTO"})
  void crossingsAreTheSameInEveryKernel(Integrator method) {
    sameInEveryKernel("FitzHughNagumo " + method,
        p -> new FitzHughNagumoGroup("F", SIZE, p).method(method), ramp(0.4, 0.02), 0.05, 400,
        true);
    // HH calls exp: its vector kernels differ from the scalar ones by ulps (VectorKernelsTest).
    sameInEveryKernel("HodgkinHuxley " + method,
        p -> new HodgkinHuxleyGroup("H", SIZE, p).method(method), ramp(7, 0.5), 0.01, 100,
        false);
  }
}
