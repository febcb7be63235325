/**
 * Integrate stage: from a checked model's ODEs to one {@link io.brainstem.processor.integrate.StepPlan}
 * per integrator and parameter layout.
 *
 * <ol>
 *   <li>{@link io.brainstem.processor.integrate.Derivative} and
 *       {@link io.brainstem.processor.integrate.Simplifier} give exponential Euler its slope
 *       {@code ∂f/∂x}; only derived expressions are simplified, never the user's own.
 *   <li>{@link io.brainstem.processor.integrate.Uniformity} decides what is the same for every
 *       element, so {@link io.brainstem.processor.integrate.StepPlanner} can hoist it.
 *   <li>The plan keeps "evaluate ODE k's right-hand side" as its own node, so the emitter can
 *       inline it (kernels) or call the user's method (debug loop) with identical arithmetic.
 * </ol>
 */
package io.brainstem.processor.integrate;
