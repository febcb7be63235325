package io.brainstem.grad;

import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.grad.GradientCheckTest.Model;
import io.brainstem.network.NeuronGroup;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vector backward loops ({@code <Model>BackwardVector}) allocate nothing once compiled, on
 * every library neuron model × EXP_AUTO, EULER, MIDPOINT (RK2), RK4: calls repeat until C2 has compiled the
 * loop, then the thread's allocated bytes are read around {@value #MEASURED} calls. A loop that
 * leaves Vector API calls out of line (past C2's inlining budget) boxes vectors on every call and
 * fails here. Until C2 has compiled the loop (seconds for the largest on a loaded machine) calls
 * run in C1 code, which boxes, so a measurement is repeated up to {@value #ATTEMPTS} times until
 * one allocates nothing.
 */
class BackwardAllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  /** 32 vectors of 4 doubles, 16 of 8: with the warm-up, back edges enough to trigger C2. */
  private static final int N = 128;
  private static final int WARM_UP = 1_500;
  private static final int MEASURED = 200;
  /** C2 may take seconds on a loaded machine to compile the largest loops (HH's RK4). */
  private static final int ATTEMPTS = 30;
  /**
   * And for at least this long: when C1 cannot compile a large loop with profiling ("out of
   * virtual registers in linear scan"), the loop runs C1's unprofiled code, which boxes, until C2
   * compiles it, which took seconds more on this machine.
   */
  private static final long PATIENCE_NANOS = 30_000_000_000L;
  private static final List<Integrator> METHODS =
      List.of(Integrator.EXP_AUTO, Integrator.EULER, Integrator.MIDPOINT, Integrator.RK4);

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Model m : GradientCheckTest.models()) {
      for (Integrator integrator : METHODS) {
        if (GradientCheckTest.setMethod(m.group().get(), integrator)) {
          out.add(Arguments.of(m, integrator));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void vectorBackwardAllocatesNothing(Model model, Integrator integrator)
      throws ReflectiveOperationException {
    NeuronGroup group = (NeuronGroup) model.group().get().getClass()
        .getConstructor(String.class, int.class).newInstance("g", N);
    model.params().forEach((p, v) -> group.params().set(group.params().indexOf(p), v));
    GradientCheckTest.setMethod(group, integrator);
    String backwardName = group.getClass().getName().replaceFirst("Group$", "Backward");
    BackwardStep scalar = (BackwardStep) Class.forName(backwardName)
        .getConstructor(group.getClass(), BackwardKernel.class).newInstance(group, null);
    BackwardKernel vector = BackwardKernels.load(backwardName + "Vector", group);
    assertWithMessage("%s has vector backward loops", model).that(vector).isNotNull();
    AdjointFrame frame = frame(scalar, group, model);
    double[][] adjoints = new double[frame.adjState.length][];
    for (int s = 0; s < adjoints.length; s++) {
      adjoints[s] = frame.adjState[s].clone();
    }
    if (!vector.backward(frame, 0, N)) {
      return; // no vector loop for this model (Izhikevich: a variable named as a loop local)
    }
    for (int k = 0; k < WARM_UP; k++) {
      call(vector, frame, adjoints);
    }
    long allocated = -1;
    List<Long> seen = new ArrayList<>();
    long deadline = System.nanoTime() + PATIENCE_NANOS;
    for (int attempt = 0; allocated != 0 && (attempt < ATTEMPTS || System.nanoTime() < deadline);
        attempt++) {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      for (int k = 0; k < MEASURED; k++) {
        call(vector, frame, adjoints);
      }
      allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
      if (seen.size() < 40) {
        seen.add(allocated);
      }
    }
    assertWithMessage("%s %s: bytes allocated per %s backward calls of %s elements, by attempt",
        model, integrator, MEASURED, N).that(seen).contains(0L);
  }

  /** One backward step from the same adjoints (the states stay, so the loop sees the same values). */
  private static void call(BackwardKernel vector, AdjointFrame frame, double[][] adjoints) {
    for (int a = 0; a < adjoints.length; a++) {
      System.arraycopy(adjoints[a], 0, frame.adjState[a], 0, N);
    }
    vector.backward(frame, 0, N);
  }

  /** Non-spiking states near the model's initial ones; a fifth of the elements refractory. */
  private static AdjointFrame frame(BackwardStep step, NeuronGroup group, Model model) {
    Random random = new Random(3);
    AdjointFrame frame = new AdjointFrame(step);
    frame.dt = model.dt();
    frame.surrogate = Surrogate.fastSigmoid(3);
    frame.refractory = new boolean[N];
    frame.adjSpike = new double[N];
    for (int s = 0; s < step.states().size(); s++) {
      double[] initial = group.doubles(step.states().get(s));
      for (int i = 0; i < N; i++) {
        frame.state[s][i] = initial[0] * (1 + 0.02 * random.nextGaussian());
        frame.adjState[s][i] = random.nextGaussian();
      }
    }
    for (int k = 0; k < step.inputs().size(); k++) {
      for (int i = 0; i < N; i++) {
        frame.input[k][i] = model.inputs()[k] * (1 + 0.5 * random.nextDouble());
      }
    }
    for (int i = 0; i < N; i++) {
      frame.refractory[i] = random.nextDouble() < 0.2;
      frame.adjSpike[i] = random.nextGaussian();
    }
    return frame;
  }
}
