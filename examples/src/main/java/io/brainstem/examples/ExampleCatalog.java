package io.brainstem.examples;

import io.brainstem.cli.ExampleNetwork;
import io.brainstem.cli.NetworkOptions;
import io.brainstem.cli.NetworkProvider;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.math.Rng;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.mpi.DistributedNetwork;
import io.brainstem.mpi.Partition;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import java.util.List;
import java.util.Map;

/**
 * The example networks the command line runs ({@code brainstem list}): registered through
 * META-INF/services, so the CLI module knows nothing of this one.
 */
public final class ExampleCatalog implements NetworkProvider {
  /** EINet's excitatory and inhibitory weights (g_max) at scale 1. */
  private static final double EINET_WE = 0.6;
  private static final double EINET_WI = 6.7;

  /** Created by {@link java.util.ServiceLoader}. */
  public ExampleCatalog() {}

  @Override
  public List<ExampleNetwork> networks() {
    return List.of(
        new ExampleNetwork(
            "einet",
            "The seed's E/I balanced network: 3200 E + 800 I LIF neurons, ExpCOBA synapses, p = 0.02",
            100.,
            List.of("E.spike", "I.spike"),
            Map.of("E.input", 20., "I.input", 20.),
            ExampleCatalog::einet,
            ExampleCatalog::einetPart),
        new ExampleNetwork(
            "adaptation",
            "One AdaptiveLif neuron (spike-triggered adaptation current w) under a constant 30 mV input",
            500.,
            List.of("N.V", "N.w", "N.spike"),
            Map.of("N.input", 30.),
            ExampleCatalog::adaptation));
  }

  /**
   * The seed's EINet; {@code --scale} scales both groups and divides the synaptic weights by the
   * scale, as BrainPy's scaled COBA benchmark does, so each neuron's mean synaptic input stays the
   * same.
   */
  private static Network einet(NetworkOptions o) {
    EINet net = new EINet(o.scaled(3200), o.scaled(800), o.method(), o.seed());
    if (o.scale() != 1) {
      for (Projection p : net.projections()) {
        ExpCobaProjection syn = (ExpCobaProjection) p;
        syn.g_max((p.pre() == net.E ? EINET_WE : EINET_WI) / o.scale());
      }
    }
    return net;
  }

  /**
   * One rank's part of {@link #einet}: the same groups, synapses and initial voltages (drawn for
   * the whole groups, then sliced), so that the ranks together spike as the single-process run.
   */
  static DistributedNetwork einetPart(NetworkOptions o, Partition partition) {
    int ne = o.scaled(3200);
    int ni = o.scaled(800);
    DistributedNetwork net = new DistributedNetwork(partition);
    LifGroup e = net.addSlice(einetLif("E", net.sliceSize(ne), o.method()), ne);
    LifGroup i = net.addSlice(einetLif("I", net.sliceSize(ni), o.method()), ni);
    Rng rng = new Rng(o.seed());
    double[] ve = new double[ne];
    double[] vi = new double[ni];
    rng.fillNormal(ve, -55., 2.); // as EINet: E first, then I, from one generator
    rng.fillNormal(vi, -55., 2.);
    net.setSlice(e.variable("V"), ve);
    net.setSlice(i.variable("V"), vi);
    double we = EINET_WE / o.scale();
    double wi = EINET_WI / o.scale();
    long seed = o.seed();
    net.add(part(net, "E2E", e, e, seed + 1).E(0.).g_max(we).tau(5.).method(o.method()));
    net.add(part(net, "E2I", e, i, seed + 2).E(0.).g_max(we).tau(5.).method(o.method()));
    net.add(part(net, "I2E", i, e, seed + 3).E(-80.).g_max(wi).tau(10.).method(o.method()));
    net.add(part(net, "I2I", i, i, seed + 4).E(-80.).g_max(wi).tau(10.).method(o.method()));
    return net;
  }

  /** EINet's LIF neurons (as EINet.lif, which the tutorial quotes private). */
  private static LifGroup einetLif(String name, int size, io.brainstem.annotations.Integrator method) {
    return new LifGroup(name, size)
        .V_rest(-60.).V_th(-50.).V_reset(-60.).tau(20.).tau_ref(5.)
        .method(method);
  }

  private static ExpCobaProjection part(DistributedNetwork net, String name, NeuronGroup pre,
      NeuronGroup post, long seed) {
    return new ExpCobaProjection(name, net.all(pre), post, net.onto(post, new FixedProb(0.02, seed)));
  }

  private static Network adaptation(NetworkOptions o) {
    Network net = new Network();
    net.add(new AdaptiveLifGroup("N", o.scaled(1)).method(o.method()));
    return net;
  }
}
