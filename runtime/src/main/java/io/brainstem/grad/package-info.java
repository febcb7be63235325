/**
 * Gradients through simulations: the {@link io.brainstem.grad.BackwardStep} the processor
 * generates for {@code @Neuron(backward = true)} models, the {@link io.brainstem.grad.AdjointFrame}
 * it reads and writes, and the spike's {@link io.brainstem.grad.Surrogate}; for
 * {@code @Synapse(backward = true)} models the same interface per postsynaptic neuron, and {@link
 * io.brainstem.grad.ProjectionBackward}, the spikes' path through the connectivity.
 */
package io.brainstem.grad;
