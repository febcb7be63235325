package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A per-element input accumulator: runner inputs and synaptic outputs are added to it during a step,
 * the dynamics read it, and it is cleared to 0 after the step.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Input {
  /**
   * The input's physical unit, e.g. {@code "nA"}; empty means undeclared. See {@link Param#unit}.
   *
   * @return the unit, or empty
   */
  String unit() default "";
}
