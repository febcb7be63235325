package io.brainstem.examples.cli;

import io.brainstem.examples.AdaptiveLifGroup;
import io.brainstem.examples.EINet;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.network.Names;
import io.brainstem.network.Network;
import io.brainstem.network.Projection;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The networks {@code brainstem list} shows and {@code brainstem run} accepts, by name. Names are
 * matched case-insensitively. To add one, {@link #register} it (here, or from your own code before
 * calling {@link BrainstemCli#execute}).
 */
public final class ExampleNetworks {
  private static final Map<String, ExampleNetwork> BY_KEY = new LinkedHashMap<>();
  /** EINet's excitatory and inhibitory weights (g_max) at scale 1. */
  private static final double EINET_WE = 0.6;
  private static final double EINET_WI = 6.7;

  static {
    register(new ExampleNetwork(
        "einet",
        "The seed's E/I balanced network: 3200 E + 800 I LIF neurons, ExpCOBA synapses, p = 0.02",
        100.,
        List.of("E.spike", "I.spike"),
        Map.of("E.input", 20., "I.input", 20.),
        ExampleNetworks::einet));
    register(new ExampleNetwork(
        "adaptation",
        "One AdaptiveLif neuron (spike-triggered adaptation current w) under a constant 30 mV input",
        500.,
        List.of("N.V", "N.w", "N.spike"),
        Map.of("N.input", 30.),
        ExampleNetworks::adaptation));
  }

  private ExampleNetworks() {}

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

  private static Network adaptation(NetworkOptions o) {
    Network net = new Network();
    net.add(new AdaptiveLifGroup("N", o.scaled(1)).method(o.method()));
    return net;
  }

  /**
   * Adds a network to the registry.
   *
   * @throws IllegalArgumentException if a network of that name (in any case) is already registered
   */
  public static synchronized void register(ExampleNetwork network) {
    String key = network.name().toLowerCase(Locale.ROOT);
    if (BY_KEY.putIfAbsent(key, network) != null) {
      throw new IllegalArgumentException("a network named '" + network.name() + "' is already registered");
    }
  }

  /** Every registered network, in registration order. */
  public static synchronized List<ExampleNetwork> all() {
    return List.copyOf(BY_KEY.values());
  }

  /**
   * The network called {@code name} (any case).
   *
   * @throws IllegalArgumentException naming the closest registered network when there is none
   */
  public static synchronized ExampleNetwork get(String name) {
    ExampleNetwork network = BY_KEY.get(name.toLowerCase(Locale.ROOT));
    if (network == null) {
      Collection<String> names = all().stream().map(ExampleNetwork::name).toList();
      String closest = Names.closest(name, names);
      throw new IllegalArgumentException("unknown network '" + name + "'"
          + (closest == null ? "" : "; did you mean '" + closest + "'?")
          + " (networks: " + String.join(", ", names) + "; see 'brainstem list')");
    }
    return network;
  }
}
