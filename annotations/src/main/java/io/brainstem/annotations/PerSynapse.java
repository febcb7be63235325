package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a {@link Synapse}'s {@link Param} or {@link State} one value per synapse (Brian2's synaptic
 * variables), e.g. a weight: {@code @Param @PerSynapse double w = 1;}.
 *
 * <p>A synapse variable has one of three homes:
 *
 * <ul>
 *   <li>no marker: one value per <em>postsynaptic neuron</em>, shared by all the neuron's
 *       presynaptic partners (the "lumped" state, e.g. the conductance {@code g} of
 *       {@code ExpCoba}). Exact for linear models where each spike only adds to it;
 *   <li>{@code @PerSynapse}: one value per synapse, kept in CSR order: synapse {@code k} is the
 *       {@code k}-th entry of the projection's {@code csr().indices()};
 *   <li>{@link PerPre @PerPre}: one value per presynaptic neuron.
 * </ul>
 *
 * <p>{@link OnPre} runs once per synapse of each presynaptic neuron whose spike is due; there it
 * reads and writes this synapse's value. {@link Output} and {@link Ode}s of lumped states run per
 * postsynaptic neuron and cannot read it (BS433). An {@link Ode} of a per-synapse state is
 * integrated clock-driven, every step over every synapse, by the projection's integrator; it may
 * read parameters, {@link Post} fields and per-synapse states with an ODE of their own (BS434);
 * with {@code @Ode(value = ..., eventDriven = true)} a linear one is instead advanced in closed form
 * only at the synapse's events. {@link OnPost} runs per synapse of a postsynaptic neuron that
 * spiked. The generated
 * projection has setters taking a constant, an array in CSR order, or a {@code SynapseInit}
 * (uniform, normal, lognormal, a function of the pre and post index), and monitors record it as
 * {@code "<projection>.<name>"} (all synapses, a subset, or {@code (pre, post)} pairs).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface PerSynapse {}
