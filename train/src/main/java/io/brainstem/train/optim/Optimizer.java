package io.brainstem.train.optim;

import java.util.List;

/**
 * Updates flat {@code double[]} parameter arrays in place from gradient arrays of the same length.
 * Register each parameter with its gradient once ({@link #add}), then, for each batch: fill the
 * gradients, call {@link #step()}, and clear them ({@link #zeroGradients()}) before the next
 * backward pass accumulates into them. {@code step()} allocates nothing.
 *
 * <p>Every step first measures the global L2 norm of all gradients together; a non-finite norm
 * stops training ({@link io.brainstem.train.TrainingDivergedException}). With
 * {@code clipGlobalNorm(c)} set on the builder, gradients whose global norm exceeds {@code c} are
 * scaled by {@code c / norm} in the update (the gradient arrays themselves are left as they are).
 *
 * <p>Implementations: {@link Sgd} (with optional momentum) and {@link Adam}. Not thread-safe.
 */
public interface Optimizer {
  /**
   * Registers a parameter array and the array its gradient is written to. All parameters are
   * registered before the first step.
   *
   * @param name a name unique within this optimizer, used in messages
   * @param parameter the values, updated in place by {@link #step()}
   * @param gradient dLoss/dParameter, same length, read by {@link #step()}
   * @return this optimizer
   * @throws IllegalArgumentException if the name is taken, an array is registered already, or the
   *     lengths differ
   * @throws IllegalStateException after the first step
   */
  Optimizer add(String name, double[] parameter, double[] gradient);

  /**
   * Updates every registered parameter from its gradient with the learning rate of the current
   * step, then advances the step count.
   *
   * @throws io.brainstem.train.TrainingDivergedException if a gradient holds NaN or infinity
   * @throws IllegalStateException if nothing is registered
   */
  void step();

  /** Sets every registered gradient array to zero. */
  void zeroGradients();

  /**
   * The number of steps taken so far.
   *
   * @return the step count
   */
  int steps();

  /**
   * The learning rate the next {@link #step()} uses.
   *
   * @return the schedule's rate at {@link #steps()}
   */
  double learningRate();

  /**
   * The global L2 norm of all gradients measured by the last step, before clipping; 0 before the
   * first step.
   *
   * @return the norm
   */
  double lastGradientNorm();

  /**
   * The registered parameters' names, in registration order.
   *
   * @return an unmodifiable list
   */
  List<String> names();
}
