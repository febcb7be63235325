package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a spike does to the neuron: a no-argument {@code void} method whose body is a sequence of
 * assignments to states ({@code =}, {@code +=}, {@code -=}, {@code *=}, {@code /=}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Reset {}
