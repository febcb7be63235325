package io.brainstem.network;

import io.brainstem.math.Exprel;

/**
 * One exponential synapse folded into its postsynaptic group's loop (docs/architecture.md,
 * "Fused inputs"). The processor recognises the shape in a synapse model, {@code dg/dt = -g / tau}
 * (exp_auto) with the output {@code g} or {@code g * (E - X)}, {@code X} a postsynaptic variable,
 * and the runtime then lets the group's vector kernel sum the output and decay {@code g} in the
 * loop that updates the neurons, instead of passes of the projection's own.
 *
 * <p>The group's step works one step ahead in a second array, {@link #ahead}: it reads this
 * step's {@code g} there, stores it into the projection's own array (so that {@code g} is the
 * unfused step's at every step's end, for monitors, checkpoints and the next run), sums the
 * output into the input, and stores {@code g} decayed for the next step back into {@link #ahead};
 * the next step's projection update then delivers last step's spikes into {@link #ahead}, as it
 * would into {@code g} after its decay. Every element sees the unfused operations in their order:
 * the same results, bit for bit. The first step of a plan runs the projection's own integration
 * and delivery, then copies {@code g} into {@link #ahead} ({@link #prime}).
 *
 * <p>In the loop ({@link FusedInputs#inLoop()}: the input's one synapse, a current): the group's
 * kernel reads this step's {@code g} from {@link #ahead} as the input's value itself and stores
 * only the next step's {@code g}, into {@link #spare}; after the groups the two arrays swap
 * ({@link #swap}), so {@link #ahead} takes the deliveries and {@link #spare} keeps this step's
 * {@code g}. Neither {@code g} nor the input array is written in the loop: {@link #sync} copies
 * {@code g} back when something reads it (a checkpoint, the end of the plan), and the runner plans
 * in-loop fusion only where nothing reads that input or {@code g} between steps (no monitor of
 * them, no probe, listener or NaN guard).
 */
public final class FusedInput {

  /**
   * What the processor found in the synapse model: its state {@code g}, the parameter indices of
   * {@code tau} and of the reversal {@code E} (-1: the output is {@code g} itself) and the
   * postsynaptic variable {@code X} of a conductance (null for a current); {@code reciprocal}
   * when the decay is {@code -g * (1.0 / tau)} (a model compiled with fast math), not
   * {@code -g / tau}.
   */
  public record Shape(String state, int tauIndex, int reversalIndex, String post,
      boolean reciprocal) {
    /** Output {@code g}. */
    public static Shape current(String state, int tauIndex) {
      return new Shape(state, tauIndex, -1, null, false);
    }

    /** Output {@code g * (E - X)}. */
    public static Shape conductance(String state, int tauIndex, int reversalIndex, String post) {
      return new Shape(state, tauIndex, reversalIndex, post, false);
    }

    /** This shape with the decay {@code -g * (1.0 / tau)}. */
    public Shape byReciprocal() {
      return new Shape(state, tauIndex, reversalIndex, post, true);
    }

    /** Whether the output is {@code g * (E - X)}. */
    public boolean conductance() {
      return reversalIndex >= 0;
    }
  }

  private final Projection projection;
  private final Shape shape;
  /** The synapse's state, one per postsynaptic neuron: the unfused step's at each step's end. */
  public final double[] g;
  /** The next step's {@code g} (this step's decay applied and its spikes delivered). */
  public double[] ahead;
  /** In the loop: where the group's loop stores the next step's {@code g}; null until then. */
  public double[] spare;
  /** This step's {@code tau}. */
  public double tau;
  /** This step's exp_auto factor, {@code dt·exprel(-dt/tau)}, as the projection's kernel forms it. */
  public double factor;
  /** This step's {@code E} (a conductance), else 0. */
  public double reversal;
  /** Whether the output is {@code g * (E - X)}. */
  public final boolean conductance;
  /** Which state of the group's kernel is {@code X} ({@link NeuronKernel#fusedState}), else -1. */
  public int post = -1;
  private double[] postValues; // X, for the scalar tail
  private boolean primed; // ahead holds this step's g
  private boolean inLoop; // the group's kernel integrates this synapse in its own loop
  private boolean stale; // in the loop: g's value is in spare, not yet copied back

  FusedInput(Projection projection, Shape shape, double[] g) {
    this.projection = projection;
    this.shape = shape;
    this.g = g;
    this.conductance = shape.conductance();
    this.ahead = new double[g.length];
  }

  Projection projection() {
    return projection;
  }

  Shape shape() {
    return shape;
  }

  void bindPost(int kernelState, double[] values) {
    this.post = kernelState;
    this.postValues = values;
  }

  /** Whether {@link #ahead} holds the step's {@code g}: the projection's update then does nothing. */
  public boolean primed() {
    return primed;
  }

  /** A new plan: its first step runs the projection's own integration and delivery. */
  void unprime(boolean loop) {
    primed = false;
    inLoop = loop;
    if (loop && spare == null) {
      spare = new double[g.length];
    }
  }

  /** In the loop, after the step's groups: {@link #spare} holds this step's {@code g}. */
  void swap() {
    if (inLoop) {
      double[] next = spare;
      spare = ahead;
      ahead = next;
      stale = true;
    }
  }

  /** {@code g} as the unfused step leaves it (a no-op unless it is in {@link #spare}). */
  void sync() {
    if (stale) {
      System.arraycopy(spare, 0, g, 0, g.length);
      stale = false;
    }
  }

  /** Before the step's groups: the step's group-wide values. */
  void prepare(double dt) {
    Parameters params = projection.params();
    tau = params.scalar(shape.tauIndex());
    factor = dt * Exprel.exprel(dt * (-1.0 / tau));
    reversal = conductance ? params.scalar(shape.reversalIndex()) : 0.0;
  }

  /** After the first step's projections: {@link #ahead} takes the step's {@code g}. */
  void prime() {
    if (!primed) {
      System.arraycopy(g, 0, ahead, 0, g.length);
      primed = true;
    }
  }

  /** For an in-loop group's scalar tail: element {@code j} as the kernel treats it; its value. */
  double settleInLoop(int j) {
    double value = ahead[j];
    spare[j] = value + factor * rate(value);
    return value;
  }

  /** For the group's scalar tail: element {@code j} as the vector loop treats it; its output. */
  double settle(int j) {
    double value = ahead[j];
    g[j] = value;
    ahead[j] = value + factor * rate(value);
    return conductance ? value * (reversal - postValues[j]) : value;
  }

  /** {@code dg/dt} as the projection's kernels compute it. */
  private double rate(double value) {
    return shape.reciprocal() ? -value * (1.0 / tau) : -value / tau;
  }
}
