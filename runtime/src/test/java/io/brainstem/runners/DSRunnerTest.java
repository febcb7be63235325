package io.brainstem.runners;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.inputs.Input;
import io.brainstem.monitors.Monitor;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.Network;
import io.brainstem.testing.Counter;
import io.brainstem.testing.Fixtures;
import io.brainstem.testing.Pacemaker;
import org.junit.jupiter.api.Test;

class DSRunnerTest {

  private static Network single(int size, int period) {
    Network net = new Network();
    net.add(new Pacemaker("E", size, period));
    return net;
  }

  @Test
  void monitorShapesAndTimes() {
    DSRunner runner = DSRunner.builder(Fixtures.ei())
        .monitors("E.spike", "I.V")
        .monitors(Monitor.of("E.V", 0, 5, 39))
        .build();
    double elapsed = runner.run(2.0);
    assertThat(elapsed).isAtLeast(0.0);
    MonitorResults mon = runner.mon();
    assertThat(mon.ts()).hasLength(20);
    for (int k = 0; k < 20; k++) {
      assertThat(mon.ts()[k]).isWithin(1e-12).of(k * 0.1);
    }
    boolean[][] spikes = mon.get("E.spike");
    assertThat(spikes).hasLength(20);
    assertThat(spikes[0]).hasLength(40);
    assertThat(mon.values("I.V")[0]).hasLength(10);
    assertThat(mon.values("E.V")[19]).hasLength(3);
  }

  @Test
  void recordsTheStateAfterEachStepAtTheStartTime() {
    DSRunner runner = DSRunner.builder(single(5, 4)).monitors("E.spike", "E.t").dt(0.5).t0(10).build();
    runner.run(3.0);
    MonitorResults mon = runner.mon();
    for (int k = 0; k < 6; k++) {
      assertThat(mon.ts()[k]).isEqualTo(10 + k * 0.5);
      assertThat(mon.values("E.t")[k][0]).isEqualTo(mon.ts()[k]); // the group was given ts[k]
      for (int i = 0; i < 5; i++) {
        assertThat(mon.spikes("E.spike")[k][i]).isEqualTo((k + i) % 4 == 0);
      }
    }
  }

  @Test
  void constantInputIsSeenEveryStepAndClearedAfter() {
    Network net = single(3, 1000);
    DSRunner runner = DSRunner.builder(net).input("E.input", 20.).monitors("E.seen", "E.input", "E.V").build();
    runner.run(1.0);
    MonitorResults mon = runner.mon();
    for (int k = 0; k < 10; k++) {
      assertThat(mon.values("E.seen")[k]).isEqualTo(new double[] {20, 20, 20});
      assertThat(mon.values("E.input")[k]).isEqualTo(new double[] {20, 20, 20}); // recorded before clear
      assertThat(mon.values("E.V")[k][0]).isEqualTo(20.0 * (k + 1));
    }
    assertThat(net.group("E").doubles("input")).isEqualTo(new double[3]);
  }

  @Test
  void inputsAndProjectionsAddUp() {
    Network net = Fixtures.ei();
    double[] perNeuron = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    DSRunner runner = DSRunner.builder(net)
        .inputs(Input.constant("E.input", 20.), Input.constant("I.input", perNeuron))
        .monitors("I.seen", "I.spike", "E.spike")
        .build();
    runner.run(0.5);
    MonitorResults mon = runner.mon();
    // Step 0: nothing spiked before, so I sees only the external input.
    assertThat(mon.values("I.seen")[0]).isEqualTo(perNeuron);
    // Later: the input plus one per synapse from a partner that spiked in the previous step.
    Counter e2i = (Counter) net.projection("E2I");
    Counter i2i = (Counter) net.projection("I2I");
    for (int k = 1; k < 5; k++) {
      double extra = 0;
      for (int i = 0; i < 10; i++) {
        extra += mon.values("I.seen")[k][i] - perNeuron[i];
      }
      int delivered = 0;
      for (int i = 0; i < 40; i++) {
        delivered += mon.spikes("E.spike")[k - 1][i] ? e2i.outDegree(i) : 0;
      }
      for (int i = 0; i < 10; i++) {
        delivered += mon.spikes("I.spike")[k - 1][i] ? i2i.outDegree(i) : 0;
      }
      assertThat(delivered).isGreaterThan(0);
      assertThat(extra).isEqualTo((double) delivered);
    }
  }

  @Test
  void aSecondRunContinuesInTime() {
    Network continued = Fixtures.ei();
    DSRunner runner = DSRunner.builder(continued).input("E.input", 1.5).monitors("E.spike", "E.V").build();
    runner.run(1.0);
    double[] firstTs = runner.mon().ts();
    runner.run(0.5);
    MonitorResults second = runner.mon();
    assertThat(firstTs).hasLength(10);
    assertThat(second.ts()).hasLength(5);
    assertThat(second.ts()[0]).isWithin(1e-12).of(1.0);
    assertThat(second.ts()[4]).isWithin(1e-12).of(1.4);
    assertThat(runner.step()).isEqualTo(15);
    assertThat(runner.t()).isWithin(1e-12).of(1.5);

    // The same network run once for 1.5 ms ends in the same state and spikes the same way.
    DSRunner once = DSRunner.builder(Fixtures.ei()).input("E.input", 1.5).monitors("E.spike", "E.V").build();
    once.run(1.5);
    for (int k = 0; k < 5; k++) {
      assertThat(second.spikes("E.spike")[k]).isEqualTo(once.mon().spikes("E.spike")[10 + k]);
      assertThat(second.values("E.V")[k]).isEqualTo(once.mon().values("E.V")[10 + k]);
    }
  }

  @Test
  void jitFlagReachesTheGroups() {
    Network net = single(2, 2);
    try (DSRunner debug = DSRunner.builder(net).jit(false).build()) {
      debug.run(0.1);
    }
    assertThat(((Pacemaker) net.group("E")).lastJit).isFalse();
    DSRunner.builder(net).build().run(0.1);
    assertThat(((Pacemaker) net.group("E")).lastJit).isTrue();
  }
}
