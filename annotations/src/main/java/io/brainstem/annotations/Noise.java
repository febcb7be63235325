package io.brainstem.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The noise on one {@link State} that has an {@link Ode}: the method returns the diffusion
 * coefficient {@code g} of the Itô equation {@code dx = f dt + g dW}, where {@code f} is the ODE's
 * right-hand side and {@code W} a Wiener process of its own per element (time in ms, so {@code g}
 * is in units of x per √ms).
 *
 * <p>Written like an {@code @Ode}: a non-private {@code double} method whose parameters are named
 * after model variables (or {@code t}), with a single {@code return}:
 *
 * <pre>{@code
 * @Ode("V") double dV(double V) { return (V_rest - V) / tau; }
 * @Noise("V") double noiseV() { return sigma; }            // additive: Euler–Maruyama
 * @Noise("x") double noiseX(double x) { return s * x; }    // multiplicative: Milstein
 * }</pre>
 *
 * <p>Each step the increment {@code g·ΔW} ({@code ΔW = √dt·ξ}, {@code g} at the start of the step)
 * is added after the deterministic step of the group's {@link Integrator}. When {@code g}
 * depends on its own variable, Milstein's correction {@code ½·g·∂g/∂x·(ΔW² − dt)} is added too, with
 * {@code ∂g/∂x} derived symbolically. The draws are reproducible from the group's seed.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Noise {
  /**
   * The name of the state variable the noise acts on.
   *
   * @return the state variable's name
   */
  String value();

  /**
   * Whether to add Milstein's correction when the noise depends on its own variable (strong order
   * 1 instead of Euler–Maruyama's 0.5). {@code false} gives plain Euler–Maruyama, e.g. to reproduce
   * another simulator's scheme. Additive noise needs no correction either way.
   *
   * @return whether to add the correction
   */
  boolean milstein() default true;
}
