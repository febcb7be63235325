package io.brainstem.cli;

import io.brainstem.network.Names;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The networks {@code brainstem list} shows and {@code brainstem run} accepts, by name. Names are
 * matched case-insensitively. Every {@link NetworkProvider} on the classpath registers its networks
 * when this class loads; code of your own can also {@link #register} one before calling {@link
 * BrainstemCli#execute}.
 */
public final class ExampleNetworks {
  private static final Map<String, ExampleNetwork> BY_KEY = new LinkedHashMap<>();

  static {
    for (NetworkProvider provider : ServiceLoader.load(NetworkProvider.class)) {
      provider.networks().forEach(ExampleNetworks::register);
    }
  }

  private ExampleNetworks() {}

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
