package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a synapse model whose {@link State} lives on the postsynaptic side (one value per
 * postsynaptic neuron, as in BrainPy's {@code ExpCOBA}).
 *
 * <p>Each step the generated {@code <Name>Projection} integrates the {@link Ode}s, runs the
 * {@link OnPre} method once per (spiking presynaptic neuron, target) pair of the connectivity, and
 * adds the {@link Output} method's value to the postsynaptic input it names. {@link Post} fields read
 * postsynaptic variables (e.g. the membrane potential for conductance-based output).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Synapse {
  /**
   * The default integrator of projections of this model; a projection may override it.
   *
   * @return the default integrator
   */
  Integrator method() default Integrator.EXP_AUTO;

  /**
   * The integrators the processor generates loops for; empty (the default) means every one. A
   * shorter list means a smaller generated class; a projection asked at run time for one left out
   * throws, naming this attribute. It must include {@link #method()}.
   *
   * @return the integrators to generate loops for, or none for all of them
   */
  Integrator[] methods() default {};

  /**
   * Whether the processor also generates {@code <Name>Backward}: the adjoint of each generated
   * step of the synapse's per-postsynaptic-neuron states and of its output, for training by
   * back-propagation through time ({@code io.brainstem.grad}); the spikes' path through the
   * connectivity is {@code io.brainstem.grad.ProjectionBackward}'s gather. The model needs states
   * kept per postsynaptic neuron, an {@code @Output}, and an {@code @OnPre} that only adds a
   * parameter to states ({@code g += w;}); anything else is a compile error (BS452, BS451).
   *
   * @return true to generate the backward step
   */
  boolean backward() default false;
}
