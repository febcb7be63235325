package io.brainstem.grad;

/**
 * The vector loops of a generated backward step ({@code <Model>BackwardVector}, generated when the
 * model was compiled with {@code jdk.incubator.vector} visible), which the scalar
 * {@code <Model>Backward} hands its calls to when this JVM runs vector kernels (see {@link
 * BackwardKernels}). Each lane performs the operations of the scalar loop on the same operands in
 * the same order, so both give the same bits, except where the model's own equations call
 * {@code exp}, {@code log}, {@code pow}, {@code tanh} or {@code expm1} (the vector library may
 * differ from {@code java.lang.Math} in the last bit). Every element runs through the vector loop
 * (the last, partial vector under a mask), so the bits do not depend on how elements are split
 * over threads.
 */
public interface BackwardKernel {
  /**
   * One step backwards over the elements {@code [from, to)}, as {@link BackwardStep#backward}, if
   * this kernel has a loop for the group's current integrator and parameters.
   *
   * @param frame the stored forward values of the step and the adjoints
   * @param from the first element
   * @param to one past the last element
   * @return false, having done nothing, when the scalar loop must run instead (per-element
   *     parameters, or an integrator without a vector loop)
   */
  boolean backward(AdjointFrame frame, int from, int to);
}
