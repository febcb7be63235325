package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What one presynaptic spike does to the synaptic state of one target: a no-argument {@code void}
 * method of assignments to states, e.g. {@code g += g_max;}. It runs once per spiking partner;
 * its assignments to {@link PerPre} variables run once per presynaptic spike instead, before the
 * others (see {@link PerPre}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnPre {}
