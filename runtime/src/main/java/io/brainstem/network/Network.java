package io.brainstem.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered set of named neuron groups and projections, the target of a runner. Names share one
 * namespace, so dotted paths such as {@code E.V} or {@code E2E.g} are unambiguous.
 *
 * <p>Use it directly or subclass it, as BrainPy's {@code bp.Network}:
 *
 * <pre>{@code
 * class EINet extends Network {
 *   final LifGroup E = add(new LifGroup("E", 3200));
 *   final LifGroup I = add(new LifGroup("I", 800));
 *   EINet() {
 *     add(new ExpCobaProjection(E, E, new FixedProb(0.02, 1)), ...);
 *   }
 * }
 * }</pre>
 *
 * <p>A runner steps it phase by phase ({@link StepPhase}): inputs, every projection (in the order
 * added), every group (in the order added), spikes, records, clearing the inputs. {@link #step} is
 * final: to act between phases, write a runner (docs/runners.md, "Writing a runner").
 *
 * <p>While a runner built on it is open (from its {@code build()} to its {@code close()}), a network
 * is frozen: {@link #add} throws, since the runner bound its inputs, monitors, initial state and
 * threads to the members it had, and a second runner cannot be built on it, since both would step
 * the same state with clocks that disagree.
 */
public class Network {
  /** The phases {@link #step} runs, in {@link StepPhase} order. */
  private static final StepPhase[] NETWORK_PHASES =
      java.util.Arrays.stream(StepPhase.values()).filter(StepPhase::ofNetwork).toArray(StepPhase[]::new);

  private final Precision precision;
  private final Map<String, Object> byName = new LinkedHashMap<>();
  private final List<NeuronGroup> groups = new ArrayList<>();
  private final List<Projection> projections = new ArrayList<>();
  // Plain arrays for the step loop: iterating them allocates nothing.
  private NeuronGroup[] groupArray = new NeuronGroup[0];
  private Projection[] projectionArray = new Projection[0];
  // Under a plan (assignOutputs): the inputs no projection assigns, which a step's CLEAR zeroes.
  private double[][] unassignedDoubles;
  private final Fusion fusion = new Fusion();
  private float[][] unassignedFloats;
  // The open runner that drives this network (see attach), and how to name it; null: none.
  private Object driver;
  private String driverName;
  private final SerialStep serial = new SerialStep(this);

  /** A network of double-precision groups. */
  public Network() {
    this(Precision.DOUBLE);
  }

  /**
   * A network whose groups store their state with {@code precision}: pass {@link #precision()} to
   * each group's constructor ({@code new LifGroup("E", 3200, precision())}); {@link #add} refuses a
   * group built with the other one (spike sources, which store no values, fit either).
   */
  public Network(Precision precision) {
    this.precision = Objects.requireNonNull(precision, "precision");
  }

  /** How this network's groups store their state. */
  public final Precision precision() {
    return precision;
  }

  /** Adds one group and returns it, for {@code final LifGroup E = add(new LifGroup("E", 100));}. */
  public final <G extends NeuronGroup> G add(G group) {
    Objects.requireNonNull(group, "group is null; pass a group such as new LifGroup(\"E\", 100)");
    checkNotFrozen("group", group.name());
    if (group.precision() != precision && group.storesValues()) {
      throw new IllegalArgumentException("group '" + group.name() + "' stores "
          + group.precision() + " state but this network is " + precision + "; construct it with "
          + "Precision." + precision + " (e.g. new " + group.getClass().getSimpleName() + "(\""
          + group.name() + "\", " + group.size() + ", Precision." + precision + "))");
    }
    register(group.name(), group);
    groups.add(group);
    groupArray = groups.toArray(new NeuronGroup[0]);
    return group;
  }

  /** Adds one projection and returns it. */
  public final <P extends Projection> P add(P projection) {
    checkNotFrozen("projection", Objects.requireNonNull(projection, "projection is null; pass a "
        + "projection such as new ExpCobaProjection(E, I, new FixedProb(0.02, seed))").name());
    register(projection.name(), projection);
    projections.add(projection);
    projectionArray = projections.toArray(new Projection[0]);
    return projection;
  }

  /**
   * Sets the {@link Coupling} of every projection added so far (each one's {@code coupling(...)});
   * a projection whose model cannot be staged makes it throw, naming the projection and why, and
   * leaves those after it unchanged. Returns this network.
   */
  public final Network coupling(Coupling coupling) {
    for (Projection p : projections) {
      p.coupling(coupling);
    }
    return this;
  }

  /** Adds groups in order; returns this network. */
  public final Network add(NeuronGroup... groups) {
    Objects.requireNonNull(groups, "groups array is null; pass the groups to add");
    for (NeuronGroup g : groups) {
      add(g);
    }
    return this;
  }

  /** Adds projections in order; returns this network. */
  public final Network add(Projection... projections) {
    Objects.requireNonNull(projections, "projections array is null; pass the projections to add");
    for (Projection p : projections) {
      add(p);
    }
    return this;
  }

  private void checkNotFrozen(String kind, String name) {
    if (driver != null) {
      throw new IllegalStateException("cannot add " + kind + " '" + name + "': this network is "
          + "frozen while " + driverName + " built on it is open; add every group and projection "
          + "before building the runner, or close() the runner and build a new one after adding");
    }
  }

  /**
   * Records that {@code runner} now drives this network, which stays frozen until
   * {@link #detach}: runners call it when they are built. {@code name} describes the runner in
   * messages.
   *
   * @throws IllegalStateException if another runner drives it (the message names that runner and
   *     the fix)
   */
  public final void attach(Object runner, String name) {
    checkFree();
    this.driver = Objects.requireNonNull(runner, "runner");
    this.driverName = Objects.requireNonNull(name, "name");
  }

  /** Throws as {@link #attach} would if a runner drives this network. */
  public final void checkFree() {
    if (driver != null) {
      throw new IllegalStateException("this network is already driven by " + driverName
          + ", which is still open; two runners on one network would step the same state with "
          + "clocks that disagree. close() that runner first (its records stay readable), or "
          + "build a second network");
    }
  }

  /** Releases the network from {@code runner} (runners call it on {@code close()}); a no-op for another runner. */
  public final void detach(Object runner) {
    if (driver == runner) {
      driver = null;
      driverName = null;
    }
  }

  /** Whether an open runner drives this network (and it is therefore frozen). */
  public final boolean attached() {
    return driver != null;
  }

  private void register(String name, Object member) {
    Object existing = byName.putIfAbsent(name, member);
    if (existing != null) {
      throw new IllegalArgumentException(
          "the network already has " + describe(existing) + " named '" + name
              + "'; names of groups and projections must be unique");
    }
  }

  private static String describe(Object member) {
    return member instanceof NeuronGroup ? "a group" : "a projection";
  }

  /** The group with this name, or an exception naming the closest group. */
  public final NeuronGroup group(String name) {
    Objects.requireNonNull(name, "group name is null; pass a name such as \"E\"");
    Object member = byName.get(name);
    if (member instanceof NeuronGroup g) {
      return g;
    }
    throw new IllegalArgumentException(
        "the network has no group '" + name + "'" + Names.didYouMean(name, groupNames())
            + "; its groups are " + groupNames());
  }

  /** The projection with this name, or an exception naming the closest projection. */
  public final Projection projection(String name) {
    Objects.requireNonNull(name, "projection name is null; pass a name such as \"E2I\"");
    Object member = byName.get(name);
    if (member instanceof Projection p) {
      return p;
    }
    List<String> names = projections.stream().map(Projection::name).toList();
    throw new IllegalArgumentException(
        "the network has no projection '" + name + "'" + Names.didYouMean(name, names)
            + "; its projections are " + names);
  }

  /** Groups in the order added (unmodifiable). */
  public final List<NeuronGroup> groups() {
    return Collections.unmodifiableList(groups);
  }

  /** Projections in the order added (unmodifiable). */
  public final List<Projection> projections() {
    return Collections.unmodifiableList(projections);
  }

  private List<String> groupNames() {
    return groups.stream().map(NeuronGroup::name).toList();
  }

  /**
   * Every {@code @Trainable} parameter of the network as a dotted path, {@code "E.tau"} or
   * {@code "In2E.w"}: the groups' then the projections', in the order added, each owner's in
   * declaration order ({@link NeuronGroup#trainable()}, {@link Projection#trainable()}). Empty
   * when no model declares one; a trainer refuses such a network.
   */
  public final List<String> trainableParameters() {
    List<String> paths = new ArrayList<>();
    for (NeuronGroup g : groups) {
      g.trainable().forEach(p -> paths.add(g.name() + "." + p));
    }
    for (Projection p : projections) {
      p.trainable().forEach(v -> paths.add(p.name() + "." + v));
    }
    return List.copyOf(paths);
  }

  /**
   * Sets a parameter of a group or projection for every element, by dotted path: {@code
   * "E.tau"}, {@code "E2I.g_max"}. This is what sweeps and the command line use; in code the
   * generated setters ({@code e.tau(10)}) say the same with types.
   *
   * @throws IllegalArgumentException naming the closest owner or parameter when the path is
   *     unknown, or the value when the parameter refuses it (NaN, a negative period)
   */
  public final void setParameter(String path, double value) {
    Parameters params = parametersOf(path);
    params.set(params.indexOf(path.substring(path.indexOf('.') + 1)), value);
  }

  /** The parameter table holding the parameter at {@code path} ({@code owner.name}). */
  private Parameters parametersOf(String path) {
    Objects.requireNonNull(path, "parameter path is null; pass a path such as \"E.tau\"");
    int dot = path.indexOf('.');
    if (dot <= 0 || dot != path.lastIndexOf('.') || dot == path.length() - 1) {
      throw new IllegalArgumentException(
          "parameter path '" + path + "' must be 'owner.parameter', e.g. E.tau");
    }
    String owner = path.substring(0, dot);
    Object member = byName.get(owner);
    if (member instanceof NeuronGroup g) {
      return g.params();
    }
    if (member instanceof Projection p) {
      return p.params();
    }
    List<String> owners = new ArrayList<>(byName.keySet());
    throw new IllegalArgumentException("the network has no group or projection '" + owner + "'"
        + Names.didYouMean(owner, owners) + "; it has " + owners);
  }

  /**
   * The variable at a dotted path, {@code "E.V"} or {@code "E2E.g"}; an unknown path is an
   * {@link IllegalArgumentException} naming the closest valid path.
   */
  public final Variable variable(String path) {
    Objects.requireNonNull(path, "variable path is null; pass a path such as \"E.V\"");
    int dot = path.indexOf('.');
    if (dot > 0 && dot == path.lastIndexOf('.')) {
      Object member = byName.get(path.substring(0, dot));
      String varName = path.substring(dot + 1);
      List<Variable> vars = member instanceof NeuronGroup g ? g.variables()
          : member instanceof Projection p ? p.variables() : List.of();
      for (Variable v : vars) {
        if (v.name().equals(varName)) {
          return v;
        }
      }
    }
    List<String> paths = paths();
    String closest = Names.closest(path, paths);
    throw new IllegalArgumentException(
        "no variable '" + path + "'" + (closest == null ? "" : "; did you mean '" + closest + "'?")
            + " (paths are 'owner.variable', e.g. " + (closest == null ? "E.V" : closest) + ")");
  }

  /** Every valid variable path, groups first, in the order added. */
  public final List<String> paths() {
    List<String> paths = new ArrayList<>();
    for (NeuronGroup g : groups) {
      g.variables().forEach(v -> paths.add(v.path()));
    }
    for (Projection p : projections) {
      p.variables().forEach(v -> paths.add(v.path()));
    }
    return paths;
  }

  /**
   * Checks that every projection's pre- and postsynaptic groups are members of this network (the
   * same objects, not just the same names); runners call it when they are built.
   */
  public final void validate() {
    for (Projection p : projections) {
      checkMember(p, "presynaptic", p.pre());
      checkMember(p, "postsynaptic", p.post());
    }
  }

  private void checkMember(Projection p, String role, NeuronGroup g) {
    if (byName.get(g.name()) != g) {
      throw new IllegalArgumentException(
          "projection '" + p.name() + "' has " + role + " group '" + g.name()
              + "', which is not in the network; add it with add(group) (groups in the network: "
              + groupNames() + ")");
    }
  }

  /**
   * The network's part of one step from {@code t} to {@code t + dt}, on the caller's thread: its
   * {@link StepPhase}s in order (every projection in the order added, reading last step's spikes;
   * then every group in the order added). Runners do not call it: they run every phase of
   * {@link StepPhase}, the network's through a {@link NetworkStepper}, which may split them over
   * threads.
   *
   * <p>Final: a network's step is its groups and projections, so that one thread and many give the
   * same results. To act between phases (read or change states or weights, exchange spikes), write
   * a runner: subclass {@code io.brainstem.runners.Runner} and override its phase hooks
   * (docs/runners.md, "Writing a runner").
   */
  public final void step(double t, double dt, boolean jit) {
    for (StepPhase phase : NETWORK_PHASES) {
      serial.run(phase, t, dt, jit);
    }
  }

  /** Every projection, whole, in the order added (the {@link StepPhase#PROJECTIONS} phase). */
  final void updateProjections(double t, double dt, boolean jit) {
    for (Projection p : projectionArray) {
      p.update(t, dt, jit);
    }
  }

  /** Every group, whole, in the order added (the {@link StepPhase#GROUPS} phase). */
  final void updateGroups(double t, double dt, boolean jit) {
    for (NeuronGroup g : groupArray) {
      g.update(t, dt, jit);
    }
  }

  /**
   * Plans which projections assign their output in the coming steps ({@link
   * Projection#assignsOutput()}): in the order added, the first projection writing an input that
   * nothing in {@code writtenFirst} writes before the projections (runner inputs, hooks), when its
   * generated code can and it is held (not staged). The caller promises that every input is 0 at
   * the start of each of those steps (a runner clears them after every step) and calls this
   * between steps only; {@code writtenFirst} null turns assignment off (every output adds).
   * Nothing is fused ({@link #planStep}).
   */
  public final void assignOutputs(java.util.Set<Variable> writtenFirst) {
    planStep(writtenFirst, false, null);
  }

  /**
   * As {@link #assignOutputs}, and, with {@code fuse}, folds the exponential synapses it can into
   * their postsynaptic groups' steps ({@link FusedInput}; docs/architecture.md, "Fused inputs"):
   * the runner then calls {@link #prepareFusedStep} between each step's projections and groups,
   * and no hook may run within the step.
   * {@code writtenFirst} null fuses nothing. With {@code read} non-null, a group's kernel may
   * integrate its inputs' lone synapses in its own loop ({@link FusedInputs#inLoop()}) where
   * {@code read} accepts none of those inputs' arrays and synapse states: the caller promises that
   * nothing else reads them between steps, except after {@link #syncFused}, and calls
   * {@link #finishFusedStep} after each step's groups.
   */
  public final void planStep(java.util.Set<Variable> writtenFirst, boolean fuse,
      java.util.function.Predicate<double[]> read) {
    java.util.Set<Variable> unread = writtenFirst == null || !fuse
        ? clearFusion() : fusion.plan(groupArray, projectionArray, writtenFirst, read);
    java.util.Set<Variable> assigned = new java.util.HashSet<>();
    java.util.Set<Variable> written = new java.util.HashSet<>();
    if (writtenFirst != null) {
      written.addAll(writtenFirst);
    }
    for (Projection p : projectionArray) {
      Variable target = p.outputTarget();
      p.assignOutput(writtenFirst != null && p.outputAssignable() && !p.staged()
          && !written.contains(target) && p.fusedInput() == null);
      if (p.assignsOutput()) {
        assigned.add(target);
      }
      if (target != null) {
        written.add(target);
      } else if (!p.outputDeclared()) { // a hand-written projection may write any input
        for (Variable v : p.post().variables()) {
          if (v.kind() == Variable.Kind.INPUT) {
            written.add(v);
          }
        }
      }
    }
    assigned.addAll(unread); // fused, overwritten whole by the group's fold loop: no clearing
    planClears(assigned, writtenFirst != null);
  }

  private java.util.Set<Variable> clearFusion() {
    fusion.clear();
    return java.util.Set.of();
  }

  /**
   * Whether the groups' and projections' vector kernels warm up on a slice of each range while their scalar kernels
   * run the rest, until compiled ({@link VectorWarmUp}); a runner sets it before each run
   * ({@code RunnerBuilder.vectorWarmUp}), off for direct {@code update} calls.
   */
  public final void warmUpKernels(boolean on) {
    for (NeuronGroup g : groups) {
      g.warmUpKernels(on);
    }
    for (Projection p : projectionArray) {
      p.warmUpKernels(on);
    }
  }

  /**
   * Whether a run of {@code steps} steps keeps the vector kernels that match their scalar ones off,
   * bit for bit the same results ({@link VectorWarmUp#scalarRun}: a fresh JVM's short runs, where
   * compiling vector code would cost more than it saves); a runner asks before each {@code jit}
   * run, with {@code allowed} false when it wants the vector kernels.
   */
  public final boolean scalarFirst(long steps, boolean allowed) {
    java.util.List<Object> kernels = new ArrayList<>();
    for (NeuronGroup g : groups) {
      g.scalarRun(false);
      Object k = g.kernelForScalarRun();
      if (k != null) {
        kernels.add(k);
      }
    }
    for (Projection p : projectionArray) {
      p.scalarRun(false);
      Object k = p.kernelForScalarRun();
      if (k != null) {
        kernels.add(k);
      }
    }
    boolean on = VectorWarmUp.scalarRun(kernels, steps * size(), allowed);
    if (on) {
      for (NeuronGroup g : groups) {
        g.scalarRun(g.kernelForScalarRun() != null);
      }
      for (Projection p : projectionArray) {
        p.scalarRun(p.kernelForScalarRun() != null);
      }
    }
    return on;
  }

  /**
   * Whether the last run kept some vector kernels off ({@link #scalarFirst}): its timings are the
   * scalar kernels' (a benchmark warms up until this and {@link #warmingUp()} are false).
   */
  public final boolean scalarRun() {
    for (NeuronGroup g : groups) {
      if (g.scalarRun()) {
        return true;
      }
    }
    for (Projection p : projectionArray) {
      if (p.scalarRun()) {
        return true;
      }
    }
    return false;
  }

  /** The number of neurons: the sum of the groups' sizes. */
  public final long size() {
    long n = 0;
    for (NeuronGroup g : groups) {
      n += g.size();
    }
    return n;
  }

  /**
   * Whether some group or projection ran its vector kernel on a slice in its last step, its scalar
   * kernel on the rest, because the JIT has not compiled the vector kernel yet ({@link
   * VectorWarmUp}): timings of such steps are not the vector kernels' (a benchmark warms up until
   * this is false).
   */
  public final boolean warmingUp() {
    for (NeuronGroup g : groups) {
      if (g.warmingUp()) {
        return true;
      }
    }
    for (Projection p : projectionArray) {
      if (p.warmingUp()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Under a plan with fused synapses, between each step's projections and its groups: their step's
   * values (and, in the plan's first step, their next-step arrays).
   */
  public final void prepareFusedStep(double dt) {
    fusion.prepare(dt);
  }

  /**
   * Whether {@link #prepareFusedStep} may run before the step's projections (every fused synapse
   * has had its plan's first step, which primes it after the projections): then a stepper may run
   * the projections and the groups as one phase ({@link NetworkStepper#step}).
   */
  public final boolean fusionPrimed() {
    return fusion.primed();
  }

  /** Under a plan with fused synapses, after each step's groups ({@link FusedInput#swap}). */
  public final void finishFusedStep() {
    fusion.swap();
  }

  /**
   * Under a plan with synapses in the groups' loops: copies their state back, so that it reads as
   * the unfused step leaves it (before a checkpoint mid-run; the end of a plan does it too).
   */
  public final void syncFused() {
    fusion.sync();
  }

  /**
   * What the plan folds into the groups' loops, one line per group, e.g. {@code E: input <- EE,
   * IE} (empty between runs, or when nothing can be).
   */
  public final List<String> fusedInputs() {
    return fusion.describe();
  }

  private void planClears(java.util.Set<Variable> assigned, boolean planned) {
    if (!planned) {
      unassignedDoubles = null;
      unassignedFloats = null;
      return;
    }
    java.util.Set<Variable> kept = new java.util.HashSet<>(assigned);
    for (Projection p : projectionArray) {
      if (!p.outputDeclared()) { // a hand-written projection may read any input: clear them all
        kept.clear();
        break;
      }
      kept.removeAll(p.fieldReads()); // an input a @Post/@Pre field reads is 0 until assigned
    }
    List<double[]> doubles = new ArrayList<>();
    List<float[]> floats = new ArrayList<>();
    for (NeuronGroup g : groupArray) {
      for (Variable v : g.variables()) {
        if (v.kind() != Variable.Kind.INPUT || v.isBoolean() || kept.contains(v)) {
          continue;
        }
        if (v.isFloat()) {
          floats.add(v.floats());
        } else {
          doubles.add(v.doubles());
        }
      }
    }
    unassignedDoubles = doubles.toArray(new double[0][]);
    unassignedFloats = floats.toArray(new float[0][]);
  }

  /**
   * The {@link StepPhase#CLEAR} of a step under a plan ({@link #assignOutputs}): zeroes the inputs
   * (and stage arrays) except those a projection assigns, which the next step's projections
   * overwrite whole before anything reads them; without a plan, {@link #clearInputs}. A runner
   * calls {@link #clearInputs} before anything else may read the inputs (a checkpoint, the run's
   * end).
   */
  public final void clearUnassignedInputs() {
    double[][] doubles = unassignedDoubles;
    if (doubles == null) {
      clearInputs();
      return;
    }
    for (double[] input : doubles) {
      java.util.Arrays.fill(input, 0.0);
    }
    for (float[] input : unassignedFloats) {
      java.util.Arrays.fill(input, 0f);
    }
    for (NeuronGroup g : groupArray) {
      g.clearStaged();
    }
  }

  /** Whether every input accumulator holds +0.0 in every element, as {@link #clearInputs} leaves it. */
  public final boolean inputsCleared() {
    for (NeuronGroup g : groupArray) {
      for (Variable v : g.variables()) {
        if (v.kind() == Variable.Kind.INPUT && !v.isBoolean() && !allPositiveZero(v)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean allPositiveZero(Variable v) {
    if (v.isFloat()) {
      for (float x : v.floats()) {
        if (Float.floatToRawIntBits(x) != 0) {
          return false;
        }
      }
    } else {
      for (double x : v.doubles()) {
        if (Double.doubleToRawLongBits(x) != 0) {
          return false;
        }
      }
    }
    return true;
  }

  /** Sets every group's input accumulators to 0 (the end of each step). */
  public final void clearInputs() {
    for (NeuronGroup g : groupArray) {
      g.clearInputs();
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + byName.keySet();
  }
}
