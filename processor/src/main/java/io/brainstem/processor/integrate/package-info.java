/**
 * Integrate stage: from a checked model's ODEs to one {@link io.brainstem.processor.integrate.StepPlan}
 * per integrator and parameter layout.
 *
 * <ol>
 *   <li>{@link io.brainstem.processor.integrate.Derivative} and
 *       {@link io.brainstem.processor.integrate.Simplifier} give exponential Euler its slope
 *       {@code ∂f/∂x}; only derived expressions are simplified, never the user's own (nor the
 *       parts of it the derivative copies).
 *   <li>{@link io.brainstem.processor.integrate.Uniformity} decides what is the same for every
 *       element, so {@link io.brainstem.processor.integrate.StepPlanner} can hoist it.
 *   <li>The plan keeps "evaluate ODE k's right-hand side" (and "evaluate noise k's diffusion") as
 *       its own node, so the emitter can inline it (kernels) or call the user's method (debug
 *       loop) with identical arithmetic.
 *   <li>Explicit Runge–Kutta methods are one planner driven by a
 *       {@link io.brainstem.processor.integrate.ButcherTableau}; exponential Euler comes in the
 *       exprel form (EXP_AUTO) and the relaxation form (EXP_EULER, for ODEs
 *       {@link io.brainstem.processor.integrate.Linearity} finds affine in their own variable).
 *   <li>{@code @Noise} terms are added to any method's deterministic update: Euler–Maruyama, plus
 *       Milstein's correction when the diffusion depends on its own variable.
 *   <li>Kernels render {@link io.brainstem.processor.integrate.StepPlanner#kernelPlan}, in which
 *       {@link io.brainstem.processor.integrate.CommonSubexpressions} computes each repeated call
 *       or division once; the debug loop renders the unshared plan. Both are bit-identical.
 * </ol>
 */
package io.brainstem.processor.integrate;
