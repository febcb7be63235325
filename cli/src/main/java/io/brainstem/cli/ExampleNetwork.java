package io.brainstem.cli;

import io.brainstem.network.Network;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A network the command line can run: how to build it and what a run records and feeds it unless
 * the user says otherwise.
 *
 * @param name what users type, e.g. {@code einet}
 * @param description one line for {@code brainstem list}
 * @param durationMs the default duration of a run
 * @param monitors the default monitors (dotted paths)
 * @param inputs the default constant inputs, path → value added every step
 * @param factory builds a fresh network
 */
public record ExampleNetwork(
    String name,
    String description,
    double durationMs,
    List<String> monitors,
    Map<String, Double> inputs,
    Function<NetworkOptions, ? extends Network> factory) {

  /** Checks the name, description and factory, and keeps copies of the defaults. */
  public ExampleNetwork {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(factory, "factory");
    monitors = List.copyOf(monitors);
    inputs = Collections.unmodifiableMap(new TreeMap<>(inputs)); // sorted: stable listings
  }

  /** A fresh network built with {@code options}. */
  public Network build(NetworkOptions options) {
    return factory.apply(options);
  }
}
