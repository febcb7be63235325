package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a neuron model: a plain class whose {@link Param}, {@link State} and {@link Input} fields
 * and {@link Ode}, {@link Threshold} and {@link Reset} methods define the dynamics.
 *
 * <p>The processor generates {@code <Name>Group} in the same package: a structure-of-arrays group
 * with one allocation-free kernel per {@link Integrator} it lists in {@link #methods()} (all by
 * default). The class needs a no-argument constructor,
 * which the {@code jit(false)} debug path uses to call your methods.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Neuron {
  /**
   * The default integrator of groups of this model; a group may override it.
   *
   * @return the default integrator
   */
  Integrator method() default Integrator.EXP_AUTO;

  /**
   * The integrators the processor generates loops for; empty (the default) means every one. A
   * shorter list means a smaller generated class; a group asked at run time for one left out
   * throws, naming this attribute. It must include {@link #method()}.
   *
   * @return the integrators to generate loops for, or none for all of them
   */
  Integrator[] methods() default {};

  /**
   * Whether the processor also generates {@code <Name>Backward}: the adjoint (vector-Jacobian
   * product) of each generated integration step, for training by back-propagation through time
   * ({@code io.brainstem.grad}). The threshold passes gradient through a surrogate chosen at run
   * time; a model with no derivative (a threshold that is not one comparison, a {@code @Noise}) is
   * a compile error (BS450, BS451).
   *
   * @return true to generate the backward step
   */
  boolean backward() default false;
}
