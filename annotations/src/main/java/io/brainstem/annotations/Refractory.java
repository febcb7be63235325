package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@link Param} that is the refractory period (ms). After a spike the neuron's states are
 * held (not integrated, input discarded) for a whole number of steps: by default BrainPy's rule,
 * refractory while {@code t − t_last_spike ≤ period}, i.e. {@code floor(period/dt + 0.001)} steps
 * after the spike step (tau_ref 5 at dt 0.01: 500 steps, every time). The group's
 * {@code refractoryRule(RefractoryRule.BRIAN2)} holds one step less, as Brian2 does
 * ({@link RefractoryRule}). Counting is in steps, so the hold does not depend on the rounding of
 * {@code t}. The group gains a {@code t_last_spike} state, initialised to -1e7.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Refractory {}
