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

  /** Neurons per vector: {@link #update} takes ranges of a multiple of it. */
  int lanes();

  /** What runs, for logs and benchmarks, e.g. {@code vector (8 x double)}. */
  String describe();
}
