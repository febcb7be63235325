package io.brainstem.annotations;

/**
 * How a {@link Refractory} period counts steps. Both count whole steps of the run's {@code dt}:
 * the period becomes {@code n = floor(period/dt + 0.001)} steps (Brian2's {@code timestep}), and a
 * neuron that spiked in step {@code k} is held (states not integrated, input discarded) for a
 * fixed number of steps after it, whatever the rounding of {@code t = t0 + k·dt}.
 *
 * <p>Example: tau_ref 5 ms at dt 0.1 ms is {@code n = 50}. Under {@link #BRAINPY} a neuron that
 * spikes in step 100 is held in steps 101–150 and integrates again from step 151; under
 * {@link #BRIAN2} it is held in steps 101–149 and integrates from step 150, one step earlier.
 */
public enum RefractoryRule {
  /**
   * BrainPy's rule, the default: refractory while {@code t − t_last_spike ≤ period}, i.e. held
   * for the {@code n} steps after the spike step.
   */
  BRAINPY(0),
  /**
   * Brian2's rule ({@code timestep(t − lastspike, dt) < timestep(refractory, dt)}): held for
   * {@code n − 1} steps after the spike step, one step less than {@link #BRAINPY}.
   */
  BRIAN2(-1);

  private final int stepOffset;

  RefractoryRule(int stepOffset) {
    this.stepOffset = stepOffset;
  }

  /**
   * The steps a neuron is held after the step it spiked in, for {@code period} at {@code dt}.
   *
   * @param period the refractory period, ms
   * @param dt the step, ms
   * @return the number of whole steps held, at least 0
   */
  public long heldSteps(double period, double dt) {
    return Math.max(0, (long) Math.floor((period + 1e-3 * dt) / dt) + stepOffset);
  }

  /**
   * The time since the last spike below which a neuron is refractory: {@code (heldSteps + ½)·dt}.
   * {@code t − t_last_spike} is within rounding of a whole number of steps, so comparing it with a
   * half step is exact in steps. Generated kernels compute this once per step, or per neuron when
   * the period is per neuron.
   *
   * @param period the refractory period, ms
   * @param dt the step, ms
   * @return the hold time, ms
   */
  public double holdTime(double period, double dt) {
    return (heldSteps(period, dt) + 0.5) * dt;
  }
}
