package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.annotations.Integrator;
import io.brainstem.network.NeuronGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The golden test models run: HH-style and AdEx-style kernels match their debug paths bit for bit
 * under every integrator, and they behave like the neurons they are (so the goldens pin down code
 * that works, not just code that compiles).
 */
class GeneratedGoldenModelsBehaviourTest {
  private static Class<?> hh;
  private static Class<?> adEx;

  @BeforeAll
  static void compile() throws ClassNotFoundException {
    ClassLoader loader =
        EmittedSources.load(EmittedSources.libraryAndTestModels().compiled());
    hh = loader.loadClass("test.models.HhGroup");
    adEx = loader.loadClass("test.models.AdExGroup");
  }

  private static NeuronGroup group(Class<?> type, String name, int size, Integrator method)
      throws Exception {
    NeuronGroup g = (NeuronGroup) type.getConstructor(String.class, int.class)
        .newInstance(name, size);
    type.getMethod("method", Integrator.class).invoke(g, method);
    return g;
  }

  /** Runs jit and debug side by side with a constant drive; returns the jit spike steps of neuron 0. */
  private static List<Integer> runBoth(Class<?> type, Integrator method, double drive,
      double dt, int steps, String... states) throws Exception {
    NeuronGroup jit = group(type, "jit", 4, method);
    NeuronGroup debug = group(type, "debug", 4, method);
    List<Integer> spikeSteps = new ArrayList<>();
    for (int k = 0; k < steps; k++) {
      for (int i = 0; i < 4; i++) {
        jit.doubles("input")[i] = drive * (1 + 0.1 * i);
        debug.doubles("input")[i] = drive * (1 + 0.1 * i);
      }
      jit.update(k * dt, dt, true);
      debug.update(k * dt, dt, false);
      for (String s : states) {
        assertThat(Arrays.equals(jit.doubles(s), debug.doubles(s))).isTrue();
      }
      assertThat(Arrays.equals(jit.spike, debug.spike)).isTrue();
      if (jit.spike[0]) {
        spikeSteps.add(k);
      }
      jit.clearInputs();
      debug.clearInputs();
    }
    return spikeSteps;
  }

  @ParameterizedTest
  @EnumSource(Integrator.class)
  void hhFiresRepetitivelyUnderConstantDrive(Integrator method) throws Exception {
    double dt = 0.01;
    List<Integer> spikes = runBoth(hh, method, 10, dt, 10_000, "V", "m", "h", "n");
    // A crossing threshold: one spike per action potential, never in two consecutive steps.
    for (int s = 1; s < spikes.size(); s++) {
      assertThat(spikes.get(s) - spikes.get(s - 1)).isGreaterThan(500);
    }
    // Classic HH at 10 µA/cm² fires tonically at about 68 Hz: 6 or 7 spikes in 100 ms.
    assertThat(spikes.size()).isAtLeast(5);
    assertThat(spikes.size()).isAtMost(8);
  }

  // EXP_EULER does not apply (dV/dt is nonlinear in V). RK4_38 at this dt fires ever faster
  // (intervals 952 -> 105 steps) on the exponential upswing: a known gap, see docs/models.md.
  @ParameterizedTest
  @EnumSource(value = Integrator.class, names = {"EXP_EULER", "RK4_38"}, mode = EnumSource.Mode.EXCLUDE)
  void adExAdapts(Integrator method) throws Exception {
    // dt = 0.01: near threshold the exponential term explodes, and coarser RK4 stages overflow
    // to infinity (then NaN through w), as they would in any simulator.
    List<Integer> spikes = runBoth(adEx, method, 20, 0.01, 30_000, "V", "w");
    assertThat(spikes.size()).isAtLeast(4);
    int firstInterval = spikes.get(1) - spikes.get(0);
    int lastInterval = spikes.get(spikes.size() - 1) - spikes.get(spikes.size() - 2);
    assertThat(lastInterval).isGreaterThan(firstInterval);
  }
}
