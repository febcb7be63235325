package io.brainstem.sources;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.inputs.Inputs;
import io.brainstem.monitors.MonitorResults;
import io.brainstem.monitors.SpikeEvents;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import io.brainstem.testing.Counter;
import io.brainstem.testing.Pacemaker;
import org.junit.jupiter.api.Test;

class SpikeSourcesTest {

  private static SpikeEvents run(Network net, double duration, String monitor) {
    DSRunner runner = DSRunner.builder(net).monitors(monitor).build();
    runner.run(duration);
    return runner.mon().events(monitor);
  }

  @Test
  void poissonCountMatchesTheRate() {
    Network net = new Network();
    net.add(new PoissonGroup("P", 1000, 20.0, 1));
    SpikeEvents e = run(net, 1000, "P.spike");
    // Expected 20 000 spikes; the count is binomial with sd ~ 141.
    assertThat((double) e.count()).isWithin(5 * Math.sqrt(20_000)).of(20_000);
    assertThat(e.meanRate()).isWithin(1.0).of(20.0);
  }

  @Test
  void poissonPerNeuronRates() {
    double[] rates = new double[200];
    for (int i = 100; i < 200; i++) {
      rates[i] = 50;
    }
    Network net = new Network();
    net.add(new PoissonGroup("P", 200, rates, 3));
    int[] counts = run(net, 1000, "P.spike").countsPerNeuron();
    long silent = 0;
    long active = 0;
    for (int i = 0; i < 200; i++) {
      if (i < 100) {
        silent += counts[i];
      } else {
        active += counts[i];
      }
    }
    assertThat(silent).isEqualTo(0);
    assertThat((double) active).isWithin(5 * Math.sqrt(5000)).of(5000);
  }

  @Test
  void poissonTimeVaryingRate() {
    Network net = new Network();
    net.add(new PoissonGroup("P", 2000, Inputs.windows(100, 0, 100), 5)); // 100 Hz for 100 ms, then 0
    SpikeEvents e = run(net, 200, "P.spike");
    int early = 0;
    int late = 0;
    for (double t : e.times()) {
      if (t < 100) {
        early++;
      } else {
        late++;
      }
    }
    assertThat(late).isEqualTo(0);
    assertThat((double) early).isWithin(5 * Math.sqrt(20_000)).of(20_000);
  }

  @Test
  void poissonIsReproducibleAndResetSafe() {
    Network net = new Network();
    net.add(new PoissonGroup("P", 100, 40.0, 9));
    DSRunner runner = DSRunner.builder(net).monitors("P.spike").build();
    runner.run(50);
    int[] first = runner.mon().events("P.spike").indices().clone();
    runner.reset();
    runner.run(50);
    assertThat(runner.mon().events("P.spike").indices()).isEqualTo(first);
    Network other = new Network();
    other.add(new PoissonGroup("P", 100, 40.0, 10));
    assertThat(run(other, 50, "P.spike").indices()).isNotEqualTo(first);
  }

  @Test
  void poissonRejectsBadRates() {
    assertThrows(IllegalArgumentException.class, () -> new PoissonGroup("P", 3, -1.0, 1));
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> new PoissonGroup("P", 3, new double[] {1, 2}, 1));
    assertThat(e).hasMessageThat().contains("expected 3 rates");
    Network net = new Network();
    net.add(new PoissonGroup("P", 3, t -> -5, 1));
    IllegalStateException s = assertThrows(IllegalStateException.class, () -> run(net, 1, "P.spike"));
    assertThat(s).hasMessageThat().contains("-5.0 Hz at t = 0.0 ms");
  }

  @Test
  void spikeTimesLandInTheirSteps() {
    Network net = new Network();
    // 0.3 ms is step 3 although 3 * 0.1 = 0.30000000000000004; the two events of neuron 1 at 0.7 count once.
    net.add(new SpikeTimeGroup("S", 3, new double[] {0.7, 0.3, 0.0, 0.7, 0.75, 5.0},
        new int[] {1, 2, 0, 1, 0, 2}));
    DSRunner runner = DSRunner.builder(net).monitors("S.spike").build();
    runner.run(1.0);
    boolean[][] s = runner.mon().spikes("S.spike");
    for (int k = 0; k < 10; k++) {
      assertThat(s[k][0]).isEqualTo(k == 0 || k == 7);
      assertThat(s[k][1]).isEqualTo(k == 7);
      assertThat(s[k][2]).isEqualTo(k == 3);
    }
    runner.run(5.0); // continues: 5.0 ms is step 50
    SpikeEvents later = runner.mon().events("S.spike");
    assertThat(later.count()).isEqualTo(1);
    assertThat(later.times()[0]).isWithin(1e-9).of(5.0);
    assertThat(later.indices()[0]).isEqualTo(2);
  }

  @Test
  void spikeTimesValidated() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SpikeTimeGroup("S", 3, new double[] {1}, new int[] {3}));
    assertThat(e).hasMessageThat().contains("index 3 (event 0) is out of range for 3 neurons");
    assertThrows(IllegalArgumentException.class, () -> new SpikeTimeGroup("S", 3, new double[] {1, 2}, new int[] {0}));
    assertThrows(IllegalArgumentException.class, () -> new SpikeTimeGroup("S", 3, new double[] {Double.NaN}, new int[] {0}));
  }

  @Test
  void sourcesDriveProjectionsLikeAnyGroup() {
    Network net = new Network();
    SpikeTimeGroup s = net.add(new SpikeTimeGroup("S", 4, new double[] {0.1, 0.1, 0.2}, new int[] {0, 3, 3}));
    Pacemaker post = net.add(new Pacemaker("E", 5, 1000));
    Counter c = net.add(new Counter("S2E", s, post, new FixedProb(1.0, 1)));
    DSRunner runner = DSRunner.builder(net).monitors("E.seen").build();
    runner.run(0.5);
    MonitorResults mon = runner.mon();
    // Spikes of step k reach the postsynaptic input in step k + 1; full connectivity: every target.
    assertThat(mon.column("E.seen", 0)).isEqualTo(new double[] {0, 0, 2, 1, 0});
    assertThat(c.synapseCount()).isEqualTo(20);

    Network poissonNet = new Network();
    PoissonGroup p = poissonNet.add(new PoissonGroup("P", 50, 200.0, 2));
    Pacemaker target = poissonNet.add(new Pacemaker("E", 3, 1000));
    poissonNet.add(new Counter("P2E", p, target, new FixedProb(1.0, 1)));
    DSRunner r2 = DSRunner.builder(poissonNet).monitors("P.spike", "E.seen").build();
    r2.run(10);
    int[] perRow = r2.mon().events("P.spike").countsPerRow();
    double[] seen = r2.mon().column("E.seen", 0);
    for (int k = 1; k < perRow.length; k++) {
      assertThat(seen[k]).isEqualTo((double) perRow[k - 1]);
    }
  }
}
