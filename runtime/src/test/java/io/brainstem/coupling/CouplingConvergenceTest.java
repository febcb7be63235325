package io.brainstem.coupling;

import static com.google.common.truth.Truth.assertWithMessage;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.All2All;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.network.Coupling;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import io.brainstem.sources.SpikeTimeGroup;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The order in dt of the membrane potential under each coupling: a passive membrane (LIF without a
 * reachable threshold) driven by a decaying conductance {@code g(0) = 2}, {@code tau_g = 5 ms},
 * {@code E = 0}, from V = -60 over 8 ms, against STAGED RK4 at dt/256. HELD is first order whatever
 * the method (the output is held over the step); STAGED keeps the method's order.
 */
class CouplingConvergenceTest {
  static final double T = 8.0;
  static final double[] DTS = {0.4, 0.2, 0.1, 0.05};

  static double finalV(Integrator method, Coupling coupling, double dt) {
    Network net = new Network();
    SpikeTimeGroup silent = net.add(new SpikeTimeGroup("S", 1, new double[0], new int[0]));
    LifGroup p = net.add(new LifGroup("P", 1).V_rest(-60).tau(20).V_th(1e9).method(method));
    p.V[0] = -60;
    ExpCobaProjection syn = net.add(new ExpCobaProjection(silent, p, new All2All()).tau(5).E(0)
        .method(method).coupling(coupling));
    syn.g[0] = 2.0;
    DSRunner runner = DSRunner.builder(net).dt(dt).build();
    runner.run(T);
    return p.V[0];
  }

  /** log2 of successive error ratios, averaged over the last two halvings. */
  static double order(Integrator method, Coupling coupling, double reference) {
    double[] errors = new double[DTS.length];
    for (int n = 0; n < DTS.length; n++) {
      errors[n] = Math.abs(finalV(method, coupling, DTS[n]) - reference);
    }
    int last = DTS.length - 1;
    double order = (log2(errors[last - 2] / errors[last - 1])
        + log2(errors[last - 1] / errors[last])) / 2;
    System.out.printf("%-8s %-6s errors at dt %s: %s, order %.2f%n", method, coupling,
        Arrays.toString(DTS), Arrays.toString(errors), order);
    return order;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void heldIsFirstOrderAndStagedKeepsTheMethodsOrder() {
    double reference = finalV(Integrator.RK4, Coupling.STAGED, DTS[0] / 256);
    check(Integrator.EULER, Coupling.HELD, reference, 1);
    check(Integrator.MIDPOINT, Coupling.HELD, reference, 1);
    check(Integrator.RK4, Coupling.HELD, reference, 1);
    check(Integrator.EULER, Coupling.STAGED, reference, 1);
    check(Integrator.MIDPOINT, Coupling.STAGED, reference, 2);
    check(Integrator.HEUN, Coupling.STAGED, reference, 2);
    check(Integrator.RK3, Coupling.STAGED, reference, 3);
    check(Integrator.RK4, Coupling.STAGED, reference, 4);
    check(Integrator.RK4_38, Coupling.STAGED, reference, 4);
    // Exponential Euler is first order either way (STAGED holds g at the step's start, as
    // Brian2's exponential_euler does, with -g in V's linear part).
    check(Integrator.EXP_AUTO, Coupling.HELD, reference, 1);
    check(Integrator.EXP_AUTO, Coupling.STAGED, reference, 1);
    check(Integrator.EXP_EULER, Coupling.STAGED, reference, 1);
  }

  private static void check(Integrator method, Coupling coupling, double reference, int expected) {
    assertWithMessage(method + " " + coupling).that(order(method, coupling, reference))
        .isWithin(0.2).of(expected);
  }
}
