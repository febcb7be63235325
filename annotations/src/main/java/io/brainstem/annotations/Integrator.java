package io.brainstem.annotations;

/**
 * Numerical methods the processor can derive from an {@link Ode} right-hand side.
 *
 * <p>Every method is derived symbolically at compile time; the generated group class contains one
 * kernel per method so a group can switch method at construction without recompiling the model.
 * The explicit Runge–Kutta methods advance a coupled system together (every stage uses every
 * variable's previous stage) and evaluate time-dependent right-hand sides at the stage times
 * {@code t + c·dt}. A {@link Noise} term is added after the deterministic step whatever the method
 * (Euler–Maruyama, or Milstein when the noise depends on its own variable).
 */
public enum Integrator {
  /**
   * Exponential Euler with the linear part found by symbolic differentiation:
   * {@code x' = x + dt·exprel(dt·A)·f(x)}, {@code A = ∂f/∂x}. Exact for linear ODEs; each variable of a
   * coupled system is linearised with the others frozen (BrainPy's {@code exp_auto}).
   */
  EXP_AUTO,
  /**
   * Exponential Euler for ODEs written in linear form, {@code dx/dt = a − b·x} with coefficients
   * that may depend on the other variables: {@code x' = x∞ + (x − x∞)·exp(dt·A)} with
   * {@code A = ∂f/∂x}, {@code x∞ = x − f/A} (Euler where {@code A == 0}), the classic update of
   * Hodgkin–Huxley gating variables. Each right-hand side must be affine in its own variable; the
   * processor checks this symbolically.
   */
  EXP_EULER,
  /** Forward Euler, first order. */
  EULER,
  /** Explicit midpoint rule (RK2), second order. */
  MIDPOINT,
  /** Heun's method (explicit trapezoidal rule), second order. */
  HEUN,
  /** Ralston's second-order method (minimum local error bound among two-stage methods). */
  RALSTON2,
  /** Kutta's third-order method. */
  RK3,
  /** Classic fourth-order Runge–Kutta. */
  RK4,
  /** Kutta's 3/8-rule fourth-order Runge–Kutta. */
  RK4_38
}
