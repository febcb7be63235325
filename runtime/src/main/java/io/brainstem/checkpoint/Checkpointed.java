package io.brainstem.checkpoint;

/**
 * A component with state that its registered variables do not hold: delay buffers, spike counters,
 * the generator of a noise input, a monitor's records. A checkpoint asks every such component for
 * its arrays ({@link #saveState}) and gives them back on resume ({@link #restoreState}), each
 * component under a prefix of its own, so keys need only be unique within the component.
 *
 * <p>Implemented by {@code NeuronGroup} and {@code Projection} (their hidden arrays, see
 * {@code Projection.hiddenDoubles}), the runner's bound inputs, {@code OuNoise}, and every
 * monitor recorder. A stateful {@link io.brainstem.inputs.ElementFunction} of one's own implements
 * it too, or a resumed run restarts it. Registered variables ({@code V}, {@code g},
 * {@code t_last_spike}, spike flags) are saved by the checkpoint itself and need nothing here.
 *
 * <p>{@link #restoreState} is called only after every array of the checkpoint was read and
 * verified, on a network built as the one saved (the fingerprint matched); it should still check
 * lengths (the {@link StateIn} getters do) and throw {@link CheckpointException} naming what does
 * not fit, before changing anything.
 */
public interface Checkpointed {
  /** Puts this component's state into {@code out}; arrays are written before the next step. */
  void saveState(StateOut out);

  /** Restores the state {@link #saveState} put, from {@code in}. */
  void restoreState(StateIn in);
}
