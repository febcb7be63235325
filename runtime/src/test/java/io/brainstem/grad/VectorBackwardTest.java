package io.brainstem.grad;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.grad.GradientCheckTest.Model;
import io.brainstem.network.Kernels;
import io.brainstem.network.NeuronGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated vector backward loops ({@code <Model>BackwardVector}) against the scalar loops of
 * the same step, on every library model × integrator, with held (refractory) elements, spikes, spike
 * adjoints, the three surrogates and the reset attached and detached: bit for bit (but for the
 * sign of a zero) for models whose equations call no {@code exp}, {@code log}, {@code pow} or
 * {@code tanh}; otherwise within 1e-12 of each array's largest magnitude (the vector library's
 * functions may differ from {@code java.lang.Math} in the last bit). A call split in two ranges,
 * as threads split it, gives the bits of one call. The largest loops (HodgkinHuxley's and
 * TraubHH's Runge–Kutta steps) run as parts through a carry buffer (the processor's
 * BackwardSplit), and are checked here as the others.
 */
class VectorBackwardTest {
  /** Several whole vectors and a partial one on any vector width up to 8 doubles. */
  private static final int N = 37;
  /** Models whose equations call only + − × ÷, sqrt, abs, min, max: vector and scalar agree. */
  private static final Set<String> EXACT = Set.of("Lif", "Qif", "Izhikevich", "FitzHughNagumo");
  private static final List<String> vectorCases = new ArrayList<>();

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Model m : GradientCheckTest.models()) {
      for (Integrator integrator : Integrator.values()) {
        if (GradientCheckTest.setMethod(m.group().get(), integrator)) {
          for (Surrogate s : List.of(Surrogate.fastSigmoid(3), Surrogate.sigmoid(2),
              Surrogate.arctan(1.5))) {
            out.add(Arguments.of(m, integrator, s));
          }
        }
      }
    }
    return out.stream();
  }

  @Test
  void testsRunVectorKernels() {
    assertWithMessage("surefire runs with --add-modules jdk.incubator.vector: %s",
        Kernels.whyScalar()).that(Kernels.vector()).isTrue();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void vectorLoopsGiveTheScalarLoopsResult(Model model, Integrator integrator, Surrogate surrogate)
      throws ReflectiveOperationException {
    NeuronGroup group = (NeuronGroup) model.group().get().getClass()
        .getConstructor(String.class, int.class).newInstance("g", N);
    model.params().forEach((p, v) -> group.params().set(group.params().indexOf(p), v));
    if (group.params().names().contains("V_th")) {
      int threshold = group.params().indexOf("V_th");
      // about half the elements start above the threshold, so the step spikes and resets them
      group.params().set(threshold, group.doubles("V")[0]);
    }
    GradientCheckTest.setMethod(group, integrator);
    String backwardName = group.getClass().getName().replaceFirst("Group$", "Backward");
    Class<?> backwardClass = Class.forName(backwardName);
    BackwardStep scalar = (BackwardStep) backwardClass
        .getConstructor(group.getClass(), BackwardKernel.class).newInstance(group, null);
    BackwardKernel vector = BackwardKernels.load(backwardName + "Vector", group);
    assertThat(vector).isNotNull();
    for (boolean detach : new boolean[] {false, true}) {
      AdjointFrame expected = frame(scalar, group, model, surrogate, detach);
      AdjointFrame actual = frame(scalar, group, model, surrogate, detach);
      AdjointFrame split = frame(scalar, group, model, surrogate, detach);
      scalar.backward(expected, 0, N);
      if (scalar.params().contains("V_reset") && model.name().equals("Lif")) {
        // the case covers both branches: V_reset's gradient grows exactly where the step spiked
        int p = scalar.params().indexOf("V_reset");
        double[] before = frame(scalar, group, model, surrogate, detach).gradParam[p];
        long spiked = java.util.stream.IntStream.range(0, N)
            .filter(i -> expected.gradParam[p][i] != before[i]).count();
        assertThat(spiked).isGreaterThan(0L);
        assertThat(spiked).isLessThan((long) N);
      }
      if (!vector.backward(actual, 0, N)) {
        return; // none for this model (a variable named as a loop local: Izhikevich's d)
      }
      assertThat(vector.backward(split, 0, 13)).isTrue();
      assertThat(vector.backward(split, 13, N)).isTrue();
      vectorCases.add(model + " " + integrator);
      boolean exact = EXACT.contains(model.name());
      compare(model + " " + integrator + " adjState", expected.adjState, actual.adjState, exact);
      compare(model + " " + integrator + " adjInput", expected.adjInput, actual.adjInput, exact);
      compare(model + " " + integrator + " gradParam", expected.gradParam, actual.gradParam,
          exact);
      compare("split adjState", actual.adjState, split.adjState, true);
      compare("split adjInput", actual.adjInput, split.adjInput, true);
      compare("split gradParam", actual.gradParam, split.gradParam, true);
    }
  }

  @AfterAll
  static void lifAndHodgkinHuxleyHaveVectorLoopsForEveryIntegrator() {
    for (Integrator integrator : Integrator.values()) {
      assertWithMessage("Lif %s has vector backward loops", integrator)
          .that(vectorCases).contains("Lif " + integrator);
    }
    // the Runge–Kutta loops past 180 terms run as parts through the carry buffer (BackwardSplit)
    for (Integrator integrator : Integrator.values()) {
      assertWithMessage("HodgkinHuxley %s has vector backward loops", integrator)
          .that(vectorCases).contains("HodgkinHuxley " + integrator);
    }
    assertWithMessage("TraubHH RK4").that(vectorCases).contains("TraubHH RK4");
  }

  /** A frame with the same pseudo-random contents each call (seeded). */
  private static AdjointFrame frame(BackwardStep step, NeuronGroup group, Model model,
      Surrogate surrogate, boolean detach) {
    Random random = new Random(7);
    AdjointFrame frame = new AdjointFrame(step);
    frame.dt = model.dt();
    frame.surrogate = surrogate;
    frame.detachReset = detach;
    frame.refractory = new boolean[N];
    frame.adjSpike = new double[N];
    for (int s = 0; s < step.states().size(); s++) {
      double[] initial = group.doubles(step.states().get(s));
      for (int i = 0; i < N; i++) {
        frame.state[s][i] = initial[0] * (1 + 0.05 * random.nextGaussian())
            + 0.01 * random.nextGaussian();
        frame.adjState[s][i] = random.nextGaussian();
      }
    }
    for (int k = 0; k < step.inputs().size(); k++) {
      for (int i = 0; i < N; i++) {
        frame.input[k][i] = model.inputs()[k] * (1 + 0.5 * random.nextDouble());
      }
    }
    for (int p = 0; p < frame.gradParam.length; p++) {
      for (int i = 0; i < N; i++) {
        frame.gradParam[p][i] = random.nextGaussian();
      }
    }
    for (int i = 0; i < N; i++) {
      frame.refractory[i] = random.nextDouble() < 0.2;
      frame.adjSpike[i] = random.nextGaussian();
    }
    return frame;
  }

  private static void compare(String what, double[][] expected, double[][] actual,
      boolean exact) {
    for (int a = 0; a < expected.length; a++) {
      double scale = 0;
      for (double x : expected[a]) {
        scale = Math.max(scale, Math.abs(x));
      }
      for (int i = 0; i < N; i++) {
        if (exact) {
          // the vector loop assigns an accumulator's first term where the scalar adds it to 0
          assertWithMessage("%s[%s][%s]", what, a, i).that(actual[a][i])
              .isWithin(0.0).of(expected[a][i]);
        } else {
          assertWithMessage("%s[%s][%s]", what, a, i).that(actual[a][i])
              .isWithin(1e-12 * scale).of(expected[a][i]);
        }
      }
    }
  }
}
