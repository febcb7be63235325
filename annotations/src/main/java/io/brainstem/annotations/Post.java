package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read-only view, inside a {@link Synapse}, of a variable of the postsynaptic group with the same
 * name as the field (or the name given), e.g. {@code @Post double V;}. It holds the value from the
 * start of the step.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Post {
  /**
   * The postsynaptic variable's name; empty means the field's own name.
   *
   * @return the postsynaptic variable's name, or empty
   */
  String value() default "";

  /**
   * The physical unit of the postsynaptic variable, e.g. {@code "mV"}; empty means undeclared.
   *
   * @return the unit, or empty
   */
  String unit() default "";
}
