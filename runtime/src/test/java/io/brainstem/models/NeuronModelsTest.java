package io.brainstem.models;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.annotations.Integrator;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.runners.DSRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each library neuron against a closed form, a published number, or a recorded Brian2 run. */
class NeuronModelsTest {

  /** Spike times (ts of the step that spiked) of neuron 0 under a constant input. */
  static List<Double> spikeTimes(NeuronGroup group, String input, double value, double dt,
      double duration) {
    Network net = new Network();
    net.add(group);
    DSRunner runner = DSRunner.builder(net).dt(dt).input(group.name() + "." + input, value)
        .monitors(group.name() + ".spike").build();
    runner.run(duration);
    boolean[][] spikes = runner.mon().spikes(group.name() + ".spike");
    List<Double> times = new ArrayList<>();
    for (int k = 0; k < spikes.length; k++) {
      if (spikes[k][0]) {
        times.add(runner.mon().ts()[k]);
      }
    }
    return times;
  }

  @Test
  void qifFirstSpikeMatchesTheClosedForm() {
    // tau dV/dt = c (V − V_rest)(V − V_c) + I: with I > c (V_rest − V_c)²/4 the quadratic has no
    // root and t = tau / (c q) · [atan((V_th − m)/q) − atan((V0 − m)/q)], m = (V_rest + V_c)/2,
    // q² = I/c − (V_rest − V_c)²/4.
    double c = 0.07;
    double input = 10;
    double m = (-65 + -50) / 2.0;
    double q = Math.sqrt(input / c - 15 * 15 / 4.0);
    double exact = 10 / (c * q) * (Math.atan((-30 - m) / q) - Math.atan((-65 - m) / q));
    double dt = 0.001;
    List<Double> t = spikeTimes(new QifGroup("Q", 1).method(Integrator.RK4), "input", input, dt,
        exact + 1);
    assertThat(t).isNotEmpty();
    // The spike is reported in the step whose end first reaches V_th.
    assertThat(t.get(0)).isAtMost(exact + 1e-9);
    assertThat(t.get(0) + dt).isAtLeast(exact - 1e-9);
  }

  @Test
  void hodgkinHuxleyRheobaseAndSpikeTimesMatchAnIndependentIntegration() {
    // Reference: runtime/src/test/resources/brian2/hh_reference.py, a plain-Python RK4 of the
    // same equations (dt 0.01 ms). A step from rest is silent below 6.22 µA/cm² and fires
    // tonically above 6.24, the classic rheobase (≈ 6.2, e.g. Rinzel & Miller 1980); at 10
    // µA/cm² the first spikes are at 1.96, 16.91, 31.57 ms.
    double dt = 0.01;
    assertThat(spikeTimes(new HodgkinHuxleyGroup("H", 1), "input", 6.0, dt, 300)
        .stream().filter(s -> s > 100).count()).isEqualTo(0);
    List<Double> above = spikeTimes(new HodgkinHuxleyGroup("H", 1), "input", 7.0, dt, 300);
    assertThat(above.stream().filter(s -> s > 100).count()).isAtLeast(10);
    for (int s = 1; s < above.size(); s++) {
      assertThat(above.get(s) - above.get(s - 1)).isGreaterThan(10.0); // one AP, one spike
    }
    List<Double> ten = spikeTimes(
        new HodgkinHuxleyGroup("H", 1).method(Integrator.RK4), "input", 10.0, dt, 60);
    assertThat(ten.get(0)).isWithin(0.03).of(1.96);
    assertThat(ten.get(1)).isWithin(0.03).of(16.91);
    assertThat(ten.get(2)).isWithin(0.03).of(31.57);
  }

  /** Spike times recorded from Brian2 2.5.1 by resources/brian2/neurons.py (rk4, dt 0.005). */
  private static void matchesBrian2(NeuronGroup group, double input, double[] brian2) {
    List<Double> t = spikeTimes(group, "input", input, 0.005, 200);
    assertThat(t.size()).isAtLeast(brian2.length);
    for (int s = 0; s < brian2.length; s++) {
      assertThat(t.get(s)).isWithin(0.05).of(brian2[s]);
    }
  }

  @Test
  void expIfMatchesBrian2() {
    matchesBrian2(new ExpIfGroup("X", 1).method(Integrator.RK4), 5,
        new double[] {26.12, 56.55, 86.98, 117.41, 147.84, 178.27});
  }

  @Test
  void adExTonicSpikingWithAdaptationMatchesBrian2() {
    matchesBrian2(new AdExGroup("A", 1).method(Integrator.RK4), 10,
        new double[] {13.985, 36.615, 64.90, 96.085, 128.225, 160.62});
  }

  @Test
  void fitzHughNagumoMatchesBrian2() {
    matchesBrian2(new FitzHughNagumoGroup("F", 1).method(Integrator.RK4), 0.5,
        new double[] {40.975, 80.45, 119.925, 159.4, 198.875});
  }

  @Test
  void izhikevichRegularSpikingMatchesBrian2() {
    // resources/brian2/izhikevich.py: 22.3 Hz tonic after the first, short interval.
    matchesBrian2(new IzhikevichGroup("Z", 1).method(Integrator.RK4), 10,
        new double[] {3.125, 26.235, 71.075, 115.895, 160.715});
  }

  @Test
  void traubHHMatchesBrian2() {
    matchesBrian2(new TraubHHGroup("T", 1).method(Integrator.RK4), 300,
        new double[] {3.245, 20.185, 37.12, 54.06, 71.0, 87.935});
  }

  @Test
  void izhikevichRegularSpikingAdaptsToATonicRate() {
    // Izhikevich 2003, Fig. 2 (RS, I = 10): a short first interval, then slower tonic spiking.
    List<Double> t = spikeTimes(new IzhikevichGroup("Z", 1), "input", 10, 0.01, 500);
    assertThat(t.size()).isAtLeast(5);
    double first = t.get(1) - t.get(0);
    double last = t.get(t.size() - 1) - t.get(t.size() - 2);
    assertThat(last).isGreaterThan(1.5 * first);
    double secondLast = t.get(t.size() - 2) - t.get(t.size() - 3);
    assertThat(last).isWithin(0.02 * last).of(secondLast); // settled
  }

  @Test
  void wilsonCowanSettlesOnAFixedPointOfItsEquations() {
    WilsonCowanGroup wc = new WilsonCowanGroup("W", 1);
    Network net = new Network();
    net.add(wc);
    DSRunner runner = DSRunner.builder(net).dt(0.01).input("W.input_x", 1.5)
        .monitors("W.x", "W.y", "W.spike").build();
    runner.run(200);
    double x = wc.x[0];
    double y = wc.y[0];
    double fe = 1 / (1 + Math.exp(-1.2 * (12 * x - 4 * y + 1.5 - 2.8))) - 1 / (1 + Math.exp(1.2 * 2.8));
    double fi = 1 / (1 + Math.exp(-1.0 * (13 * x - 11 * y - 4))) - 1 / (1 + Math.exp(4.0));
    assertThat(-x + (1 - x) * fe).isWithin(1e-9).of(0);
    assertThat(-y + (1 - y) * fi).isWithin(1e-9).of(0);
    assertThat(x).isGreaterThan(0.01);
    // Brian2 (resources/brian2/neurons.py, rk4 dt 0.005) ends at x 0.48765, y 0.26077.
    assertThat(x).isWithin(1e-4).of(0.4876547982789911);
    assertThat(y).isWithin(1e-4).of(0.260773384047222);
    for (boolean[] step : runner.mon().spikes("W.spike")) {
      assertThat(step[0]).isFalse(); // a rate model never spikes
    }
  }
}
