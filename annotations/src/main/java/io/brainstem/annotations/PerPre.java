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
 * value of the presynaptic neuron whose spike it delivers; in this version it may not write it
 * (BS435: the body runs once per synapse, so a write would repeat once per outgoing synapse and
 * race between threads). The generated projection has setters taking a constant, an array of one
 * value per presynaptic neuron, or a {@code SynapseInit} (drawn by presynaptic index).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface PerPre {}
