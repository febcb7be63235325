/**
 * Spike sources: neuron groups whose spikes are given rather than integrated, usable as the
 * presynaptic group of any projection ({@link io.brainstem.sources.PoissonGroup},
 * {@link io.brainstem.sources.SpikeTimeGroup}). They are written by hand (they are not ODE models)
 * and keep no hidden state that a {@code Runner.reset()} would miss: every spike is a function of
 * the step's time.
 */
package io.brainstem.sources;
