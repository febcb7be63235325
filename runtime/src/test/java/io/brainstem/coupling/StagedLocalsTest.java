package io.brainstem.coupling;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.TraubHH;
import io.brainstem.models.TraubHHGroup;
import io.brainstem.network.Coupling;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * STAGED coupling onto a neuron whose ODE bodies have locals ({@link TraubHH}: the gates' alpha and
 * beta): the staged loops differentiate through the locals (exponential Euler's linear part) and
 * evaluate them per stage (Runge-Kutta); the kernels and the debug loop, which calls the user's
 * methods, must agree bit for bit.
 */
class StagedLocalsTest {

  private static double[][] run(Integrator method, boolean jit) {
    Network net = new Network();
    TraubHHGroup e = net.add(new TraubHHGroup("E", 40).method(method));
    for (int k = 0; k < e.size(); k++) {
      e.V[k] = -60 + 0.5 * k;
    }
    net.add(new ExpCobaProjection(e, e, new FixedProb(0.2, 11)).E(0.).g_max(6.).tau(5.)
        .coupling(Coupling.STAGED));
    try (DSRunner runner = DSRunner.builder(net).dt(0.01).jit(jit).input("E.input", 300.)
        .monitors("E.V").build()) {
      runner.run(30.); // dt 0.01: TraubHH under RK4 diverges at dt 0.1, held or staged
      return runner.mon().values("E.V");
    }
  }

  @ParameterizedTest
  @EnumSource(value = Integrator.class, names = {"EXP_AUTO", "RK4", "MIDPOINT"})
  void kernelsEqualTheUsersMethods(Integrator method) {
    double[][] kernels = run(method, true);
    assertWithMessage("%s: finite", method)
        .that(Arrays.stream(kernels).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite))
        .isTrue();
    // The network fires (V crosses -20 mV), so the staged outputs were exercised.
    assertThat(Arrays.stream(kernels).flatMapToDouble(Arrays::stream).max().getAsDouble())
        .isGreaterThan(0.);
    assertWithMessage("%s: jit(true) vs jit(false)", method)
        .that(Arrays.deepEquals(kernels, run(method, false))).isTrue();
  }
}
