package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a {@link Synapse} adds to its postsynaptic group each step: a no-argument {@code double}
 * method with a single {@code return}, e.g. {@code return g * (E - V);} for conductance-based output.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Output {
  /**
   * The postsynaptic {@link Input} the value is added to.
   *
   * @return the target input's name
   */
  String value() default "input";

  /**
   * The unit of the returned value, that is of the target input (e.g. {@code "nA"}); empty means
   * undeclared. The target lives on the postsynaptic group, so this is where a synapse states it.
   *
   * @return the unit, or empty
   */
  String unit() default "";
}
