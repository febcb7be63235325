package io.brainstem.monitors;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.MonitorMode;
import io.brainstem.testing.Pacemaker;
import org.junit.jupiter.api.Test;

class MonitorScheduleTest {

  private static Network net(int size, int period) {
    Network net = new Network();
    net.add(new Pacemaker("E", size, period));
    return net;
  }

  @Test
  void everyKStepsCountsAbsoluteSteps() {
    DSRunner runner = DSRunner.builder(net(2, 5)).monitors(Monitor.of("E.t").every(4)).build();
    runner.run(1.0); // steps 0..9: rows at 0, 4, 8
    assertThat(runner.mon().times("E.t")).usingTolerance(1e-12).containsExactly(0.0, 0.4, 0.8).inOrder();
    assertThat(runner.mon().column("E.t", 0)).usingTolerance(1e-12).containsExactly(0.0, 0.4, 0.8).inOrder();
    runner.run(0.6); // steps 10..15: rows at 12
    assertThat(runner.mon().times("E.t")).usingTolerance(1e-12).containsExactly(1.2);
    assertThat(runner.mon().ts()).hasLength(6);
  }

  @Test
  void windowsSelectHalfOpenTimeRanges() {
    DSRunner runner = DSRunner.builder(net(2, 5))
        .monitors(Monitor.of("E.t").window(0.3, 0.7), Monitor.of("E.t").named("late").window(0.95, 100).every(2))
        .build();
    runner.run(1.2);
    assertThat(runner.mon().column("E.t", 0))
        .usingTolerance(1e-12).containsExactly(0.3, 0.4, 0.5, 0.6).inOrder();
    assertThat(runner.mon().times("late")).usingTolerance(1e-12).containsExactly(1.0).inOrder();
    runner.run(0.3);
    assertThat(runner.mon().values("E.t")).hasLength(0);
    assertThat(runner.mon().times("late")).usingTolerance(1e-12).containsExactly(1.2, 1.4).inOrder();
  }

  @Test
  void spikeEventsAndTheirDenseView() {
    DSRunner runner = DSRunner.builder(net(3, 4)).monitors("E.spike").monitors(Monitor.of("E.spike", 2, 0).named("sub")).build();
    runner.run(0.8);
    MonitorResults mon = runner.mon();
    SpikeEvents e = mon.events("E.spike");
    // neuron i spikes at steps k with (k + i) % 4 == 0
    assertThat(e.count()).isEqualTo(6);
    assertThat(e.rows()).isEqualTo(new int[] {0, 2, 3, 4, 6, 7});
    assertThat(e.indices()).isEqualTo(new int[] {0, 2, 1, 0, 2, 1});
    assertThat(e.times()).usingTolerance(1e-12).containsExactly(0.0, 0.2, 0.3, 0.4, 0.6, 0.7).inOrder();
    boolean[][] dense = mon.get("E.spike");
    assertThat(dense).hasLength(8);
    for (int k = 0; k < 8; k++) {
      for (int i = 0; i < 3; i++) {
        assertThat(dense[k][i]).isEqualTo((k + i) % 4 == 0);
      }
    }
    assertThat(mon.spikes("E.spike")).isSameInstanceAs(dense);
    // Columns follow the index list: column 0 is neuron 2.
    assertThat(mon.events("sub").indices()).isEqualTo(new int[] {1, 0, 1, 0});
    assertThat(mon.isSpike("sub")).isTrue();
  }

  @Test
  void ratesFromEvents() {
    // Period 5 at dt 0.1: every neuron fires once per 0.5 ms, 2000 Hz.
    DSRunner runner = DSRunner.builder(net(10, 5)).monitors("E.spike").build();
    runner.run(10.0);
    MonitorResults mon = runner.mon();
    assertThat(mon.meanRate("E.spike")).isWithin(1e-9).of(2000.0);
    for (double r : mon.events("E.spike").ratesPerNeuron()) {
      assertThat(r).isWithin(1e-9).of(2000.0);
    }
    // Each step 2 of 10 neurons spike: 0.2 / 0.1 ms = 2000 Hz, raw and smoothed alike.
    for (double r : mon.populationRate("E.spike", 0)) {
      assertThat(r).isWithin(1e-9).of(2000.0);
    }
    for (double r : mon.populationRate("E.spike", 2.0)) {
      assertThat(r).isWithin(1e-9).of(2000.0);
    }
    assertThrows(IllegalArgumentException.class, () -> mon.populationRate("E.spike", -1));
  }

  @Test
  void populationRateSmoothsOverTheWindow() {
    // One neuron spiking every 5 steps: raw rate alternates 10000 Hz and 0; a 0.5 ms window
    // (5 rows) averages to 2000 Hz away from the edges.
    DSRunner runner = DSRunner.builder(net(1, 5)).monitors("E.spike").build();
    runner.run(5.0);
    double[] raw = runner.mon().populationRate("E.spike", 0);
    assertThat(raw[0]).isWithin(1e-9).of(10_000.0);
    assertThat(raw[1]).isEqualTo(0.0);
    double[] smooth = runner.mon().populationRate("E.spike", 0.5);
    for (int k = 2; k < smooth.length - 2; k++) {
      assertThat(smooth[k]).isWithin(1e-9).of(2000.0);
    }
    assertThat(smooth[0]).isWithin(1e-9).of(10_000.0 / 3);
  }

