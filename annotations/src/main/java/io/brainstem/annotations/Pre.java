package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read-only view, inside a {@link Synapse} with a {@link Graded} method, of a variable of the
 * presynaptic group with the same name as the field (or the name given), e.g. {@code @Pre double r;}
 * or {@code @Pre("V") double V_pre;}. Read per synapse, at the synapse's presynaptic neuron. It
 * holds the value from the start of the step: projections run before groups integrate.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Pre {
  /**
   * The presynaptic variable's name; empty means the field's own name.
   *
   * @return the presynaptic variable's name, or empty
   */
  String value() default "";

  /**
   * The physical unit of the presynaptic variable, e.g. {@code "mV"}; empty means undeclared.
   *
   * @return the unit, or empty
   */
  String unit() default "";
}
