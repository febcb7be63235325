package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A model parameter: a non-final, non-private {@code double} field whose initializer is its default.
 * The generated group has a fluent setter per parameter (one value for the whole group) and an
 * overload taking a {@code double[]} (one value per element).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Param {
  /**
   * The parameter's physical unit, e.g. {@code "ms"}, {@code "mV"}, {@code "nS"}, {@code "uA/cm^2"}
   * (grammar in docs/writing-models.md, "Units"); empty means undeclared (unchecked). Checked at
   * compile time only: values are plain doubles in that unit.
   *
   * @return the unit, or empty
   */
  String unit() default "";
}
