package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The spike condition: a no-argument {@code boolean} method with a single {@code return}, evaluated
 * on the integrated state after every step.
 *
 * <p>By default the neuron spikes in every step that ends with the condition true (a level, as for
 * an integrate-and-fire neuron whose reset takes it back below threshold). With
 * {@code crossing = true} it spikes only in the step in which the condition <em>becomes</em> true:
 * true on the integrated state and false on the state at the start of the step. For
 * {@code V >= V_th} that is "V crossed V_th upward during this step", which is how models without a
 * reset (Hodgkin–Huxley, FitzHugh–Nagumo) count one action potential as one spike however many
 * steps it stays above threshold:
 *
 * <pre>
 *   &#64;Threshold(crossing = true)
 *   boolean fire() { return V &gt;= V_th; }
 * </pre>
 *
 * A neuron that starts with the condition already true does not spike until it has gone below and
 * crossed again. Brian2 writes the same as {@code threshold='v >= th', refractory='v >= th'}
 * (refractory while above), which differs only there: Brian2 spikes in the first step if the
 * initial state satisfies the condition. A crossing condition must read a state that has an
 * {@code @Ode}, or it could never change within a step (error BS420).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Threshold {
  /**
   * Spike when the condition becomes true in a step, rather than whenever it is true.
   *
   * @return whether only a crossing spikes
   */
  boolean crossing() default false;
}
