package io.brainstem.coupling;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.math.Rng;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.network.Coupling;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Precision;
import io.brainstem.network.Projection;
import io.brainstem.network.Variable;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.ReportRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * STAGED coupling in an E/I network (every projection staged, one delayed, one with per-element
 * parameters, and per-element parameters on the I group): the debug loops (jit false), ReportRunner
 * and threads(n) give the kernels' results bit for bit, under either precision, for the
 * Runge-Kutta and the exponential staged loops.
 */
class StagedDeterminismTest {

  static Network einet(Integrator method, Precision precision) {
    Network net = new Network(precision);
    LifGroup e = net.add(lif("E", 400, method, precision));
    LifGroup i = net.add(lif("I", 100, method, precision));
    Rng rng = new Rng(3);
    for (LifGroup g : List.of(e, i)) {
      double[] v = new double[g.size()];
      rng.fillNormal(v, -55., 2.);
      Variable target = g.variable("V");
      for (int k = 0; k < v.length; k++) {
        target.set(k, v[k]);
      }
    }
    double[] perElement = new double[i.size()];
    Arrays.fill(perElement, 0.6);
    perElement[7] = 0.9;
    double[] taus = new double[i.size()];
    Arrays.fill(taus, 20.);
    taus[3] = 15.;
    i.tau(taus); // I runs the per-element staged loop
    net.add(new ExpCobaProjection(e, e, new FixedProb(0.05, 4)).E(0.).g_max(0.6).tau(5.)
        .coupling(Coupling.STAGED));
    net.add(new ExpCobaProjection(e, i, new FixedProb(0.05, 5)).E(0.).g_max(perElement).tau(5.)
        .coupling(Coupling.STAGED));
    net.add(new ExpCobaProjection(i, e, new FixedProb(0.05, 6)).E(-80.).g_max(6.7).tau(10.)
        .delaySteps(2).coupling(Coupling.STAGED));
    net.add(new ExpCobaProjection(i, i, new FixedProb(0.05, 7)).E(-80.).g_max(6.7).tau(10.)
        .coupling(Coupling.STAGED));
    return net;
  }

  private static LifGroup lif(String name, int size, Integrator method, Precision precision) {
    return new LifGroup(name, size, precision).V_rest(-60.).V_th(-50.).V_reset(-60.).tau(20.)
        .tau_ref(5.).method(method);
  }

  enum Way { KERNELS, DEBUG, REPORT, THREADS }

  static List<Object> run(Integrator method, Precision precision, Way way) {
    Network net = einet(method, precision);
    List<Object> state = new ArrayList<>();
    if (way == Way.REPORT) {
      ReportRunner runner = ReportRunner.builder(net).progress(null).input("E.input", 20.)
          .input("I.input", 20.).monitors("E.spike", "I.spike").build();
      runner.run(60.);
      state.add(runner.mon().spikes("E.spike"));
      state.add(runner.mon().spikes("I.spike"));
    } else {
      try (DSRunner runner = DSRunner.builder(net).jit(way != Way.DEBUG)
          .threads(way == Way.THREADS ? 3 : 1).input("E.input", 20.).input("I.input", 20.)
          .monitors("E.spike", "I.spike").build()) {
        runner.run(60.);
        state.add(runner.mon().spikes("E.spike"));
        state.add(runner.mon().spikes("I.spike"));
      }
    }
    for (NeuronGroup g : net.groups()) {
      state.add(g.variable("V").toDoubles());
      state.add(g.totalSpikes());
    }
    for (Projection p : net.projections()) {
      state.add(p.variable("g").toDoubles());
    }
    return state;
  }

  @ParameterizedTest
  @EnumSource(value = Integrator.class, names = {"EULER", "MIDPOINT", "RK3", "RK4", "RK4_38", "EXP_AUTO",
      "EXP_EULER"})
  void everyWayGivesTheKernelsResultsBitForBit(Integrator method) {
    for (Precision precision : Precision.values()) {
      List<Object> kernels = run(method, precision, Way.KERNELS);
      assertThat((long) kernels.get(3)).isGreaterThan(50L); // E spiked: delivery was exercised
      for (Way way : List.of(Way.DEBUG, Way.REPORT, Way.THREADS)) {
        assertWithMessage(method + " " + precision + " " + way)
            .that(Arrays.deepEquals(kernels.toArray(), run(method, precision, way).toArray()))
            .isTrue();
      }
    }
  }
}
