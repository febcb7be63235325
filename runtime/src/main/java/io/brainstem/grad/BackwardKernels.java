package io.brainstem.grad;

import io.brainstem.network.Kernels;

/**
 * For generated backward steps: their vector loops, when this JVM runs vector kernels (the choice
 * of {@link Kernels}, made once per JVM, with its {@code brainstem.kernels} property).
 */
public final class BackwardKernels {
  private BackwardKernels() {}

  /**
   * The vector loops {@code className} over {@code group}, or null when this JVM runs scalar
   * kernels or the class was not generated (the model was compiled without
   * {@code jdk.incubator.vector}).
   *
   * @param className the binary name of the generated {@code <Model>BackwardVector}
   * @param group the forward group, passed to its constructor
   * @return the kernel, or null
   */
  public static BackwardKernel load(String className, Object group) {
    if (!Kernels.vector()) {
      return null;
    }
    Class<?> type;
    try {
      type = Class.forName(className, true, group.getClass().getClassLoader());
    } catch (ClassNotFoundException notGenerated) {
      return null;
    }
    try {
      return (BackwardKernel) type.getConstructor(group.getClass()).newInstance(group);
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      throw new IllegalStateException("cannot create the vector backward kernels " + className
          + " (" + e + "); run with -D" + Kernels.PROPERTY + "=scalar to use scalar loops", e);
    }
  }
}
