/**
 * Gradients through simulations: the {@link io.brainstem.grad.BackwardStep} the processor
 * generates for {@code @Neuron(backward = true)} models, the {@link io.brainstem.grad.AdjointFrame}
 * it reads and writes, and the spike's {@link io.brainstem.grad.Surrogate}.
 */
package io.brainstem.grad;
