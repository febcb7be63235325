package io.brainstem.models;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.RefractoryRule;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A refractory period is a whole number of steps, whatever the rounding of {@code t = t0 + k·dt}:
 * Lif (defaults, tau_ref 5, input 30) fires with every interval the same number of steps over long
 * runs, and that number is the hold plus the steps the exact solution needs to climb from V_reset
 * to V_th. (Comparing rounded times, {@code t − t_last_spike ≤ tau_ref}, gave 1753 steps with one
 * 1752 at dt 0.01, because 68.57000000000001 − 63.57 = 5.000000000000007.)
 */
class RefractoryStepsTest {
  private static final double INPUT = 30;

  /** The step index of each spike of one Lif neuron over {@code duration} ms. */
  private static List<Long> spikeSteps(RefractoryRule rule, double dt, double duration) {
    LifGroup lif = new LifGroup("L", 1).tau_ref(5.).refractoryRule(rule);
    Network net = new Network();
    net.add(lif);
    DSRunner runner = DSRunner.builder(net).dt(dt).input("L.input", INPUT)
        .monitors("L.spike").build();
    runner.run(duration);
    boolean[][] spikes = runner.mon().spikes("L.spike");
    List<Long> steps = new ArrayList<>();
    for (int k = 0; k < spikes.length; k++) {
      if (spikes[k][0]) {
        steps.add((long) k);
      }
    }
    return steps;
  }

  @ParameterizedTest(name = "dt {0}, {1} ms")
  @CsvSource({"0.01, 3000", "0.001, 1000"})
  void everyIntervalIsTheSameWholeNumberOfSteps(double dt, double duration) {
    // EXP_AUTO is exact for Lif: after j free steps V = 30 − 35·e^(−j·dt/10), at V_th 20 when
    // j ≥ 10·ln(3.5)/dt (1252.8 steps at dt 0.01: 1253).
    long climb = (long) Math.ceil(10 * Math.log(3.5) / dt);
    long held = Math.round(5 / dt);
    for (RefractoryRule rule : RefractoryRule.values()) {
      List<Long> steps = spikeSteps(rule, dt, duration);
      assertThat(steps.size()).isGreaterThan(50);
      long expected = (rule == RefractoryRule.BRAINPY ? held : held - 1) + climb;
      for (int s = 1; s < steps.size(); s++) {
        assertWithMessage("%s dt %s interval %s", rule, dt, s)
            .that(steps.get(s) - steps.get(s - 1)).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest(name = "dt {0}")
  @CsvSource({"0.1", "0.01"})
  void brianTwosRuleHoldsOneStepLessThanBrainPys(double dt) {
    LifGroup brainpy = new LifGroup("P", 1).tau_ref(5.);
    LifGroup brian2 = new LifGroup("B", 1).tau_ref(5.).refractoryRule(RefractoryRule.BRIAN2);
    assertThat(brainpy.refractoryRule()).isEqualTo(RefractoryRule.BRAINPY);
    Network net = new Network();
    net.add(brainpy);
    net.add(brian2);
    DSRunner runner = DSRunner.builder(net).dt(dt).input("P.input", INPUT)
        .input("B.input", INPUT).monitors("P.V", "B.V", "P.spike", "B.spike").build();
    runner.run(40);
    long n = Math.round(5 / dt);
    assertThat(heldAfterFirstSpike(runner.mon().values("P.V"), runner.mon().spikes("P.spike")))
        .isEqualTo(n);
    assertThat(heldAfterFirstSpike(runner.mon().values("B.V"), runner.mon().spikes("B.spike")))
        .isEqualTo(n - 1);
    assertThat(RefractoryRule.BRAINPY.heldSteps(5, dt)).isEqualTo(n);
    assertThat(RefractoryRule.BRIAN2.heldSteps(5, dt)).isEqualTo(n - 1);
  }

  /** The steps after the first spike that end with V still at V_reset (−5): the held steps. */
  private static long heldAfterFirstSpike(double[][] v, boolean[][] spike) {
    int k = 0;
    while (!spike[k][0]) {
      k++;
    }
    long held = 0;
    while (v[k + 1 + (int) held][0] == -5) {
      held++;
    }
    return held;
  }

  @ParameterizedTest(name = "{0} ms at dt {1}")
  @CsvSource({"5, 0.1, 50", "4.95, 0.1, 49", "5.05, 0.1, 50", "0, 0.1, 0", "0.3, 0.1, 3",
      "2.9999999999999996, 0.1, 30", "5, 0.01, 500", "1e-4, 0.1, 0"})
  void aPeriodIsRoundedToWholeStepsAsBrian2Does(double period, double dt, long steps) {
    // Brian2: timestep(x, dt) = int((x + 1e-3·dt) / dt).
    assertThat(RefractoryRule.BRAINPY.heldSteps(period, dt)).isEqualTo(steps);
    assertThat(RefractoryRule.BRIAN2.heldSteps(period, dt)).isEqualTo(Math.max(0, steps - 1));
    assertThat(RefractoryRule.BRAINPY.holdTime(period, dt)).isEqualTo((steps + 0.5) * dt);
  }
}
