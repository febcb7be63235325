package io.brainstem.examples;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.math.Rng;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.network.Network;

/**
 * The seed's E/I balanced network (BrainPy's {@code EINet}): 3200 excitatory and 800 inhibitory LIF
 * neurons, four conductance-based exponential projections with fixed connection probability 0.02.
 */
public class EINet extends Network {
  public final LifGroup E;
  public final LifGroup I;

  /** The seed's network: 3200 + 800 neurons, exp_auto, seed 42. */
  public EINet() {
    this(3200, 800, Integrator.EXP_AUTO, 42);
  }

  public EINet(int numExc, int numInh, Integrator method, long seed) {
    // neurons
    E = add(lif("E", numExc, method));
    I = add(lif("I", numInh, method));
    Rng rng = new Rng(seed);
    rng.fillNormal(E.V, -55., 2.); // E.V[:] = randn(num_exc) * 2 - 55
    rng.fillNormal(I.V, -55., 2.);

    // synapses
    add(exp(E, E, 0.02, seed + 1).E(0.).g_max(0.6).tau(5.).method(method));
    add(exp(E, I, 0.02, seed + 2).E(0.).g_max(0.6).tau(5.).method(method));
    add(exp(I, E, 0.02, seed + 3).E(-80.).g_max(6.7).tau(10.).method(method));
    add(exp(I, I, 0.02, seed + 4).E(-80.).g_max(6.7).tau(10.).method(method));
  }

  private static LifGroup lif(String name, int size, Integrator method) {
    return new LifGroup(name, size)
        .V_rest(-60.).V_th(-50.).V_reset(-60.).tau(20.).tau_ref(5.)
        .method(method);
  }

  private static ExpCobaProjection exp(LifGroup pre, LifGroup post, double prob, long seed) {
    return new ExpCobaProjection(pre, post, new FixedProb(prob, seed));
  }
}
