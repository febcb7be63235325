package io.brainstem.network;

/**
 * How a projection's {@code @Output} reaches the postsynaptic neurons during a step.
 *
 * <ul>
 *   <li>{@link #HELD} (BrainPy's schedule): the output is computed once per step, from the synapse
 *       state after this step's update and the postsynaptic state at the start of the step, and
 *       held while the neuron integrates. First order in {@code dt} whatever the neuron's method.
 *   <li>{@link #STAGED} (Brian2's schedule): spikes are delivered first, then the synapse state is
 *       integrated jointly with the postsynaptic neuron by the neuron's Runge–Kutta method, and the
 *       output is evaluated at every stage with that stage's synapse and postsynaptic values, so the
 *       method keeps its order. Onto an exponential-Euler group ({@code EXP_AUTO}, {@code
 *       EXP_EULER}) the output is taken at the start of the step, its slope in the neuron's linear
 *       part, as Brian2's {@code exponential_euler}. Needs an output affine in the postsynaptic
 *       state it reads.
 * </ul>
 */
public enum Coupling {
  /** The output is computed once per step and held (BrainPy's schedule); see above. */
  HELD,
  /** The synapse is integrated jointly with its target, stage by stage (Brian2's); see above. */
  STAGED
}