  @Test
  void meanAndVarianceOverElements() {
    Network net = net(4, 1000);
    DSRunner runner = DSRunner.builder(net).input("E.input", new double[] {1, 2, 3, 6}).monitors("E.V").build();
    runner.run(0.2);
    MonitorResults mon = runner.mon();
    assertThat(mon.mean("E.V")).isEqualTo(new double[] {3, 6});
    assertThat(mon.variance("E.V")).isEqualTo(new double[] {3.5, 14});
  }

  @Test
  void callableMonitors() {
    Network net = net(3, 1000);
    double[] v = net.group("E").doubles("V");
    double[] reused = new double[2];
    DSRunner runner = DSRunner.builder(net)
        .input("E.input", new double[] {1, 2, 3})
        .monitors(Monitor.probe("sumV", n -> v[0] + v[1] + v[2]).every(2),
            Monitor.probeArray("firstTwo", n -> {
              reused[0] = v[0];
              reused[1] = v[1];
              return reused;
            }))
        .build();
    runner.run(0.4);
    MonitorResults mon = runner.mon();
    assertThat(mon.values("sumV")).isEqualTo(new double[][] {{6}, {18}});
    assertThat(mon.values("firstTwo")).isEqualTo(new double[][] {{1, 2}, {2, 4}, {3, 6}, {4, 8}});
  }

  @Test
  void probeOfChangingLengthIsAnError() {
    int[] calls = {0};
    DSRunner runner = DSRunner.builder(net(2, 1000))
        .monitors(Monitor.probeArray("bad", n -> new double[++calls[0]]))
        .build();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.run(0.3));
    assertThat(e).hasMessageThat().contains("monitor bad: the probe returned 2 values, but 1 before");
  }

  @Test
  void appendModeConcatenatesRuns() {
    DSRunner runner = DSRunner.builder(net(2, 3))
        .monitorMode(MonitorMode.APPEND).monitors("E.spike", "E.t").monitors(Monitor.of("E.V").every(2).named("V2"))
        .build();
    runner.run(0.5);
    MonitorResults first = runner.mon();
    runner.run(0.4);
    MonitorResults both = runner.mon();
    assertThat(both.ts()).hasLength(9);
    assertThat(both.column("E.t", 0)).usingTolerance(1e-12)
        .containsExactly(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8).inOrder();
    assertThat(both.times("V2")).usingTolerance(1e-12).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8).inOrder();
    boolean[][] s = both.spikes("E.spike");
    assertThat(s).hasLength(9);
    for (int k = 0; k < 9; k++) {
      assertThat(s[k][0]).isEqualTo(k % 3 == 0);
    }
    // Results handed out earlier are unchanged.
    assertThat(first.ts()).hasLength(5);
    assertThat(first.events("E.spike").rowCount()).isEqualTo(5);
    assertThat(first.values("E.t")).hasLength(5);
  }

  @Test
  void replaceModeIsTheDefault() {
    DSRunner runner = DSRunner.builder(net(2, 3)).monitors("E.spike").build();
    assertThat(runner.monitorMode()).isEqualTo(MonitorMode.REPLACE);
    runner.run(0.5);
    SpikeEvents first = runner.mon().events("E.spike");
    int firstCount = first.count();
    int[] firstRows = first.rows().clone();
    runner.run(0.5);
    assertThat(runner.mon().events("E.spike").rowCount()).isEqualTo(5);
    assertThat(first.count()).isEqualTo(firstCount);
    assertThat(first.rows()).isEqualTo(firstRows); // not overwritten by the second run
  }

  @Test
  void spikeStorageGrowsPastItsInitialCapacity() {
    // 2000 neurons spiking every step: 2000 events per step, far beyond the initial 1024.
    DSRunner runner = DSRunner.builder(net(2000, 1)).monitors("E.spike").build();
    runner.run(1.0);
    assertThat(runner.mon().events("E.spike").count()).isEqualTo(20_000);
    assertThat(runner.mon().meanRate("E.spike")).isWithin(1e-9).of(10_000.0);
  }

  @Test
  void specValidation() {
    assertThrows(IllegalArgumentException.class, () -> Monitor.of("E.V").every(0));
    assertThrows(IllegalArgumentException.class, () -> Monitor.of("E.V").window(5, 5));
    assertThrows(IllegalArgumentException.class, () -> Monitor.probe(" ", n -> 0));
    assertThat(Monitor.of("E.V").every(3).window(1, 2).toString()).isEqualTo("Monitor(E.V, every 3, window [1.0, 2.0))");
    assertThat(Monitor.probe("p", n -> 0).path()).isNull();
    IllegalArgumentException col = assertThrows(IllegalArgumentException.class, () -> {
      DSRunner r = DSRunner.builder(net(2, 3)).monitors("E.V").build();
      r.run(0.1);
      r.mon().column("E.V", 2);
    });
    assertThat(col).hasMessageThat().contains("has 2 columns");
  }
}
