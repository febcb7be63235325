package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.annotations.Integrator;
import io.brainstem.network.NeuronGroup;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs the generated LifGroup: kernels against the debug path, and against the analytic solution. */
class GeneratedLifBehaviourTest {
  private static Class<?> lifGroup;

  @BeforeAll
  static void compile() throws ClassNotFoundException {
    lifGroup = EmittedSources.load(EmittedSources.library().compiled())
        .loadClass("io.brainstem.models.LifGroup");
  }

  private static NeuronGroup group(String name, int size, Integrator method) throws Exception {
    NeuronGroup g = (NeuronGroup) lifGroup.getConstructor(String.class, int.class)
        .newInstance(name, size);
    lifGroup.getMethod("method", Integrator.class).invoke(g, method);
    lifGroup.getMethod("tau_ref", double.class).invoke(g, 2.0);
    return g;
  }

  private static void perElementTau(NeuronGroup g, Random random) throws Exception {
    double[] tau = new double[g.size()];
    for (int i = 0; i < tau.length; i++) {
      tau[i] = 5 + 20 * random.nextDouble();
    }
    lifGroup.getMethod("tau", double[].class).invoke(g, (Object) tau);
  }

  @ParameterizedTest
  @EnumSource(Integrator.class)
  void kernelsAndDebugPathAreBitIdentical(Integrator method) throws Exception {
    for (boolean perElement : new boolean[] {false, true}) {
      NeuronGroup jit = group("jit", 64, method);
      NeuronGroup debug = group("debug", 64, method);
      if (perElement) {
        perElementTau(jit, new Random(7));
        perElementTau(debug, new Random(7));
      }
      Random inputs = new Random(42);
      int spikes = 0;
      double dt = 0.1;
      for (int k = 0; k < 400; k++) {
        double t = k * dt;
        for (int i = 0; i < jit.size(); i++) {
          double current = 80 * inputs.nextDouble();
          jit.doubles("input")[i] = current;
          debug.doubles("input")[i] = current;
        }
        jit.update(t, dt, true);
        debug.update(t, dt, false);
        assertThat(Arrays.equals(jit.doubles("V"), debug.doubles("V"))).isTrue();
        assertThat(Arrays.equals(jit.spike, debug.spike)).isTrue();
        assertThat(Arrays.equals(jit.doubles("t_last_spike"), debug.doubles("t_last_spike")))
            .isTrue();
        for (boolean s : jit.spike) {
          spikes += s ? 1 : 0;
        }
        jit.clearInputs();
        debug.clearInputs();
      }
      assertThat(spikes).isGreaterThan(100);
    }
  }

  @Test
  void expAutoMatchesTheAnalyticSolution() throws Exception {
    NeuronGroup g = group("analytic", 3, Integrator.EXP_AUTO);
    lifGroup.getMethod("V_th", double.class).invoke(g, 1e9);
    lifGroup.getMethod("V_rest", double.class).invoke(g, -2.0);
    lifGroup.getMethod("R", double.class).invoke(g, 1.5);
    double v0 = -3;
    double current = 25;
    double vInf = -2 + 1.5 * current;
    Arrays.fill(g.doubles("V"), v0);
    double dt = 0.1;
    double worst = 0;
    for (int k = 1; k <= 1000; k++) {
      Arrays.fill(g.doubles("input"), current);
      g.update((k - 1) * dt, dt, true);
      g.clearInputs();
      double exact = vInf + (v0 - vInf) * Math.exp(-k * dt / 10);
      for (double v : g.doubles("V")) {
        worst = Math.max(worst, Math.abs(v - exact));
      }
    }
    assertThat(worst).isLessThan(1e-12);
  }

  @Test
  void refractoryNeuronsHoldTheirStateForTauRef() throws Exception {
    NeuronGroup g = group("refractory", 1, Integrator.EXP_AUTO);
    double dt = 0.1;
    int firstSpike = -1;
    int heldSteps = 0;
    for (int k = 0; k < 200; k++) {
      g.doubles("input")[0] = 100;
      double before = g.doubles("V")[0];
      g.update(k * dt, dt, true);
      g.clearInputs();
      if (firstSpike < 0 && g.spike[0]) {
        firstSpike = k;
      } else if (firstSpike >= 0 && g.doubles("V")[0] == before && before == -5.0) {
        heldSteps++;
      } else if (firstSpike >= 0) {
        break;
      }
    }
    // (t - t_spike) <= 2 ms holds for 20 steps after the spike step (t_last_spike = t of that step)
    assertThat(firstSpike).isAtLeast(0);
    assertThat(heldSteps).isEqualTo(20);
  }
}
