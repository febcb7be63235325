package io.brainstem.integrators;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Parameters;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A model written Brian2's way, with declared units and {@code Units} constants in its defaults
 * and its equation: the constants are numbers in ms/mV/nA/MOhm, the kernels equal the model's own
 * methods bit for bit, and the membrane follows its closed form.
 */
class UnitConstantsModelTest {
  static final String BRIAN_LIF = """
      package test.models;

      import static io.brainstem.annotations.Units.*;

      import io.brainstem.annotations.*;

      @Neuron
      public class BrianLif {
        @Param(unit = "ms") double tau = 0.02 * second;
        @Param(unit = "mV") double E_L = -70 * mV, V_th = -50 * mV, V_reset = -70 * mV;
        @Param(unit = "MOhm") double R = 100 * MOhm;
        @State(unit = "mV") double V = -70 * mV;
        @Input(unit = "nA") double input;

        @Ode("V") double dV(double V, double input) {
          return (E_L - V + R * input) / tau + 0.25 * mV / ms;
        }
        @Threshold boolean fire() { return V >= V_th; }
        @Reset void reset() { V = V_reset; }
      }
      """;

  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    loader = ProcessedModels.compile("BrianLif", BRIAN_LIF);
  }

  @Test
  void defaultsAreInBrainstemUnits() {
    NeuronGroup group = ProcessedModels.group(loader, "BrianLif", "E", 1);
    Parameters params = (Parameters) invoke(group, "params");
    assertThat(params.scalar(params.indexOf("tau"))).isEqualTo(20.0);
    assertThat(params.scalar(params.indexOf("E_L"))).isEqualTo(-70.0);
    assertThat(params.scalar(params.indexOf("R"))).isEqualTo(100.0);
    assertThat(group.doubles("V")[0]).isEqualTo(-70.0);
  }

  @ParameterizedTest
  @EnumSource(Integrator.class)
  void kernelsAndTheModelsOwnMethodsAreBitIdentical(Integrator method) {
    double[][] v = new double[2][];
    for (int run = 0; run < 2; run++) {
      NeuronGroup group = ProcessedModels.group(loader, "BrianLif", "E", 8);
      ProcessedModels.method(group, method);
      for (int k = 0; k < 2000; k++) {
        for (int i = 0; i < 8; i++) {
          group.doubles("input")[i] = 0.1 + 0.03 * i; // nA: 10..31 mV of drive through 100 MOhm
        }
        group.update(k * 0.1, 0.1, run == 0);
        group.clearInputs();
      }
      v[run] = group.doubles("V").clone();
    }
    assertWithMessage("%s", method).that(Arrays.equals(v[0], v[1])).isTrue();
  }

  @Test
  void subthresholdMembraneFollowsItsClosedForm() {
    // tau dV/dt = E_L - V + R I + 0.25 tau: V -> E_L + R I + 5 mV = -70 + 10 + 5 = -55 (< -50).
    NeuronGroup group = ProcessedModels.group(loader, "BrianLif", "E", 1);
    ProcessedModels.method(group, Integrator.EXP_EULER);
    double dt = 0.1;
    int steps = 500;
    for (int k = 0; k < steps; k++) {
      group.doubles("input")[0] = 0.1;
      group.update(k * dt, dt, true);
      group.clearInputs();
    }
    double t = steps * dt;
    double expected = -55 + (-70 - -55) * Math.exp(-t / 20);
    assertThat(group.doubles("V")[0]).isWithin(1e-9).of(expected);
    assertThat(group.totalSpikes()).isEqualTo(0);
  }

  private static Object invoke(Object target, String name) {
    try {
      return target.getClass().getMethod(name).invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
