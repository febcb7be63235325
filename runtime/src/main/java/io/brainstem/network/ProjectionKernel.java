package io.brainstem.network;

/**
 * A generated kernel set a {@link Projection} can run for its per-postsynaptic-element loops
 * instead of its scalar kernels: the {@code <Model>ProjectionVector} class, which needs the
 * {@code jdk.incubator.vector} module. The spike delivery (a scatter over the CSR rows) stays in
 * the projection's scalar code. The kernel reads the projection's integrator and parameter layout
 * itself, as the scalar dispatch does.
 */
public interface ProjectionKernel {
  /**
   * Integrates the states of postsynaptic elements {@code from .. to-1}, a whole number of
   * {@link #lanes()}, over one step with the projection's current integrator: the first loop of
   * {@link Projection#update(double, double, int, int, boolean)}. A model without {@code @Ode}
   * has nothing to do here.
   */
  default void integrate(double t, double dt, int from, int to) {}

  /**
   * Adds the {@code @Output} value of postsynaptic elements {@code from .. to-1}, a whole number
   * of {@link #lanes()}, to the postsynaptic input: the last loop of a step, after the spike
   * delivery. A model without {@code @Output} has nothing to do here.
   */
  default void output(double t, double dt, int from, int to) {}

  /**
   * Whether {@link #integrate} and {@link #output} with the projection's current integrator and
   * parameters perform exactly the scalar loops' operations (no {@code exp}, {@code log}, {@code
   * pow}, ... from the vector library), so that the two agree bit for bit; only such kernels warm
   * up on a slice ({@link VectorWarmUp}).
   */
  default boolean matchesScalar() {
    return false;
  }

  /** Elements per vector: the methods take ranges of a multiple of it. */
  int lanes();

  /** What runs, for logs and benchmarks, e.g. {@code vector (8 x double)}. */
  String describe();
}
