/**
 * Back-propagation through time ({@link io.brainstem.train.bptt.BptTrainer}) through the backward
 * steps the processor generates for {@code @Neuron(backward = true)} models.
 */
package io.brainstem.train.bptt;
