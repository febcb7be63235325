package io.brainstem.grad;

import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Precision;
import io.brainstem.network.Projection;
import io.brainstem.network.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Back-propagation through time over a user's {@link Network}: runs it forward for {@code T} steps
 * (its step: every projection in the order added, reading last step's spikes, then every group),
 * stores each step's states, and runs the steps backwards through the generated backward steps of
 * its groups ({@code <Model>Backward}) and projections ({@link Backwards#of(Projection)}, with
 * {@link ProjectionBackward}'s gather over the connectivity), giving the gradient of a loss with
 * respect to every trainable parameter ({@link Network#trainableParameters()}).
 *
 * <p>Input groups ({@link Builder#input}) are not stepped: a {@link Feed} sets their spikes before
 * each step's projections (spikes set for step {@code t} are delivered in step {@code t}). The
 * loss is the caller's: an {@link Observer} reads what it needs after each step (spike flags,
 * states), and in the backward pass an {@link Adjoint} adds {@code ∂L/∂S} and {@code ∂L/∂x} of
 * that step into {@link #spikeAdjoint} and {@link #stateAdjoint}. Each {@link #forward} starts from
 * the state the network had when this was built. Runs longer than {@link Builder#maxStoredSteps}
 * keep a checkpoint per segment and recompute each segment backwards (memory bounded by the
 * setting; the gradients have the same bits). Gradients add up over {@link #backward} calls until
 * {@link #zeroGradients}; ranges on any number of threads give the same bits.
 */
public final class NetworkGradient implements AutoCloseable {
  /** Sets the input groups' spikes (and may add currents to inputs) for step {@code t}. */
  @FunctionalInterface
  public interface Feed {
    /**
     * Called before step {@code t}'s projections, after the inputs were cleared; called again for
     * the same {@code t} when a segment is recomputed, so it must depend on {@code t} alone.
     *
     * @param t the step
     */
    void feed(int t);
  }

  /** Reads the network after each step of a {@link #forward} pass (not during recomputation). */
  @FunctionalInterface
  public interface Observer {
    /**
     * Reads the network after step {@code t}.
     *
     * @param t the step just taken
     */
    void observe(int t);
  }

  /** Adds the loss's adjoints of a step, during {@link #backward}. */
  @FunctionalInterface
  public interface Adjoint {
    /**
     * Adds {@code ∂L/∂S} and {@code ∂L/∂x} of step {@code t} (states after the step) into the
     * arrays of {@link #spikeAdjoint} and {@link #stateAdjoint}.
     *
     * @param t the step, from {@code T − 1} down to 0
     * @param gradient the engine, whose adjoint arrays to add to
     */
    void add(int t, NetworkGradient gradient);
  }

  private final Network network;
  private final double dt;
  private final int maxStoredSteps;
  private final List<GroupTape> groups = new ArrayList<>();
  private final List<GroupTape> stepped = new ArrayList<>();
  private final Map<NeuronGroup, GroupTape> byGroup = new LinkedHashMap<>();
  private final List<ProjectionTape> projections = new ArrayList<>();
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();
  private final Snapshot start;
  private final Ranges ranges;
  private Snapshot[] checkpoints = new Snapshot[0];
  private long recomputeNanos; // CPU time of the segments recomputed by backward passes
  private int steps;
  private int segment;
  private Feed feed;

  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /**
   * The CPU time (of the calling thread) that backward passes so far spent recomputing segments
   * from their checkpoints (runs longer than {@code maxStoredSteps}), in nanoseconds.
   *
   * @return the sum over the backward passes
   */
  public long recomputeNanos() {
    return recomputeNanos;
  }

  /** A trainable parameter: its values (live) and gradient (accumulated). */
  private record Parameter(double[] values, double[] gradient, Runnable collect, Runnable apply) {}

  private NetworkGradient(Builder b) {
    this.network = b.network;
    this.dt = b.dt;
    this.maxStoredSteps = b.maxStoredSteps;
    network.validate();
    if (network.precision() != Precision.DOUBLE) {
      throw new IllegalArgumentException("network " + network + " runs in " + network.precision()
          + "; back-propagation through time runs in double: build it with Precision.DOUBLE");
    }
    for (String name : b.inputs) {
      network.group(name); // names the choices when unknown
    }
    if (network.trainableParameters().isEmpty()) {
      throw new IllegalArgumentException("network " + network + " has nothing trainable: declare"
          + " @Trainable on a @Param (lumped, or @PerSynapse weights), or mark a parameter at run"
          + " time, e.g. group.params().markTrainable(group.params().indexOf(\"tau\"))");
    }
    Backwards.requireAll(network);
    for (NeuronGroup g : network.groups()) {
      boolean input = b.inputs.contains(g.name());
      GroupTape tape = new GroupTape(g, input ? null : Backwards.of(g), b.surrogate,
          b.detachReset);
      groups.add(tape);
      byGroup.put(g, tape);
      if (!input) {
        stepped.add(tape);
      }
    }
    for (Projection p : network.projections()) {
      projections.add(new ProjectionTape(p, byGroup.get(p.pre()), byGroup.get(p.post())));
    }
    for (GroupTape g : stepped) {
      for (String name : g.group.trainable()) {
        lumped(g.group.name() + "." + name, g.group.params(), g.step, g.frame, null);
      }
    }
    for (GroupTape g : groups) {
      if (g.step == null && !g.group.trainable().isEmpty()) {
        throw new IllegalArgumentException("input group " + g.group.name() + " has trainable "
            + g.group.trainable() + ", but an input group is fed, not stepped: unmark them");
      }
    }
    for (ProjectionTape p : projections) {
      for (String name : p.projection.trainable()) {
        String path = p.projection.name() + "." + name;
        if (p.stp != null && p.stp.synapseParams().contains(name)) {
          double[] own = p.frame.gradSynapse[p.stp.synapseParams().indexOf(name)];
          double[] gradient = new double[own.length];
          parameters.put(path, new Parameter(p.projection.doubles(name), gradient, () -> {
            for (int k = 0; k < own.length; k++) {
              gradient[k] += own[k];
            }
          }, () -> {}));
        } else if (p.projection.isPerSynapse(name)) {
          int q = perSynapseWeight(p, name);
          parameters.put(path, new Parameter(p.synapseWeights[q], p.synapseGradient[q], () -> {},
              () -> {}));
        } else {
          int index = p.projection.params().indexOf(name);
          double[] perPost = null;
          for (int q = 0; q < p.delivered(); q++) {
            perPost = p.lumpedIndex[q] == index ? p.lumpedGradient[q] : perPost;
          }
          lumped(path, p.projection.params(), p.step, p.frame, perPost);
        }
      }
    }
    this.start = new Snapshot();
    this.ranges = new Ranges(b.threads);
  }

  private static int perSynapseWeight(ProjectionTape p, String name) {
    for (int q = 0; q < p.delivered(); q++) {
      if (p.synapseWeights[q] == p.projection.doubles(name)) {
        return q;
      }
    }
    throw new IllegalArgumentException("projection " + p.projection.name() + " marks " + name
        + " trainable per synapse, but it is not what a spike adds (the weight); the network"
        + " engine trains per-synapse weights only: unmark " + name);
  }

  /** A lumped parameter: one value, applied to every element; gradient summed over them. */
  private void lumped(String path, io.brainstem.network.Parameters params, BackwardStep step,
      AdjointFrame frame, double[] perPost) {
    int index = params.indexOf(path.substring(path.indexOf('.') + 1));
    int p = step.params().indexOf(params.names().get(index));
    double[] value = {params.value(index, 0)};
    double[] gradient = new double[1];
    Runnable collect = () -> {
      double sum = p < 0 ? 0 : frame.parameterGradient(p);
      if (perPost != null) {
        for (double g : perPost) {
          sum += g;
        }
      }
      gradient[0] += sum;
    };
    parameters.put(path, new Parameter(value, gradient, collect,
        () -> params.set(index, value[0])));
  }

  /**
   * A builder over {@code network}.
   *
   * @param network the network to differentiate
   * @return the builder
   */
  public static Builder builder(Network network) {
    return new Builder(network);
  }

  /**
   * Every trainable parameter's path, as {@link Network#trainableParameters()} lists them.
   *
   * @return the paths
   */
  public List<String> parameters() {
    return List.copyOf(parameters.keySet());
  }

  /**
   * The values of a trainable parameter, live: a per-synapse weight's array (CSR order, the
   * projection's own), or one value for a lumped parameter, written into the model at each
   * {@link #forward}. An optimizer updates them in place.
   *
   * @param path e.g. {@code "H.tau"}, {@code "In2H.w"}
   * @return the array
   */
  public double[] values(String path) {
    return parameter(path).values();
  }

  /**
   * The gradient of a trainable parameter, the same length as {@link #values}, accumulated by
   * {@link #backward} until {@link #zeroGradients}.
   *
   * @param path the parameter's path
   * @return the array (live)
   */
  public double[] gradient(String path) {
    return parameter(path).gradient();
  }

  private Parameter parameter(String path) {
    Parameter p = parameters.get(path);
    if (p == null) {
      throw new IllegalArgumentException("no trainable parameter " + path + "; the network's: "
          + parameters.keySet());
    }
    return p;
  }

  /** Sets every gradient to zero. */
  public void zeroGradients() {
    for (Parameter p : parameters.values()) {
      Arrays.fill(p.gradient(), 0);
    }
  }

  /**
   * The step size.
   *
   * @return dt
   */
  public double dt() {
    return dt;
  }

  /**
   * {@code ∂L/∂S} of {@code group}'s spikes in the step being differentiated, to add to (only
   * during {@link Adjoint#add}).
   *
   * @param group a stepped group of the network
   * @return its array, one per element
   */
  public double[] spikeAdjoint(NeuronGroup group) {
    return tape(group).frame.adjSpike;
  }

  /**
   * {@code ∂L/∂x} of {@code group}'s state {@code state} after the step being differentiated, to
   * add to (only during {@link Adjoint#add}).
   *
   * @param group a stepped group
   * @param state a state of its model, e.g. {@code "V"}
   * @return its array, one per element
   */
  public double[] stateAdjoint(NeuronGroup group, String state) {
    GroupTape g = tape(group);
    int s = g.step.states().indexOf(state);
    if (s < 0) {
      throw new IllegalArgumentException("group " + group.name() + " has no state " + state
          + "; its states: " + g.step.states());
    }
    return g.frame.adjState[s];
  }

  private GroupTape tape(NeuronGroup group) {
    GroupTape g = byGroup.get(group);
    if (g == null || g.step == null) {
      throw new IllegalArgumentException("group " + (group == null ? null : group.name())
          + " is not a stepped group of " + network + "; stepped: "
          + stepped.stream().map(t -> t.group.name()).toList());
    }
    return g;
  }

  /**
   * Runs {@code steps} steps from the start state, storing what {@link #backward} needs.
   *
   * @param steps T
   * @param feed sets the input groups' spikes each step
   * @param observer reads each step's result (null for none)
   */
  public void forward(int steps, Feed feed, Observer observer) {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, got " + steps);
    }
    this.steps = steps;
    this.feed = Objects.requireNonNull(feed, "feed");
    this.segment = Math.min(steps, maxStoredSteps);
    int segments = (steps + segment - 1) / segment;
    for (GroupTape g : groups) {
      g.allocate(segment);
    }
    for (ProjectionTape p : projections) {
      p.allocate(segment);
    }
    if (checkpoints.length != segments) {
      checkpoints = new Snapshot[segments];
    }
    start.restore();
    for (Parameter p : parameters.values()) {
      p.apply().run();
    }
    int last = segments - 1;
    for (int t = 0; t < steps; t++) {
      if (t % segment == 0 && segments > 1) {
        if (checkpoints[t / segment] == null) {
          checkpoints[t / segment] = new Snapshot();
        }
        checkpoints[t / segment].capture();
      }
      step(t, t / segment == last ? t % segment : -1);
      if (observer != null) {
        observer.observe(t);
      }
    }
  }

  /** One step of the network, stored at tape position {@code k} (or not, for -1). */
  private void step(int t, int k) {
    network.clearInputs();
    feed.feed(t);
    if (k >= 0) {
      for (GroupTape g : groups) {
        if (g.step != null) {
          g.recordStart(k);
        } else {
          System.arraycopy(g.group.spike, 0, g.spikeTape[k], 0, g.n);
        }
      }
      for (ProjectionTape p : projections) {
        p.recordStart(k);
      }
    }
    for (ProjectionTape p : projections) {
      p.projection.update(t * dt, dt, true);
    }
    for (GroupTape g : stepped) {
      if (k >= 0) {
        g.recordInputs(k, t * dt, dt);
      }
      g.group.update(t * dt, dt, true);
    }
  }

  /**
   * The backward pass of the last {@link #forward}: adds the gradients of the loss whose
   * adjoints {@code adjoint} gives to every trainable parameter's {@link #gradient}.
   *
   * @param adjoint the loss's adjoints per step
   */
  public void backward(Adjoint adjoint) {
    if (feed == null) {
      throw new IllegalStateException("backward before forward: run forward(steps, feed, observer)"
          + " first");
    }
    for (GroupTape g : stepped) {
      for (double[] a : g.frame.adjState) {
        Arrays.fill(a, 0);
      }
      Arrays.fill(g.spikeNext, 0);
    }
    for (GroupTape g : stepped) {
      for (double[] a : g.frame.gradParam) {
        Arrays.fill(a, 0);
      }
    }
    for (ProjectionTape p : projections) {
      for (double[] a : p.frame.adjState) {
        Arrays.fill(a, 0);
      }
      for (double[] a : p.frame.gradParam) {
        Arrays.fill(a, 0);
      }
      for (double[] a : p.frame.gradSynapse) {
        Arrays.fill(a, 0);
      }
      for (double[] a : p.frame.adjSynapseState) {
        Arrays.fill(a, 0);
      }
      for (double[] a : p.lumpedGradient) {
        if (a != null) {
          Arrays.fill(a, 0);
        }
      }
    }
    int segments = (steps + segment - 1) / segment;
    for (int s = segments - 1; s >= 0; s--) {
      int first = s * segment;
      int end = Math.min(steps, first + segment);
      if (s != segments - 1) {
        long start = CPU.getCurrentThreadCpuTime();
        checkpoints[s].restore();
        for (int t = first; t < end; t++) {
          step(t, t - first);
        }
        recomputeNanos += CPU.getCurrentThreadCpuTime() - start;
      }
      for (int t = end - 1; t >= first; t--) {
        backwardStep(t, t - first, adjoint);
      }
    }
    for (Parameter p : parameters.values()) {
      p.collect().run();
    }
  }

  private void backwardStep(int t, int k, Adjoint adjoint) {
    for (GroupTape g : stepped) {
      System.arraycopy(g.spikeNext, 0, g.frame.adjSpike, 0, g.n);
      Arrays.fill(g.spikeNext, 0);
    }
    adjoint.add(t, this);
    for (GroupTape g : stepped) {
      g.load(k, t * dt);
      g.frame.dt = dt;
      ranges.run(g.n, (from, to) -> g.step.backward(g.frame, from, to));
    }
    for (ProjectionTape p : projections) {
      p.frame.dt = dt;
      p.backward(k, t * dt, ranges);
    }
  }

  @Override
  public void close() {
    ranges.close();
  }

  /** The states of every group and projection and the groups' spike flags, for a restart. */
  private final class Snapshot {
    private final List<double[]> live = new ArrayList<>();
    private final List<double[]> saved = new ArrayList<>();
    private final boolean[][] spikes = new boolean[groups.size()][];

    Snapshot() {
      Set<double[]> arrays = new LinkedHashSet<>();
      for (GroupTape g : groups) {
        for (Variable v : g.group.variables()) {
          if (v.kind() == Variable.Kind.STATE && !v.isBoolean() && !v.isFloat()) {
            arrays.add(v.doubles());
          }
        }
      }
      for (ProjectionTape p : projections) {
        arrays.addAll(Arrays.asList(p.states));
        arrays.addAll(Arrays.asList(p.synapseStates));
      }
      live.addAll(arrays);
      for (double[] a : live) {
        saved.add(a.clone());
      }
      for (int g = 0; g < spikes.length; g++) {
        spikes[g] = groups.get(g).group.spike.clone();
      }
    }

    void capture() {
      for (int a = 0; a < live.size(); a++) {
        System.arraycopy(live.get(a), 0, saved.get(a), 0, live.get(a).length);
      }
      for (int g = 0; g < spikes.length; g++) {
        System.arraycopy(groups.get(g).group.spike, 0, spikes[g], 0, spikes[g].length);
      }
    }

    void restore() {
      for (int a = 0; a < live.size(); a++) {
        System.arraycopy(saved.get(a), 0, live.get(a), 0, live.get(a).length);
      }
      for (int g = 0; g < spikes.length; g++) {
        NeuronGroup group = groups.get(g).group;
        System.arraycopy(spikes[g], 0, group.spike, 0, spikes[g].length);
        group.syncSpikeList();
      }
    }
  }

  /** Settings of a {@link NetworkGradient}. */
  public static final class Builder {
    private final Network network;
    private final Set<String> inputs = new LinkedHashSet<>();
    private double dt = 0.1;
    private Surrogate surrogate = Surrogate.fastSigmoid(10);
    private boolean detachReset;
    private int threads = 1;
    private int maxStoredSteps = 1000;

    private Builder(Network network) {
      this.network = Objects.requireNonNull(network, "network");
    }

    /**
     * Groups fed by the caller (their spikes set each step), not stepped.
     *
     * @param groups group names
     * @return this builder
     */
    public Builder input(String... groups) {
      inputs.addAll(Arrays.asList(groups));
      return this;
    }

    /**
     * The step, in ms (0.1 by default).
     *
     * @param dt positive
     * @return this builder
     */
    public Builder dt(double dt) {
      if (!(dt > 0) || Double.isInfinite(dt)) {
        throw new IllegalArgumentException("dt must be positive and finite, got " + dt);
      }
      this.dt = dt;
      return this;
    }

    /**
     * The spike's surrogate derivative (a fast sigmoid of slope 10 by default).
     *
     * @param surrogate the surrogate
     * @return this builder
     */
    public Builder surrogate(Surrogate surrogate) {
      this.surrogate = Objects.requireNonNull(surrogate, "surrogate");
      return this;
    }

    /**
     * Whether the reset passes no gradient through the spike (false by default).
     *
     * @param detach true to detach
     * @return this builder
     */
    public Builder detachReset(boolean detach) {
      this.detachReset = detach;
      return this;
    }

    /**
     * Threads for the backward steps (1 by default); any count gives the same bits.
     *
     * @param threads at least 1
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * The most steps stored at once (1000 by default); longer runs are recomputed by segments.
     *
     * @param steps at least 1
     * @return this builder
     */
    public Builder maxStoredSteps(int steps) {
      if (steps < 1) {
        throw new IllegalArgumentException("maxStoredSteps must be >= 1, got " + steps);
      }
      this.maxStoredSteps = steps;
      return this;
    }

    /**
     * The engine.
     *
     * @return a new engine
     * @throws IllegalArgumentException when the network has nothing trainable, a projection or
     *     group without a backward step (naming it and the fix), a delay, or float precision
     */
    public NetworkGradient build() {
      return new NetworkGradient(this);
    }
  }
}
