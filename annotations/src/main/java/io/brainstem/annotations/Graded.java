package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Graded (spike-free) coupling: what one synapse adds to its postsynaptic input every step, a
 * no-argument {@code double} method with a single {@code return}, e.g. a rate network's
 * {@code return w * r;} or a gap junction's {@code return w * (V_pre - V_post);}.
 *
 * <p>Each step the generated projection adds to input {@code j} of the postsynaptic group the sum,
 * over the synapses onto {@code j} in ascending presynaptic order, of this method's value. The
 * method may read parameters (shared, {@link PerSynapse} or {@link PerPre}), {@link Pre} fields
 * (at the synapse's presynaptic neuron) and {@link Post} fields (at {@code j}), all as they were
 * at the start of the step. A model with a {@code @Graded} method carries no spikes: it has no
 * {@link OnPre}, {@link Output} or {@link State} (BS440).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Graded {
  /**
   * The postsynaptic {@link Input} the sum is added to.
   *
   * @return the target input's name
   */
  String value() default "input";

  /**
   * The unit of the returned value, that is of the target input (e.g. {@code "nA"}); empty means
   * undeclared.
   *
   * @return the unit, or empty
   */
  String unit() default "";
}
