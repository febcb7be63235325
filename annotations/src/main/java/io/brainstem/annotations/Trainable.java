package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Param} that gradient training may change (e.g. a time constant, or with
 * {@link PerSynapse} the weights). The generated group or projection lists it: its parameter table's
 * {@code trainable()} (lumped parameters), the group's or projection's {@code trainable()} (with
 * {@code @PerSynapse}/{@code @PerPre} parameters), and {@code Network.trainableParameters()} gives
 * every trainable parameter of a network as {@code Group.param} paths. Only a {@code @Param} can
 * be trainable (BS209): a state is computed by the model, not learned.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Trainable {}
