package io.brainstem.network;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.Connector;
import io.brainstem.connectivity.Csr;
import java.util.List;
import java.util.Objects;

/**
 * Synapses from one group to another with state kept per postsynaptic neuron. Subclasses are
 * generated from {@code @Synapse} models ({@code ExpCoba} → {@code ExpCobaProjection}).
 *
 * <p>Each step a projection integrates its state, delivers the spikes its presynaptic group emitted
 * in the previous step over the CSR connectivity (work ∝ spikes × fan-out), and adds its output to
 * the postsynaptic input.
 */
public abstract class Projection {
  private final String name;
  private final String model;
  private final NeuronGroup pre;
  private final NeuronGroup post;
  private final VariableTable variables;
  private Integrator method;

  /** Row pointers of the pre→post CSR matrix ({@code pre.size() + 1} entries). */
  protected final int[] indptr;
  /** Postsynaptic indices of the CSR matrix, row by row. */
  protected final int[] indices;
  /** The presynaptic group's spike array (read at the start of the step: last step's spikes). */
  protected final boolean[] preSpike;
  /** The presynaptic group's spike list: last step's spikes are {@code [0, preSpikeCount())}. */
  protected final int[] preSpikeIndex;

  protected Projection(
      String name, String model, NeuronGroup pre, NeuronGroup post, Connector connector,
      Integrator defaultMethod) {
    this.pre = Objects.requireNonNull(pre, "pre");
    this.post = Objects.requireNonNull(post, "post");
    this.name = name == null ? pre.name() + "2" + post.name() : name;
    if (this.name.isEmpty() || this.name.contains(".")) {
      throw new IllegalArgumentException(
          "projection name '" + this.name + "' must be non-empty and contain no '.'");
    }
    this.model = model;
    this.method = defaultMethod;
    this.variables = new VariableTable(this.name);
    Csr csr = Objects.requireNonNull(connector, "connector").build(pre.size(), post.size());
    this.indptr = csr.indptr();
    this.indices = csr.indices();
    this.preSpike = pre.spike;
    this.preSpikeIndex = pre.spikeIndexArray();
  }

  /** How many presynaptic neurons spiked in the last step (the valid length of {@link #preSpikeIndex}). */
  protected final int preSpikeCount() {
    return pre.spikeCount();
  }

  /** Registers and allocates a per-postsynaptic-neuron state array. */
  protected final double[] state(String varName, double initial) {
    return variables.addDoubles(varName, Variable.Kind.STATE, post.size(), initial);
  }

  /** The postsynaptic variable a {@code @Post} field or {@code @Output} refers to. */
  protected final double[] postVariable(String varName, String usedFor) {
    if (!post.variables().stream().anyMatch(v -> v.name().equals(varName))) {
      List<String> names = post.variables().stream().map(Variable::name).toList();
      throw new IllegalArgumentException(
          "projection " + name + " (" + model + ") needs " + usedFor + " '" + varName
              + "' on its postsynaptic group " + post + Names.didYouMean(varName, names)
              + "; the group has " + names);
    }
    return post.doubles(varName);
  }

  protected final void setMethod(Integrator method) {
    this.method = Objects.requireNonNull(method, "method");
  }

  /** Advances the synaptic state one step, delivers last step's spikes, adds the output. */
  public final void update(double t, double dt, boolean jit) {
    update(t, dt, 0, post.size(), jit);
  }

  /**
   * The step of {@link #update(double, double, boolean)} restricted to postsynaptic neurons
   * {@code from .. to-1}: their states, the spikes delivered to them (in ascending presynaptic order)
   * and their outputs. Disjoint ranges touch disjoint elements, so they may run on different threads
   * and give the same result as one whole update.
   */
  public abstract void update(double t, double dt, int from, int to, boolean jit);

  public final String name() {
    return name;
  }

  public final String model() {
    return model;
  }

  public final NeuronGroup pre() {
    return pre;
  }

  public final NeuronGroup post() {
    return post;
  }

  public final Integrator method() {
    return method;
  }

  /** Number of synapses (non-zeros of the connectivity). */
  public final int synapseCount() {
    return indices.length;
  }

  public final Variable variable(String varName) {
    return variables.get(varName);
  }

  public final double[] doubles(String varName) {
    return variables.get(varName).doubles();
  }

  public final List<Variable> variables() {
    return variables.all();
  }

  @Override
  public String toString() {
    return name + " (" + model + ", " + pre.name() + " -> " + post.name() + ", "
        + synapseCount() + " synapses)";
  }
}
