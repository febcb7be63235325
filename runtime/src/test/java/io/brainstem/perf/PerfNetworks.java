package io.brainstem.perf;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.connectivity.SynapseInit;
import io.brainstem.math.Rng;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.ExpCubaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.models.WeightedExpCobaProjection;
import io.brainstem.network.Network;
import io.brainstem.network.Precision;
import io.brainstem.network.Variable;

/** The seed's EINet shape at a chosen size, from the model library (generated kernels). */
final class PerfNetworks {
  private PerfNetworks() {}

  static Network einet(int numExc, int numInh, double prob) {
    return einet(numExc, numInh, prob, Precision.DOUBLE);
  }

  static Network einet(int numExc, int numInh, double prob, Precision precision) {
    Network net = new Network(precision);
    LifGroup e = net.add(lif("E", numExc, precision));
    LifGroup i = net.add(lif("I", numInh, precision));
    Rng rng = new Rng(3);
    fillNormal(rng, e, -55., 2.);
    fillNormal(rng, i, -55., 2.);
    net.add(new ExpCobaProjection(e, e, new FixedProb(prob, 4)).E(0.).g_max(0.6).tau(5.));
    net.add(new ExpCobaProjection(e, i, new FixedProb(prob, 5)).E(0.).g_max(0.6).tau(5.));
    net.add(new ExpCobaProjection(i, e, new FixedProb(prob, 6)).E(-80.).g_max(6.7).tau(10.));
    net.add(new ExpCobaProjection(i, i, new FixedProb(prob, 7)).E(-80.).g_max(6.7).tau(10.));
    return net;
  }

  /**
   * {@link #einet} with one weight per synapse ({@code WeightedExpCoba}): lognormal weights with
   * the median of the lumped network's g_max, seeded by the projections' names.
   */
  static Network einetWeighted(int numExc, int numInh, double prob, Precision precision) {
    Network net = new Network(precision);
    LifGroup e = net.add(lif("E", numExc, precision));
    LifGroup i = net.add(lif("I", numInh, precision));
    Rng rng = new Rng(3);
    fillNormal(rng, e, -55., 2.);
    fillNormal(rng, i, -55., 2.);
    SynapseInit exc = SynapseInit.lognormal(Math.log(0.6), 0.3);
    SynapseInit inh = SynapseInit.lognormal(Math.log(6.7), 0.3);
    net.add(new WeightedExpCobaProjection(e, e, new FixedProb(prob, 4)).E(0.).w(exc).tau(5.));
    net.add(new WeightedExpCobaProjection(e, i, new FixedProb(prob, 5)).E(0.).w(exc).tau(5.));
    net.add(new WeightedExpCobaProjection(i, e, new FixedProb(prob, 6)).E(-80.).w(inh).tau(10.));
    net.add(new WeightedExpCobaProjection(i, i, new FixedProb(prob, 7)).E(-80.).w(inh).tau(10.));
    return net;
  }

  /**
   * {@link #einetWeighted} with additive STDP ({@code StdpSong2000}, gmax 1.2) on E→E: every kind
   * of event (once-per-spike traces, per-synapse @OnPre, @OnPost by the by-postsynaptic index).
   */
  static Network einetPlastic(int numExc, int numInh, double prob, Precision precision) {
    Network net = new Network(precision);
    LifGroup e = net.add(lif("E", numExc, precision));
    LifGroup i = net.add(lif("I", numInh, precision));
    Rng rng = new Rng(3);
    fillNormal(rng, e, -55., 2.);
    fillNormal(rng, i, -55., 2.);
    SynapseInit exc = SynapseInit.lognormal(Math.log(0.6), 0.3);
    SynapseInit inh = SynapseInit.lognormal(Math.log(6.7), 0.3);
    net.add(new io.brainstem.models.StdpSong2000Projection(e, e, new FixedProb(prob, 4)).E(0.)
        .gmax(1.2).dApre(0.012).dApost(-0.0126).w(exc).tau(5.));
    net.add(new WeightedExpCobaProjection(e, i, new FixedProb(prob, 5)).E(0.).w(exc).tau(5.));
    net.add(new WeightedExpCobaProjection(i, e, new FixedProb(prob, 6)).E(-80.).w(inh).tau(10.));
    net.add(new WeightedExpCobaProjection(i, i, new FixedProb(prob, 7)).E(-80.).w(inh).tau(10.));
    return net;
  }

  /**
   * CUBA's shape: every input with one current synapse ({@code ExpCuba}) and nothing else writing
   * it, so that the groups' loops take them in ({@code FusedInputs.inLoop}). A ring D → E → I ⊣ D:
   * D's rest above threshold drives it, I inhibits it; sizes with scalar tails on 4 and 8 lanes.
   */
  static Network cubaRing() {
    Network net = new Network();
    LifGroup d = net.add(lif("D", 130, Precision.DOUBLE).V_rest(-45.));
    LifGroup e = net.add(lif("E", 402, Precision.DOUBLE));
    LifGroup i = net.add(lif("I", 101, Precision.DOUBLE));
    Rng rng = new Rng(5);
    fillNormal(rng, d, -55., 3.);
    fillNormal(rng, e, -55., 2.);
    fillNormal(rng, i, -55., 2.);
    net.add(new ExpCubaProjection(d, e, new FixedProb(0.1, 8)).g_max(4.).tau(5.));
    net.add(new ExpCubaProjection(e, i, new FixedProb(0.1, 9)).g_max(3.).tau(5.));
    net.add(new ExpCubaProjection(i, d, new FixedProb(0.2, 10)).g_max(-6.).tau(10.));
    return net;
  }

  /** V from N(mean, sd), the same draws under either precision. */
  private static void fillNormal(Rng rng, LifGroup g, double mean, double sd) {
    double[] v = new double[g.size()];
    rng.fillNormal(v, mean, sd);
    Variable target = g.variable("V");
    for (int k = 0; k < v.length; k++) {
      target.set(k, v[k]);
    }
  }

  private static LifGroup lif(String name, int size, Precision precision) {
    return new LifGroup(name, size, precision).V_rest(-60.).V_th(-50.).V_reset(-60.).tau(20.).tau_ref(5.);
  }
}
