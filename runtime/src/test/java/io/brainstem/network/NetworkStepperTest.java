package io.brainstem.network;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.sources.PoissonGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The network's phases run through a {@link NetworkStepper}; {@link Network#step} is those phases
 * in {@link StepPhase} order and cannot be overridden (a runner's hooks replace overriding it).
 */
class NetworkStepperTest {

  /** Poisson drive onto 150 + 70 LIF neurons that excite each other: ranges cut at 64 and 128. */
  private static Network net() {
    Network net = new Network();
    PoissonGroup q = net.add(new PoissonGroup("Q", 200, t -> 400.0, 7));
    LifGroup a = net.add(new LifGroup("A", 150).tau_ref(2.));
    LifGroup b = net.add(new LifGroup("B", 70).tau_ref(2.));
    net.add(new ExpCobaProjection(q, a, new FixedProb(0.2, 1)).g_max(0.5).E(60.));
    net.add(new ExpCobaProjection(a, b, new FixedProb(0.2, 2)).g_max(0.5).E(60.));
    net.add(new ExpCobaProjection(b, a, new FixedProb(0.2, 3)).g_max(0.5).E(-20.));
    return net;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void theNetworksPhasesInOrderAreNetworkStepOnAnyThreadCount(int threads) {
    Network reference = net();
    Network phased = net();
    try (NetworkStepper stepper = NetworkStepper.of(phased, threads)) {
      assertThat(stepper.threads()).isEqualTo(threads);
      for (int k = 0; k < 200; k++) {
        double t = k * 0.1;
        reference.step(t, 0.1, true);
        reference.clearInputs();
        for (StepPhase phase : StepPhase.order()) {
          if (phase.ofNetwork()) {
            stepper.run(phase, t, 0.1, true);
          }
        }
        stepper.clearInputs(); // on the pool: by chunks
        for (String path : reference.paths()) {
          Variable v = reference.variable(path);
          if (!v.isBoolean()) {
            assertThat(phased.variable(path).toDoubles()).isEqualTo(v.toDoubles());
          }
        }
        for (NeuronGroup g : reference.groups()) {
          assertThat(phased.group(g.name()).spikeIndices()).isEqualTo(g.spikeIndices());
        }
      }
      assertThat(reference.group("B").totalSpikes()).isGreaterThan(20L); // delivery was exercised
    }
  }

  @Test
  void aRunnersOwnPhaseIsRefused() {
    try (NetworkStepper stepper = NetworkStepper.of(net(), 1)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> stepper.run(StepPhase.INPUTS, 0, 0.1, true));
      assertThat(e).hasMessageThat().contains("phase INPUTS is not one of the network's");
    }
    try (NetworkStepper stepper = NetworkStepper.of(net(), 2)) {
      assertThrows(IllegalArgumentException.class, () -> stepper.run(StepPhase.CLEAR, 0, 0.1, true));
    }
  }

  @Test
  void networkStepCannotBeOverridden() {
    Compilation compilation = javac().compile(JavaFileObjects.forSourceString("user.MyNet", """
        package user;
        class MyNet extends io.brainstem.network.Network {
          @Override
          public void step(double t, double dt, boolean jit) {}
        }
        """));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("overridden method is final");
  }
}
