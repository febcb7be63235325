package io.brainstem.mpi;

import io.brainstem.connectivity.Connector;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Precision;
import io.brainstem.network.Projection;
import io.brainstem.network.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One rank's part of a network split over ranks (docs/scaling.md): for every group, the slice of
 * neurons this rank owns ({@link #addSlice}) and a {@link SpikeMirror} of the whole group; every
 * projection runs from a mirror to an owned slice and holds only the synapses onto that slice
 * ({@link #onto}), postsynaptic-side storage as in NEST. Built on every rank with the same seeds
 * and sizes, the slices together are the single-process network: the same synapses, the same
 * initial states (draw the whole group's values, keep the slice: {@link #setSlice}), and with
 * {@link MpiRunner} the same spikes.
 *
 * <pre>{@code
 * DistributedNetwork net = new DistributedNetwork(Partition.of(comm));
 * LifGroup e = net.addSlice(new LifGroup("E", net.sliceSize(3200)), 3200);
 * double[] v = new double[3200];
 * new Rng(seed).fillNormal(v, -55, 2);
 * net.setSlice(e.variable("V"), v);
 * net.add(new ExpCobaProjection("E2E", net.all(e), e, net.onto(e, new FixedProb(0.02, seed + 1))));
 * }</pre>
 */
public class DistributedNetwork extends Network {
  private final Partition partition;
  private final Map<NeuronGroup, SpikeMirror> mirrors = new LinkedHashMap<>();
  private final Map<NeuronGroup, Slice> slices = new LinkedHashMap<>();
  private final Map<String, Integer> globalSizes = new LinkedHashMap<>();
  private final List<String> connectors = new ArrayList<>();

  /** This rank's part of a double-precision network split by {@code partition}. */
  public DistributedNetwork(Partition partition) {
    this(partition, Precision.DOUBLE);
  }

  /** This rank's part of a network storing its state with {@code precision}. */
  public DistributedNetwork(Partition partition, Precision precision) {
    super(precision);
    this.partition = Objects.requireNonNull(partition, "partition");
  }

  /** How the groups are split, and this rank's place in it. */
  public final Partition partition() {
    return partition;
  }

  /** The number of neurons this rank owns of a group of {@code globalSize}: construct its slice with it. */
  public final int sliceSize(int globalSize) {
    return partition.slice(globalSize).size();
  }

  /**
   * Adds {@code local}, this rank's slice of a group of {@code globalSize} neurons, and the
   * {@link SpikeMirror} of the whole group (named {@code name@all}); returns {@code local}.
   *
   * @throws IllegalArgumentException if {@code local}'s size is not this rank's slice of {@code globalSize}
   */
  public final <G extends NeuronGroup> G addSlice(G local, int globalSize) {
    Objects.requireNonNull(local, "local group");
    Slice slice = partition.slice(globalSize);
    if (local.size() != slice.size()) {
      throw new IllegalArgumentException("group " + local.name() + " has " + local.size()
          + " neurons but rank " + partition.rank() + " of " + partition.ranks() + " owns "
          + slice.size() + " of " + globalSize + " (neurons " + slice.from() + ".." + (slice.to() - 1)
          + "); construct it with sliceSize(" + globalSize + ")");
    }
    add(local);
    SpikeMirror mirror = add(new SpikeMirror(local, globalSize));
    mirrors.put(local, mirror);
    slices.put(local, slice);
    globalSizes.put(local.name(), globalSize);
    return local;
  }

  /** The presynaptic side of projections from {@code local}'s group: every neuron's spikes. */
  public final SpikeMirror all(NeuronGroup local) {
    SpikeMirror m = mirrors.get(local);
    if (m == null) {
      throw new IllegalArgumentException("group " + local.name() + " was not added with addSlice; "
          + "add each group with addSlice(group, globalSize) before connecting it");
    }
    return m;
  }

  /** The neurons of its whole group that {@code local} holds on this rank. */
  public final Slice slice(NeuronGroup local) {
    all(local); // checks it was added with addSlice
    return slices.get(local);
  }

  /** The size of the whole group {@code local} is a slice of. */
  public final int globalSize(NeuronGroup local) {
    return all(local).size();
  }

  /**
   * The synapses of {@code connector} onto {@code local}'s neurons: the columns of the whole
   * group's matrix this rank owns ({@link Connector#buildPostSlice}), for a projection from a
   * mirror ({@link #all}) to {@code local}.
   */
  public final Connector onto(NeuronGroup local, Connector connector) {
    Objects.requireNonNull(connector, "connector");
    Slice slice = slice(local);
    int globalPost = globalSize(local);
    connectors.add(local.name() + "<-" + describe(connector));
    return (preSize, postSize) -> {
      if (postSize != slice.size()) {
        throw new IllegalArgumentException("the connector onto(" + local.name() + ", " + connector
            + ") was used for a projection onto a group of " + postSize + " neurons; use it for a "
            + "projection onto " + local.name());
      }
      return connector.buildPostSlice(preSize, globalPost, slice.from(), slice.to());
    };
  }

  /**
   * A connector as every rank describes it alike: its own {@code toString()} (the library's
   * connectors name their parameters and seed), else its class name without the lambda's
   * per-process suffix.
   */
  private static String describe(Connector connector) {
    try {
      if (connector.getClass().getMethod("toString").getDeclaringClass() != Object.class) {
        return connector.toString();
      }
    } catch (NoSuchMethodException impossible) {
      // every class has toString
    }
    String name = connector.getClass().getName();
    int lambda = name.indexOf("$$Lambda");
    return lambda < 0 ? name : name.substring(0, lambda) + "$$Lambda";
  }

  /**
   * Sets the slice of {@code variable} (of a group added with {@link #addSlice}, or of a
   * projection onto one, per postsynaptic neuron) from the values of the whole group.
   */
  public final void setSlice(Variable variable, double[] wholeGroup) {
    NeuronGroup owner = ownerOf(variable);
    Slice slice = slice(owner);
    if (wholeGroup.length != globalSize(owner) || variable.size() != slice.size()) {
      throw new IllegalArgumentException(variable.path() + ": give one value per neuron of the whole "
          + "group (" + globalSize(owner) + "), got " + wholeGroup.length);
    }
    for (int i = 0; i < slice.size(); i++) {
      variable.set(i, wholeGroup[slice.from() + i]);
    }
  }

  private NeuronGroup ownerOf(Variable variable) {
    String owner = variable.path().substring(0, variable.path().indexOf('.'));
    for (NeuronGroup g : slices.keySet()) {
      if (g.name().equals(owner)) {
        return g;
      }
    }
    for (Projection p : projections()) {
      if (p.name().equals(owner) && slices.containsKey(p.post())) {
        return p.post();
      }
    }
    throw new IllegalArgumentException(variable.path() + " belongs to no group added with "
        + "addSlice and no projection onto one");
  }

  /** The groups this rank owns slices of, in the order added. */
  public final List<NeuronGroup> slicedGroups() {
    return Collections.unmodifiableList(new ArrayList<>(slices.keySet()));
  }

  /**
   * A hash of what every rank must build alike: the groups' names, models and whole sizes, the
   * projections' names, models and ends, the connectors (with their seeds), and the number of
   * ranks. {@link MpiRunner} compares it across ranks at the first exchange.
   */
  public final long fingerprint() {
    StringBuilder b = new StringBuilder().append(partition.ranks()).append(';');
    for (NeuronGroup g : groups()) {
      b.append(g.name()).append(':').append(g.model()).append(':')
          .append(g instanceof SpikeMirror ? g.size() : globalSizes.getOrDefault(g.name(), -1)).append(';');
    }
    for (Projection p : projections()) {
      b.append(p.name()).append(':').append(p.model()).append(':').append(p.pre().name())
          .append("->").append(p.post().name()).append(';');
    }
    connectors.forEach(c -> b.append(c).append(';'));
    long h = 1125899906842597L;
    for (int i = 0; i < b.length(); i++) {
      h = 31 * h + b.charAt(i);
    }
    return h;
  }

  /** A description of what {@link #fingerprint} hashes, for the message when ranks disagree. */
  public final String describe() {
    StringBuilder b = new StringBuilder();
    for (NeuronGroup g : slices.keySet()) {
      b.append(g.name()).append('[').append(globalSize(g)).append("] ");
    }
    b.append(connectors);
    return b.toString();
  }
}
