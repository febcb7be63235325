package io.brainstem.monitors;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.network.Network;
import io.brainstem.testing.Pacemaker;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorTest {

  private static Network net() {
    Network net = new Network();
    net.add(new Pacemaker("E", 4, 3));
    return net;
  }

  @Test
  void recordsRowsIntoPreallocatedArrays() {
    Network net = net();
    Pacemaker e = (Pacemaker) net.group("E");
    Recorder spikes = Monitor.of("E.spike").bind(net);
    Recorder v = Monitor.of("E.V", 3, 1).bind(net);
    spikes.start(0, 2, 0, 0.1, false);
    v.start(0, 2, 0, 0.1, false);
    e.V[1] = 10;
    e.V[3] = 30;
    e.spike[2] = true;
    spikes.record(0);
    v.record(0);
    e.V[3] = 31;
    e.spike[2] = false;
    spikes.record(1);
    v.record(1);
    MonitorResults mon = new MonitorResults(new double[] {0.0, 0.1}, 0.1, List.of(spikes, v));
    assertThat(mon.spikes("E.spike")[0]).isEqualTo(new boolean[] {false, false, true, false});
    assertThat(mon.spikes("E.spike")[1]).isEqualTo(new boolean[4]);
    assertThat(mon.values("E.V")[0]).isEqualTo(new double[] {30, 10});
    assertThat(mon.values("E.V")[1]).isEqualTo(new double[] {31, 10});
    assertThat(mon.names()).containsExactly("E.spike", "E.V").inOrder();
    assertThat(mon.steps()).isEqualTo(2);
  }

  @Test
  void startingAgainLeavesEarlierResultsIntact() {
    Network net = net();
    Recorder v = Monitor.of("E.V").bind(net);
    v.start(0, 1, 0, 0.1, false);
    net.group("E").doubles("V")[0] = 5;
    v.record(0);
    MonitorResults first = new MonitorResults(new double[] {0}, 0.1, List.of(v));
    v.start(0, 1, 0, 0.1, false);
    net.group("E").doubles("V")[0] = 6;
    v.record(0);
    assertThat(first.values("E.V")[0][0]).isEqualTo(5.0);
  }

  @Test
  void indicesAreValidated() {
    IllegalArgumentException range =
        assertThrows(IllegalArgumentException.class, () -> Monitor.of("E.V", 0, 4).bind(net()));
    assertThat(range).hasMessageThat().contains("index 4 is out of range for E.V of size 4");
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> Monitor.of("E.V", -1));
    assertThat(negative).hasMessageThat().contains("negative");
    assertThrows(IllegalArgumentException.class, () -> Monitor.of("E.V", new int[0]));
  }

  @Test
  void unknownPathNamesTheClosestValidPath() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Monitor.of("E.spikes").bind(net()));
    assertThat(e).hasMessageThat().contains("'E.spike'");
  }

  @Test
  void namedMonitorsAndAccessors() {
    Monitor m = Monitor.of("E.V", 2).named("V2");
    assertThat(m.name()).isEqualTo("V2");
    assertThat(m.path()).isEqualTo("E.V");
    assertThat(m.indices()).isEqualTo(new int[] {2});
    assertThat(Monitor.of("E.V").indices()).isNull();
    assertThrows(IllegalArgumentException.class, () -> m.named(""));
  }

  @Test
  void resultsRejectTheWrongKindAndUnknownNames() {
    Network net = net();
    Recorder spikes = Monitor.of("E.spike").bind(net);
    Recorder v = Monitor.of("E.V").bind(net);
    MonitorResults mon = new MonitorResults(new double[0], 0.1, List.of(spikes, v));
    assertThat(mon.spikes("E.spike")).isEmpty();
    boolean[][] viaGet = mon.get("E.spike");
    assertThat(viaGet).isSameInstanceAs(mon.spikes("E.spike"));
    IllegalArgumentException kind = assertThrows(IllegalArgumentException.class, () -> mon.values("E.spike"));
    assertThat(kind).hasMessageThat().contains("spikes(\"E.spike\")");
    kind = assertThrows(IllegalArgumentException.class, () -> mon.spikes("E.V"));
    assertThat(kind).hasMessageThat().contains("values(\"E.V\")");
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> mon.get("E.Spike "));
    assertThat(unknown).hasMessageThat().contains("'E.spike'");
  }

  private static MonitorResults threeKinds(Network net) {
    Recorder spikes = Monitor.of("E.spike", 2, 0).bind(net);
    Recorder v = Monitor.of("E.V").bind(net);
    Recorder sub = Monitor.of("E.V", 3, 1).named("Vsub").bind(net);
    Recorder probe = Monitor.probe("meanV", n -> 1.0).bind(net);
    for (Recorder r : List.of(spikes, v, sub, probe)) {
      r.start(0, 1, 0, 0.1, false);
      r.record(0);
    }
    return new MonitorResults(new double[] {0}, 0.1, List.of(spikes, v, sub, probe));
  }

  @Test
  void getChecksTheTypeItIsAssignedToAndNamesTheRightAccessor() {
    MonitorResults mon = threeKinds(net());
    boolean[][] s = mon.get("E.spike");
    double[][] v = mon.get("Vsub");
    Object any = mon.get("meanV");
    assertThat(s).isSameInstanceAs(mon.spikes("E.spike"));
    assertThat(v).isSameInstanceAs(mon.values("Vsub"));
    assertThat(any).isSameInstanceAs(mon.values("meanV"));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
      double[][] wrong = mon.get("E.spike");
      assertThat(wrong).isNull(); // not reached
    });
    assertThat(e).hasMessageThat().isEqualTo("monitor 'E.spike' records spikes, which cannot be read as double[][]; "
        + "use spikes(\"E.spike\") (boolean[rows][N]) or events(\"E.spike\") (SpikeEvents: times, indices, rates)");
    e = assertThrows(IllegalArgumentException.class, () -> {
      boolean[][] wrong = mon.get("E.V");
      assertThat(wrong).isNull();
    });
    assertThat(e).hasMessageThat().isEqualTo("monitor 'E.V' records double values, which cannot be read as "
        + "boolean[][]; use values(\"E.V\") (double[rows][n]) or column(\"E.V\", c) (one column's trace)");
    e = assertThrows(IllegalArgumentException.class, () -> {
      double[] wrong = mon.get("meanV");
      assertThat(wrong).isNull();
    });
    assertThat(e).hasMessageThat().startsWith("monitor 'meanV' is a probe recording double values, which cannot be "
        + "read as double[]; use values(\"meanV\")");
    e = assertThrows(IllegalArgumentException.class, () -> mon.get("E.V", "a hint"));
    assertThat(e).hasMessageThat().contains("takes only the monitor name");
  }

  @Test
  void typedAccessorsNameTheMonitorsRealType() {
    MonitorResults mon = threeKinds(net());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mon.events("meanV"));
    assertThat(e).hasMessageThat().contains("monitor 'meanV' is a probe recording double values, not spikes");
    assertThat(e).hasMessageThat().contains("values(\"meanV\")");
    e = assertThrows(IllegalArgumentException.class, () -> mon.column("E.spike", 0));
    assertThat(e).hasMessageThat().contains("monitor 'E.spike' records spikes, not double values");
    assertThat(e).hasMessageThat().contains("events(\"E.spike\")");
  }

  @Test
  void indicesAreTheRecordedElementsOfEachColumn() {
    Network net = net();
    double[] v = net.group("E").doubles("V");
    for (int i = 0; i < v.length; i++) {
      v[i] = 10 * i;
    }
    MonitorResults mon = threeKinds(net);
    assertThat(mon.indices("Vsub")).isEqualTo(new int[] {3, 1});
    assertThat(mon.indices("E.V")).isEqualTo(new int[] {0, 1, 2, 3});
    assertThat(mon.indices("E.spike")).isEqualTo(new int[] {2, 0});
    // column c of the records is element indices[c]
    double[] row = mon.values("Vsub")[0];
    int[] ids = mon.indices("Vsub");
    for (int c = 0; c < ids.length; c++) {
      assertThat(row[c]).isEqualTo(v[ids[c]]);
    }
    assertThat(mon.isProbe("meanV")).isTrue();
    assertThat(mon.isProbe("Vsub")).isFalse();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mon.indices("meanV"));
    assertThat(e).hasMessageThat().contains("monitor 'meanV' is a probe");
    assertThat(e).hasMessageThat().contains("isProbe(name)");
  }
}
