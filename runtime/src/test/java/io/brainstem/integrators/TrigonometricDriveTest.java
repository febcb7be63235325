package io.brainstem.integrators;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.annotations.Integrator;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import org.junit.jupiter.api.Test;

/**
 * {@code Math.sin} and {@code Math.cos} in a model body: {@code dV/dt = −V/τ + A·cos ωt + B·sin ωt}
 * from V(0) = 0 matches its closed form under RK4, on the scalar and the vector kernels and with
 * {@code jit(false)}.
 */
class TrigonometricDriveTest {
  private static final double A = 2;
  private static final double B = 0.5;
  private static final double OMEGA = 0.3;
  private static final double TAU = 10;

  /** The solution from V(0) = 0: the periodic response minus its value at 0, decaying. */
  private static double exact(double t) {
    double k = 1 / TAU;
    double d = k * k + OMEGA * OMEGA;
    double p = (A * k - B * OMEGA) / d; // V_p = p cos ωt + q sin ωt
    double q = (A * OMEGA + B * k) / d;
    return p * Math.cos(OMEGA * t) + q * Math.sin(OMEGA * t) - p * Math.exp(-k * t);
  }

  @Test
  void matchesTheClosedForm() {
    for (boolean jit : new boolean[] {true, false}) {
      Network net = new Network();
      SineDrivenGroup g = net.add(new SineDrivenGroup("G", 8).method(Integrator.RK4));
      try (DSRunner runner = DSRunner.builder(net).dt(0.01).jit(jit).build()) {
        runner.run(50);
      }
      for (int n = 0; n < 8; n++) {
        assertThat(g.V[n]).isWithin(1e-9).of(exact(50));
      }
    }
  }
}
