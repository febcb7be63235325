package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The right-hand side {@code d(state)/dt} of one {@link State}, in ms⁻¹.
 *
 * <p>The method returns {@code double}; its body is a single {@code return} (optionally preceded by
 * {@code final double} locals) built from arithmetic, unary minus, parentheses, ternaries,
 * comparisons, {@code Math.exp/log/sqrt/pow/tanh/sin/cos/abs/min/max}, and references to parameters, states,
 * inputs and {@code t}. Its parameters, if any, must be named after model variables (they receive
 * the value the integrator evaluates at). Anything else is a compile error on that expression.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Ode {
  /**
   * The name of the state variable this method is the derivative of.
   *
   * @return the state variable's name
   */
  String value();

  /**
   * Integrates the state event-driven (Brian2's {@code (event-driven)}) instead of every step: the
   * state is advanced in closed form from its last update to the time of an event only when an
   * {@link OnPre} or {@link OnPost} event touches it, e.g. an STDP trace
   * {@code @Ode(value = "Apre", eventDriven = true)} of {@code -Apre / tau_pre}. The right-hand
   * side must be linear and autonomous, {@code a·x + b} with {@code a} and {@code b} made of
   * parameters (BS438); the processor derives {@code x(t0 + Δ) = (x0 + b/a)·exp(a·Δ) − b/a}.
   * Only a {@link Synapse}'s states may be event-driven; one per postsynaptic neuron may be read
   * only in events (BS439), since between events its stored value is that of its last update.
   *
   * @return true for event-driven, false (the default) for clock-driven integration
   */
  boolean eventDriven() default false;
}
