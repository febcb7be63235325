package io.brainstem.runners;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.monitors.Monitor;
import io.brainstem.network.Network;
import io.brainstem.testing.Counter;
import io.brainstem.testing.Fixtures;
import io.brainstem.testing.Pacemaker;
import org.junit.jupiter.api.Test;

class RunnerValidationTest {

  @Test
  void nullNetwork() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DSRunner.builder(null));
    assertThat(e).hasMessageThat().contains("network");
    assertThrows(IllegalArgumentException.class, () -> ReportRunner.builder(null));
  }

  @Test
  void dtMustBePositiveAndFinite() {
    for (double dt : new double[] {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(
          IllegalArgumentException.class, () -> DSRunner.builder(Fixtures.ei()).dt(dt).build());
      assertThat(e).hasMessageThat().contains("dt must be positive and finite");
    }
    assertThrows(IllegalArgumentException.class, () -> ReportRunner.builder(Fixtures.ei()).dt(0).build());
  }

  @Test
  void unknownMonitorNamesTheClosestPath() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> DSRunner.builder(Fixtures.ei()).monitors("E.spkie").build());
    assertThat(e).hasMessageThat().contains("'E.spike'");
    e = assertThrows(
        IllegalArgumentException.class, () -> ReportRunner.builder(Fixtures.ei()).monitors("E2E.recieved").build());
    assertThat(e).hasMessageThat().contains("'E2E.received'");
  }

  @Test
  void unknownInputNamesTheClosestPath() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> DSRunner.builder(Fixtures.ei()).input("I.inpt", 20.).build());
    assertThat(e).hasMessageThat().contains("'I.input'");
  }

  @Test
  void theSameMonitorTwice() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class,
        () -> DSRunner.builder(Fixtures.ei()).monitors("E.spike").monitors(Monitor.of("E.spike")).build());
    assertThat(e).hasMessageThat().contains("'E.spike' is given twice");
    assertThrows(
        IllegalArgumentException.class,
        () -> DSRunner.builder(Fixtures.ei()).monitor("E.V", 1).monitor("E.V", 2).build());
    // Distinct names make two subsets of one variable fine.
    DSRunner.builder(Fixtures.ei()).monitor("E.V", 1).monitors(Monitor.of("E.V", 2).named("V2")).build();
  }

  @Test
  void wrongMonitorIndex() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> DSRunner.builder(Fixtures.ei()).monitor("I.V", 0, 10).build());
    assertThat(e).hasMessageThat().contains("index 10 is out of range for I.V of size 10");
  }

  @Test
  void projectionToAGroupOutsideTheNetwork() {
    Network net = new Network();
    Pacemaker e = net.add(new Pacemaker("E", 5, 2));
    net.add(new Counter("E2X", e, new Pacemaker("X", 3, 1), new FixedProb(0.5, 0)));
    IllegalArgumentException ex =
        assertThrows(IllegalArgumentException.class, () -> DSRunner.builder(net).build());
    assertThat(ex).hasMessageThat().contains("'X'");
  }

  @Test
  void durationMustBePositiveAndAtLeastOneStep() {
    DSRunner runner = DSRunner.builder(Fixtures.ei()).build();
    for (double d : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runner.run(d));
      assertThat(e).hasMessageThat().contains("duration");
    }
    IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class, () -> runner.run(0.05));
    assertThat(tooShort).hasMessageThat().contains("shorter than one step");
    assertThat(runner.step()).isEqualTo(0);
  }

  @Test
  void stepCountRoundsNearIntegersAndFloorsOtherwise() {
    assertThat(Runner.stepCount(100.0, 0.1)).isEqualTo(1000);
    assertThat(Runner.stepCount(0.3, 0.1)).isEqualTo(3); // 0.3 / 0.1 = 2.9999999999999996
    assertThat(Runner.stepCount(0.7, 0.1)).isEqualTo(7); // 0.7 / 0.1 = 6.999999999999999
    assertThat(Runner.stepCount(1.05, 0.1)).isEqualTo(10);
    assertThat(Runner.stepCount(0.19, 0.1)).isEqualTo(1);
    assertThat(Runner.stepCount(5000.0, 0.1)).isEqualTo(50_000);
  }

  @Test
  void monBeforeAnyRun() {
    DSRunner runner = DSRunner.builder(Fixtures.ei()).monitors("E.spike").build();
    IllegalStateException e = assertThrows(IllegalStateException.class, runner::mon);
    assertThat(e).hasMessageThat().contains("run(duration)");
  }

  @Test
  void t0MustBeFinite() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> DSRunner.builder(Fixtures.ei()).t0(Double.NaN).build());
    assertThat(e).hasMessageThat().contains("t0 must be finite");
  }

  @Test
  void wrongInputShapeAtBuild() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(Fixtures.ei()).input("I.input", new double[] {1, 2, 3}).build());
    assertThat(e).hasMessageThat().contains("expected 10 values (one per element of I.input), got 3");
  }

  @Test
  void inputOnASpikeVariable() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReportRunner.builder(Fixtures.ei()).input("E.spike", 1.).build());
    assertThat(e).hasMessageThat().contains("is a spike (boolean) variable");
  }

  @Test
  void aProbeNamedLikeAnotherMonitor() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(Fixtures.ei()).monitors("E.V").monitors(Monitor.probe("E.V", n -> 0)).build());
    assertThat(e).hasMessageThat().contains("'E.V' is given twice");
  }

  @Test
  void unknownPathInAMonitorWithEveryAndWindow() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(Fixtures.ei()).monitors(Monitor.of("I.seenn").every(2).window(0, 5)).build());
    assertThat(e).hasMessageThat().contains("'I.seen'");
  }

  @Test
  void unknownGroupInAPath() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(Fixtures.ei()).monitors("X.V").build());
    assertThat(e).hasMessageThat().contains("did you mean");
  }

  @Test
  void nullMonitorMode() {
    assertThrows(NullPointerException.class, () -> DSRunner.builder(Fixtures.ei()).monitorMode(null));
  }

  /** Every monitor name must be exportable, so that nothing recorded fails to write after a run. */
  @Test
  void monitorNamesThatCannotBeFileNamesAreRejectedAtBuild() {
    for (String bad : new String[] {"E.V/10", "a\\b", "V:0", "what?", "tab\there", " E.V", "E.V "}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> DSRunner.builder(Fixtures.ei()).monitors(Monitor.of("E.V").every(10).named(bad)).build());
      assertThat(e).hasMessageThat().startsWith("monitor '" + bad + "' cannot be exported: ");
      assertThat(e).hasMessageThat().contains("a monitor name becomes a file name (Npz, Csv, streamTo)");
      assertThat(e).hasMessageThat().contains(".named(...)");
      assertThrows(IllegalArgumentException.class,
          () -> ReportRunner.builder(Fixtures.ei()).monitors(Monitor.of("E.V").named(bad)).build());
    }
    IllegalArgumentException slash = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(Fixtures.ei()).monitors(Monitor.of("E.V").every(10).named("E.V/10")).build());
    assertThat(slash).hasMessageThat().contains("it contains '/'");
    IllegalArgumentException probe = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(Fixtures.ei()).monitors(Monitor.probe("mean/max", n -> 0)).build());
    assertThat(probe).hasMessageThat().contains("monitor 'mean/max'");
    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(Fixtures.ei()).monitors(Monitor.of("E.V").named("V".repeat(201))).build());
    assertThat(tooLong).hasMessageThat().contains("it is 201 bytes long");
    // the forms the tutorial uses are fine
    DSRunner.builder(Fixtures.ei()).monitors(Monitor.of("E.V").every(10).named("E.V every 10"),
        Monitor.of("E.V", 3).named("E.V[3]"), Monitor.of("E.V", 0).window(0.5, 1).named("V0 0.5-1"),
        Monitor.probe("mean E.V", n -> 0), Monitor.of("E.V").named("V".repeat(200))).build();
  }

  @Test
  void monitorsThatWouldExportUnderTheSameNameAreRejectedAtBuild() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(Fixtures.ei()).monitors("E.V").monitors(Monitor.of("I.V").named("E.V_times")).build());
    assertThat(e).hasMessageThat().isEqualTo("monitor 'E.V_times' would write its records as 'E.V_times', the name "
        + "of monitor 'E.V' (its row times) (names are compared ignoring case, as on macOS and Windows file "
        + "systems); rename one with .named(...)");
    e = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(Fixtures.ei()).monitors("E.spike").monitors(Monitor.of("I.V").named("E.spike.indices"))
            .build());
    assertThat(e).hasMessageThat().contains("the name of monitor 'E.spike' (its element indices)");
    e = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(Fixtures.ei()).monitors("E.V").monitors(Monitor.of("I.V").named("e.v")).build());
    assertThat(e).hasMessageThat().contains("monitor 'e.v' would write its records as 'e.v', the name of monitor 'E.V'");
    e = assertThrows(IllegalArgumentException.class,
        () -> DSRunner.builder(Fixtures.ei()).monitors(Monitor.of("E.V").named("TS")).build());
    assertThat(e).hasMessageThat().contains("the name of the runner's step times ts");
  }
}
