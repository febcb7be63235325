/**
 * Optimizers for gradient training: an {@link io.brainstem.train.optim.Optimizer} updates flat
 * {@code double[]} parameter arrays in place from their gradient arrays, registered once, with no
 * allocation per step. {@link io.brainstem.train.optim.Sgd} (optional momentum, Nesterov) and
 * {@link io.brainstem.train.optim.Adam}; learning rates per step from a
 * {@link io.brainstem.train.optim.Schedule} (constant, step decay, exponential, cosine); optional
 * global-norm gradient clipping. See docs/training.md, "Gradient training: building blocks".
 */
package io.brainstem.train.optim;
