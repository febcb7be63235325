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
 * comparisons, {@code Math.exp/log/sqrt/pow/tanh/abs/min/max}, and references to parameters, states,
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
}
