package io.brainstem.sweep;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.math.Rng;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {

  /** A small EINet whose initial voltages and connectivity come from {@code seed}. */
  static Network einet(long seed) {
    Network net = new Network();
    LifGroup e = net.add(new LifGroup("E", 80).V_rest(-60).V_th(-50).V_reset(-60).tau(20).tau_ref(5));
    LifGroup i = net.add(new LifGroup("I", 20).V_rest(-60).V_th(-50).V_reset(-60).tau(20).tau_ref(5));
    Rng rng = new Rng(seed);
    rng.fillNormal(e.V, -55, 2);
    rng.fillNormal(i.V, -55, 2);
    net.add(new ExpCobaProjection(e, e, new FixedProb(0.1, seed + 1)).E(0).g_max(0.6).tau(5));
    net.add(new ExpCobaProjection(e, i, new FixedProb(0.1, seed + 2)).E(0).g_max(0.6).tau(5));
    net.add(new ExpCobaProjection(i, e, new FixedProb(0.1, seed + 3)).E(-80).g_max(6.7).tau(10));
    net.add(new ExpCobaProjection(i, i, new FixedProb(0.1, seed + 4)).E(-80).g_max(6.7).tau(10));
    return net;
  }

  private static NetworkRuns runs() {
    return NetworkRuns.of(p -> einet(p.seed())).duration(50).input("I.input", 20)
        .collect("E.V.mean_end", mon -> {
          double[][] v = mon.values("E.V");
          double s = 0;
          for (double x : v[v.length - 1]) {
            s += x;
          }
          return s / v[0].length;
        })
        .monitors("E.spike", "I.spike", "E.V");
  }

  @Test
  void gridIsTheCartesianProductWithTheLastAxisFastest() {
    Sweep s = Sweep.builder().grid("a", 1, 2).grid("b", 10, 20, 30).build();
    assertThat(s.points()).hasSize(6);
    assertThat(s.points().get(0).values()).containsExactly("a", 1.0, "b", 10.0).inOrder();
    assertThat(s.points().get(1).values()).containsExactly("a", 1.0, "b", 20.0).inOrder();
    assertThat(s.points().get(3).values()).containsExactly("a", 2.0, "b", 10.0).inOrder();
    assertThat(s.points().get(5).get("b")).isEqualTo(30.0);
  }

  @Test
  void resultsMadeElsewhereAreKeptInPointOrderAndOnePerPoint() {
    List<SweepPoint> p = Sweep.builder().grid("a", 1, 2, 3).build().points();
    SweepResult<String> r = SweepResult.of(List.of(outcome(p.get(2)), outcome(p.get(0)), outcome(p.get(1))), 1.5);
    assertThat(r.values()).containsExactly("a=1.0", "a=2.0", "a=3.0").inOrder();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SweepResult.of(List.of(outcome(p.get(1)), outcome(p.get(1))), 0));
    assertThat(e).hasMessageThat().contains("point 1 has two outcomes");
  }

  private static SweepResult.Outcome<String> outcome(SweepPoint p) {
    return new SweepResult.Outcome<>(p, "a=" + p.get("a"), null, 0.1);
  }

  @Test
  void seedsDependOnTheSweepSeedAndTheIndexOnly() {
    List<SweepPoint> small = Sweep.builder().grid("a", 1, 2).seed(9).build().points();
    List<SweepPoint> large = Sweep.builder().grid("x", 5, 6, 7, 8).seed(9).workers(1).build().points();
    assertThat(large.get(1).seed()).isEqualTo(small.get(1).seed());
    assertThat(small.get(0).seed()).isNotEqualTo(small.get(1).seed());
    assertThat(Sweep.builder().grid("a", 1, 2).seed(10).build().points().get(0).seed())
        .isNotEqualTo(small.get(0).seed());
    List<SweepPoint> same = Sweep.builder().grid("a", 1, 2).seed(9).sameSeed(true).build().points();
    assertThat(same.get(0).seed()).isEqualTo(9);
    assertThat(same.get(1).seed()).isEqualTo(9);
  }

  @Test
  void aPointGivesTheSameResultWhicheverWorkerRunsIt() throws Exception {
    Sweep.Builder b = Sweep.builder().grid("E.input", 0, 5, 10, 15).seed(3);
    List<NetworkRuns.Run> serial = b.workers(1).build().run(runs()).values();
    List<NetworkRuns.Run> parallel = b.workers(3).build().run(runs()).values();
    for (int k = 0; k < serial.size(); k++) {
      Map<String, Object> a = new java.util.LinkedHashMap<>(serial.get(k).columns());
      Map<String, Object> c = new java.util.LinkedHashMap<>(parallel.get(k).columns());
      a.remove("loop_s");
      c.remove("loop_s");
      assertThat(c).isEqualTo(a);
    }
    // the input reached the network: more drive, more spikes
    assertThat(serial.get(3).rateHz("E")).isGreaterThan(serial.get(0).rateHz("E"));
  }

  @Test
  void pointValuesEqualTheSameSettingsMadeByHand() throws Exception {
    SweepPoint p = Sweep.builder().grid("E.tau", 12).grid("E.input", 8).seed(5).build().points().get(0);
    NetworkRuns.Run run = runs().keepMonitors(true).run(p);

    Network net = einet(p.seed());
    ((LifGroup) net.group("E")).tau(12);
    try (DSRunner r = DSRunner.builder(net).threads(1).input("I.input", 20).input("E.input", 8)
        .monitors("E.spike", "I.spike", "E.V").build()) {
      r.run(50);
      assertThat(run.monitors().values("E.V")).isEqualTo(r.mon().values("E.V"));
      assertThat(run.rateHz("E")).isEqualTo(r.mon().events("E.spike").meanRate());
    }
  }

  @Test
  void aFailingPointIsRecordedAndTheOthersGoOn(@TempDir Path dir) throws Exception {
    List<Map<String, Double>> points = List.of(Map.of("E.tau_ref", 5.0), Map.of("E.tau_ref", -1.0), Map.of("E.tau_ref", 2.0));
    SweepResult<NetworkRuns.Run> result = Sweep.builder().points(points).workers(2).build().run(runs());
    assertThat(result.failures()).hasSize(1);
    SweepResult.Outcome<NetworkRuns.Run> bad = result.failures().get(0);
    assertThat(bad.point().index()).isEqualTo(1);
    assertThat(bad.error()).hasMessageThat().contains("tau_ref");
    assertThat(result.outcomes().get(0).failed()).isFalse();
    assertThat(result.outcomes().get(2).failed()).isFalse();
    IllegalStateException e = assertThrows(IllegalStateException.class, result::values);
    assertThat(e).hasMessageThat().contains("sweep point 1");

    Path csv = result.writeCsv(dir.resolve("sweep.csv"));
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("index,E.tau_ref,seed,status,error,E.rate_hz,I.rate_hz,E.V.mean_end,loop_s,seconds");
    assertThat(lines.get(1)).startsWith("0,5.0,");
    assertThat(lines.get(1)).contains(",ok,,");
    assertThat(lines.get(2)).contains(",failed,");
    String[] ok = lines.get(3).split(",");
    assertThat(Double.parseDouble(ok[5])).isEqualTo(result.outcomes().get(2).value().rateHz("E"));
  }

  @Test
  void anUnknownDottedNameFailsThePointNamingTheChoices() throws Exception {
    SweepResult<NetworkRuns.Run> r = Sweep.builder().grid("E.tua", 10).build().run(runs());
    assertThat(r.failures().get(0).error()).hasMessageThat().contains("did you mean 'tau'");
    assertThat(r.failures().get(0).error()).hasMessageThat().contains("E.input");
    SweepResult<NetworkRuns.Run> owner = Sweep.builder().grid("X.tau", 10).build().run(runs());
    assertThat(owner.failures().get(0).error()).hasMessageThat().contains("no group or projection 'X'");
  }

  @Test
  void monitorsAreSavedAsNpzPerPoint(@TempDir Path dir) throws Exception {
    SweepResult<NetworkRuns.Run> r = Sweep.builder().grid("E.input", 0, 10).build()
        .run(runs().saveMonitors(dir.resolve("points")));
    assertThat(Files.exists(dir.resolve("points/point-0000.npz"))).isTrue();
    assertThat(Files.exists(dir.resolve("points/point-0001.npz"))).isTrue();
    assertThat(r.values().get(1).columns().get("monitors")).isEqualTo("point-0001.npz");
  }

  @Test
  void badBuildersSayWhatIsExpected() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> Sweep.builder().build()))
        .hasMessageThat().contains("no points");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Sweep.builder().grid("a")))
        .hasMessageThat().contains("no values");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Sweep.builder().grid("a", 1).grid("a", 2)))
        .hasMessageThat().contains("twice");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Sweep.builder().grid("a", Double.NaN)))
        .hasMessageThat().contains("non-finite");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Sweep.builder().points(List.of(Map.of("a", 1.0), Map.of("b", 1.0))))).hasMessageThat()
        .contains("same parameters");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Sweep.builder().workers(0)))
        .hasMessageThat().contains("at least 1");
  }

  @Test
  void setParameterByPath() {
    Network net = einet(1);
    net.setParameter("E.tau", 15);
    assertThat(net.group("E").params().value(net.group("E").params().indexOf("tau"), 0)).isEqualTo(15.0);
    net.setParameter("E2I.g_max", 0.3);
    assertThat(net.projection("E2I").params().scalar(net.projection("E2I").params().indexOf("g_max"))).isEqualTo(0.3);
    assertThat(assertThrows(IllegalArgumentException.class, () -> net.setParameter("tau", 1)))
        .hasMessageThat().contains("'owner.parameter'");
    assertThat(assertThrows(IllegalArgumentException.class, () -> net.setParameter("E.tau", Double.NaN)))
        .hasMessageThat().contains("tau");
  }
}
