package io.brainstem.annotations;

/**
 * Numerical methods the processor can derive from an {@link Ode} right-hand side.
 *
 * <p>Every method is derived symbolically at compile time; the generated group class contains one
 * kernel per method so a group can switch method at construction without recompiling the model.
 */
public enum Integrator {
  /**
   * Exponential Euler with the linear part found by symbolic differentiation:
   * {@code x' = x + dt·exprel(dt·A)·f(x)}, {@code A = ∂f/∂x}. Exact for linear ODEs; each variable of a
   * coupled system is linearised with the others frozen (BrainPy's {@code exp_auto}).
   */
  EXP_AUTO,
  /** Forward Euler, first order. */
  EULER,
  /** Classic fourth-order Runge–Kutta. */
  RK4
}
