package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@link Param} that is the refractory period (ms). While {@code t - t_last_spike <= period}
 * the neuron's states are held (not integrated, input discarded), BrainPy's rule. The group gains a
 * {@code t_last_spike} state, initialised to -1e7.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Refractory {}
