package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A per-element state variable: a non-final, non-private {@code double} field. The generated group
 * stores it as a public {@code double[]} of the same name, initialised from the field's initializer
 * (or 0).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface State {
  /**
   * The state's physical unit, e.g. {@code "mV"}; empty means undeclared. See {@link Param#unit}.
   *
   * @return the unit, or empty
   */
  String unit() default "";
}
