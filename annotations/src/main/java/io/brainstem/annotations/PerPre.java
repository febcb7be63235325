package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a {@link Synapse}'s {@link Param} or {@link State} one value per presynaptic neuron,
 * shared by all of that neuron's outgoing synapses in the projection, e.g. a release probability
 * set per presynaptic cell: {@code @Param @PerPre double U = 0.5;}.
 *
 * <p>See {@link PerSynapse} for the three homes of a synapse variable. {@link OnPre} reads the
 * value of the presynaptic neuron whose spike it delivers, and its writes of {@code @PerPre}
 * variables run once per presynaptic spike (not once per synapse), before its other statements;
 * such a write may read only {@code @PerPre} variables (BS435), e.g. an STDP trace
 * {@code Apre += dApre}. {@link OnPost} reads them (advanced to the event when event-driven) and
 * may not write them (BS437). The generated projection has setters taking a constant, an array of
 * one value per presynaptic neuron, or a {@code SynapseInit} (drawn by presynaptic index).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface PerPre {}
