package io.brainstem.inputs;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.monitors.MonitorResults;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import io.brainstem.testing.Pacemaker;
import org.junit.jupiter.api.Test;

class InputsHelpersTest {

  @Test
  void sectionSwitchesExactlyAtTheBoundaryStep() {
    Signal s = Inputs.section(new double[] {1, 2, 3}, new double[] {10, 20, 30});
    double[] sampled = s.sample(0, 0.1, 700);
    for (int k = 0; k < 700; k++) {
      double expected = k < 100 ? 1 : k < 300 ? 2 : k < 600 ? 3 : 0;
      assertThat(sampled[k]).isEqualTo(expected);
    }
    assertThat(s.at(-1)).isEqualTo(0.0);
    assertThrows(IllegalArgumentException.class, () -> Inputs.section(new double[] {1}, new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> Inputs.section(new double[] {1}, new double[] {0}));
  }

  @Test
  void rampIsLinearInsideItsWindow() {
    Signal r = Inputs.ramp(0, 10, 5, 15);
    assertThat(r.at(4.9)).isEqualTo(0.0);
    assertThat(r.at(5)).isEqualTo(0.0);
    assertThat(r.at(10)).isWithin(1e-12).of(5.0);
    assertThat(r.at(14.9)).isWithin(1e-12).of(9.9);
    assertThat(r.at(15)).isEqualTo(0.0);
    assertThrows(IllegalArgumentException.class, () -> Inputs.ramp(0, 1, 5, 5));
  }

  @Test
  void windowsAreHalfOpen() {
    Signal w = Inputs.windows(20, 10, 20, 50, 60);
    assertThat(w.at(9.99)).isEqualTo(0.0);
    assertThat(w.at(10)).isEqualTo(20.0);
    assertThat(w.at(19.99)).isEqualTo(20.0);
    assertThat(w.at(20)).isEqualTo(0.0);
    assertThat(w.at(55)).isEqualTo(20.0);
    assertThat(w.at(60)).isEqualTo(0.0);
    // 0.1 * 3 = 0.30000000000000004 and 0.1 * 7 = 0.7000000000000001: steps still land on the right side.
    Signal tight = Inputs.windows(1, 0.3, 0.7);
    double[] sampled = tight.sample(0, 0.1, 10);
    assertThat(sampled).isEqualTo(new double[] {0, 0, 0, 1, 1, 1, 1, 0, 0, 0});
    assertThrows(IllegalArgumentException.class, () -> Inputs.windows(1, 10, 20, 15, 30));
    assertThrows(IllegalArgumentException.class, () -> Inputs.windows(1, 10));
  }

  @Test
  void sinusoidHasItsFrequencyInHz() {
    Signal s = Inputs.sinusoid(2, 10); // 10 Hz: period 100 ms
    assertThat(s.at(0)).isWithin(1e-12).of(0.0);
    assertThat(s.at(25)).isWithin(1e-12).of(2.0);
    assertThat(s.at(75)).isWithin(1e-12).of(-2.0);
    assertThat(s.at(100)).isWithin(1e-12).of(0.0);
    Signal shifted = Inputs.sinusoid(1, 10, Math.PI / 2);
    assertThat(shifted.at(0)).isWithin(1e-12).of(1.0);
  }

  @Test
  void signalsCompose() {
    Signal s = Inputs.constant(20).plus(Inputs.sinusoid(5, 10)).window(0, 50).times(2);
    assertThat(s.at(25)).isWithin(1e-12).of(50.0);
    assertThat(s.at(60)).isEqualTo(0.0);
    assertThat(s.applyAsDouble(25)).isWithin(1e-12).of(50.0);
    assertThat(s.value(25, 250)).isWithin(1e-12).of(50.0);
  }

  @Test
  void ouNoiseHasItsMeanSdAndCorrelationTime() {
    OuNoise ou = Inputs.ou(3, 2, 5, 42);
    int n = 200;
    double dt = 0.1;
    ou.start(n, dt);
    double[] out = new double[n];
    for (int k = 0; k < 500; k++) { // burn-in: 10 tau
      ou.fill(k * dt, k, out);
    }
    double sum = 0;
    double sumSq = 0;
    double lagProduct = 0;
    int steps = 2000;
    int lag = 50; // 5 ms = tau
    double[][] history = new double[lag + 1][];
    long count = 0;
    long pairs = 0;
    for (int k = 0; k < steps; k++) {
      ou.fill(k * dt, k, out);
      double[] row = out.clone();
      history[k % (lag + 1)] = row;
      for (double x : row) {
        sum += x;
        sumSq += x * x;
        count++;
      }
      if (k >= lag) {
        double[] past = history[(k - lag) % (lag + 1)];
        for (int i = 0; i < n; i++) {
          lagProduct += (row[i] - 3) * (past[i] - 3);
          pairs++;
        }
      }
    }
    double mean = sum / count;
    double var = sumSq / count - mean * mean;
    assertThat(mean).isWithin(0.1).of(3.0);
    assertThat(Math.sqrt(var)).isWithin(0.1).of(2.0);
    assertThat(lagProduct / pairs / 4.0).isWithin(0.06).of(Math.exp(-1));
  }

  @Test
  void ouNoiseIsReproducibleAndRestartsOnReset() {
    Network net = new Network();
    net.add(new Pacemaker("E", 5, 1000));
    DSRunner a = DSRunner.builder(net).inputs(Input.func("E.input", Inputs.ou(0, 1, 10, 7))).monitors("E.seen").build();
    a.run(2);
    double[][] first = a.mon().values("E.seen");
    a.reset();
    a.run(2);
    assertThat(a.mon().values("E.seen")).isEqualTo(first);

    Network other = new Network();
    other.add(new Pacemaker("E", 5, 1000));
    DSRunner b = DSRunner.builder(other).inputs(Input.func("E.input", Inputs.ou(0, 1, 10, 7))).monitors("E.seen").build();
    b.run(2);
    assertThat(b.mon().values("E.seen")).isEqualTo(first);
    // Elements are independent processes, not copies.
    assertThat(first[19][0]).isNotEqualTo(first[19][1]);
  }

  @Test
  void ouRejectsBadParameters() {
    assertThrows(IllegalArgumentException.class, () -> Inputs.ou(0, -1, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> Inputs.ou(0, 1, 0, 1));
    assertThrows(IllegalStateException.class, () -> Inputs.ou(0, 1, 1, 1).fill(0, 0, new double[1]));
  }

  @Test
  void sampledSignalsFeedIterInputs() {
    Network net = new Network();
    net.add(new Pacemaker("E", 1, 1000));
    double[] ramp = Inputs.ramp(0, 1, 0, 1).sample(0, 0.1, 10);
    DSRunner runner = DSRunner.builder(net).inputs(Input.iter("E.input", ramp)).monitors("E.seen").build();
    runner.run(1);
    MonitorResults mon = runner.mon();
    assertThat(mon.column("E.seen", 0)[5]).isWithin(1e-12).of(0.5);
  }
}
