package io.brainstem.network;

/**
 * A generated kernel set a {@link NeuronGroup} can run instead of its scalar kernels: the
 * {@code <Model>GroupVector} class, which needs the {@code jdk.incubator.vector} module. It reads
 * the group's integrator and parameter layout itself, as the scalar dispatch does.
 */
public interface NeuronKernel {
  /**
   * Advances neurons {@code from .. to-1}, a whole number of {@link #lanes()}, by one step with the
   * group's current integrator, with the contract of
   * {@link NeuronGroup#update(double, double, int, int, boolean)}.
   */
  int update(double t, double dt, int from, int to);

  /**
   * Whether {@link #updateFused} runs: the model's exp_auto kernel with group-wide parameters is one
   * loop, under double precision.
   */
  default boolean fuses() {
    return false;
  }

  /**
   * Whether {@link #updateFused} can integrate each input's one synapse inside the kernel's own
   * loop, with no input array ({@link FusedInputs#inLoop()}).
   */
  default boolean fusesInLoop() {
    return false;
  }

  /**
   * Whether {@link #updateFused} decays a synapse by {@code -g * (1.0 / tau)} (compiled with fast
   * math) rather than {@code -g / tau}: it fuses only synapses whose kernels do the same
   * ({@link FusedInput.Shape#reciprocal()}).
   */
  default boolean fusesByReciprocal() {
    return false;
  }

  /** The index of state {@code name} among those {@link #updateFused} reads, or -1. */
  default int fusedState(String name) {
    return -1;
  }

  /**
   * As {@link #update} under exp_auto with group-wide parameters, with the synapses of {@code
   * inputs} decayed and summed inside the loop ({@link FusedInput}).
   */
  default int updateFused(double t, double dt, int from, int to, FusedInputs inputs) {
    throw new UnsupportedOperationException(describe() + " has no fused loop");
  }

  /**
   * Whether {@link #update} (and {@link #updateFused}) with the group's current integrator and
   * parameters performs exactly the scalar kernel's operations, so that the two agree bit for bit:
   * no {@code exp}, {@code log}, {@code pow}, {@code tanh} or {@code expm1} from the vector library.
   * Only such kernels warm up on a slice while the scalar kernel runs the rest ({@link
   * VectorWarmUp}).
   */
  default boolean matchesScalar() {
    return false;
  }

  /** Neurons per vector: {@link #update} takes ranges of a multiple of it. */
  int lanes();

  /** What runs, for logs and benchmarks, e.g. {@code vector (8 x double)}. */
  String describe();
}
