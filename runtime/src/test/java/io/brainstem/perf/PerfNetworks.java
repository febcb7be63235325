package io.brainstem.perf;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.math.Rng;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.network.Network;

/** The seed's EINet shape at a chosen size, from the model library (generated kernels). */
final class PerfNetworks {
  private PerfNetworks() {}

  static Network einet(int numExc, int numInh, double prob) {
    Network net = new Network();
    LifGroup e = net.add(lif("E", numExc));
    LifGroup i = net.add(lif("I", numInh));
    Rng rng = new Rng(3);
    rng.fillNormal(e.V, -55., 2.);
    rng.fillNormal(i.V, -55., 2.);
    net.add(new ExpCobaProjection(e, e, new FixedProb(prob, 4)).E(0.).g_max(0.6).tau(5.));
    net.add(new ExpCobaProjection(e, i, new FixedProb(prob, 5)).E(0.).g_max(0.6).tau(5.));
    net.add(new ExpCobaProjection(i, e, new FixedProb(prob, 6)).E(-80.).g_max(6.7).tau(10.));
    net.add(new ExpCobaProjection(i, i, new FixedProb(prob, 7)).E(-80.).g_max(6.7).tau(10.));
    return net;
  }

  private static LifGroup lif(String name, int size) {
    return new LifGroup(name, size).V_rest(-60.).V_th(-50.).V_reset(-60.).tau(20.).tau_ref(5.);
  }
}
