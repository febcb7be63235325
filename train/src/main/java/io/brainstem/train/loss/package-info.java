/**
 * Losses for gradient training, each returning the loss and writing dLoss/dOutput into a caller's
 * array with no allocation: {@link io.brainstem.train.loss.Mse} and
 * {@link io.brainstem.train.loss.SoftmaxCrossEntropy} (on readout values or spike counts, stable by
 * log-sum-exp), with a {@link io.brainstem.train.loss.Reduction}; and
 * {@link io.brainstem.train.loss.LossCheck}, the NaN check naming the epoch and batch.
 */
package io.brainstem.train.loss;
