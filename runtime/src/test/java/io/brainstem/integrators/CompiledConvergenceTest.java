package io.brainstem.integrators;

import static com.google.common.truth.Truth.assertWithMessage;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.annotations.Integrator;
import io.brainstem.network.NeuronGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Convergence orders of the generated kernels themselves: a coupled, time-dependent system with a
 * known solution, compiled by the processor, stepped by its group's update loop.
 *
 * <p>{@code y' = y·tanh(t)} gives {@code y = cosh t}; {@code x' = −x·z, z' = −z²} from (1, 1) gives
 * {@code x = z = 1/(1 + t)}.
 */
class CompiledConvergenceTest {
  private static final String SOURCE = """
      package test.models;

      import io.brainstem.annotations.*;

      @Neuron(method = Integrator.RK3)
      public class Known {
        @State double y = 1, x = 1, z = 1;

        @Ode("y") double dy(double t, double y) { return y * Math.tanh(t); }
        @Ode("x") double dx(double x, double z) { return -x * z; }
        @Ode("z") double dz(double z) { return -z * z; }
      }
      """;
  private static final double[] DTS = {0.025, 0.0125, 0.00625, 0.003125};
  private static final double UNTIL = 1.0;

  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    loader = ProcessedModels.compile("Known", SOURCE);
  }

  @ParameterizedTest
  @EnumSource(value = Integrator.class, names = {"EXP_AUTO", "EXP_EULER"},
      mode = EnumSource.Mode.EXCLUDE)
  void generatedKernelsConvergeAtTheirOrder(Integrator method) {
    double[] errors = new double[DTS.length];
    for (int d = 0; d < DTS.length; d++) {
      errors[d] = error(method, DTS[d], true);
      double debug = error(method, DTS[d], false);
      assertWithMessage("%s jit vs debug at dt=%s", method, DTS[d])
          .that(debug).isEqualTo(errors[d]);
    }
    double order = Orders.fit(DTS, errors);
    assertWithMessage("%s: errors %s", method, java.util.Arrays.toString(errors))
        .that(order).isWithin(0.1).of(Orders.theoretical(method));
  }

  /** z' = −z² is not linear in z, so the group refuses EXP_EULER and says why. */
  @Test
  void expEulerIsRefusedForANonlinearOde() {
    NeuronGroup g = ProcessedModels.group(loader, "Known", "known", 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ProcessedModels.method(g, Integrator.EXP_EULER));
    assertThat(e).hasMessageThat().isEqualTo("Known cannot use EXP_EULER: dz/dt = -z * z is not"
        + " linear in z (EXP_EULER needs the form dx/dt = a - b*x). Use EXP_AUTO, which linearises"
        + " any ODE.");
    assertThat(g.method()).isEqualTo(Integrator.RK3);
  }

  private static double error(Integrator method, double dt, boolean jit) {
    NeuronGroup g = ProcessedModels.group(loader, "Known", "known", 3);
    ProcessedModels.method(g, method);
    int steps = (int) Math.round(UNTIL / dt);
    for (int k = 0; k < steps; k++) {
      g.update(k * dt, dt, jit);
    }
    double exactDecay = 1 / (1 + UNTIL);
    return Math.abs(g.doubles("y")[0] - Math.cosh(UNTIL))
        + Math.abs(g.doubles("x")[1] - exactDecay) + Math.abs(g.doubles("z")[2] - exactDecay);
  }
}
