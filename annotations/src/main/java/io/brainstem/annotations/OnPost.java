package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What one postsynaptic spike does to the synapses onto the neuron that spiked (Brian2's
 * {@code on_post}): a no-argument {@code void} method of assignments, e.g. the potentiation of
 * pair-based STDP, {@code Apost += dApost; w = Math.min(Math.max(w + Apre, 0), gmax);}.
 *
 * <p>It runs in the step after the postsynaptic spike (as {@link OnPre} runs in the step after the
 * presynaptic one), after that step's {@link OnPre} events: Brian2's order, on_pre before on_post,
 * both for the spikes of the same step. It may read and write {@link PerSynapse} variables, read
 * {@link PerPre} ones, and read and write the per-postsynaptic (unmarked) ones. Its assignments to
 * per-postsynaptic variables run once per postsynaptic spike, before the others, which run once
 * per synapse of the neuron, in ascending presynaptic order. It may not write a {@link PerPre}
 * variable (BS437: that would be once per synapse and depend on the order of the threads).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnPost {}
