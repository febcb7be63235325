/**
 * Emit stage: JavaPoet sources for {@code <Model>Group} and {@code <Model>Projection}
 * (docs/architecture.md, "Generated code contract"). Per integrator three loops are generated:
 * a kernel for group-wide parameters, one for per-element parameters, and the debug loop that calls
 * the user's methods; all three render the same {@link io.brainstem.processor.integrate.StepPlan}
 * statements, which is what keeps them bit-identical.
 */
package io.brainstem.processor.emit;
