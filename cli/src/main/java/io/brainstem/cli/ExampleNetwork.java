package io.brainstem.cli;

import io.brainstem.mpi.DistributedNetwork;
import io.brainstem.mpi.Partition;
import io.brainstem.network.Network;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;
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
 * @param partitioned builds one rank's part of the same network for {@code run --mpi}
 *     (docs/scaling.md), or null when the network cannot be split over ranks
 */
public record ExampleNetwork(
    String name,
    String description,
    double durationMs,
    List<String> monitors,
    Map<String, Double> inputs,
    Function<NetworkOptions, ? extends Network> factory,
    BiFunction<NetworkOptions, Partition, ? extends DistributedNetwork> partitioned) {

  /** A network that runs in one process only. */
  public ExampleNetwork(String name, String description, double durationMs, List<String> monitors,
      Map<String, Double> inputs, Function<NetworkOptions, ? extends Network> factory) {
    this(name, description, durationMs, monitors, inputs, factory, null);
  }

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

  /** Whether {@code run --mpi} can split this network over ranks. */
  public boolean distributable() {
    return partitioned != null;
  }

  /**
   * Rank {@code partition.rank()}'s part of the network {@link #build} builds with the same
   * options.
   *
   * @throws IllegalArgumentException when the network cannot be split over ranks
   */
  public DistributedNetwork buildPart(NetworkOptions options, Partition partition) {
    if (partitioned == null) {
      throw new IllegalArgumentException("network '" + name + "' cannot be split over ranks (it "
          + "has no partitioned builder); run it without --mpi");
    }
    return partitioned.apply(options, partition);
  }
}
