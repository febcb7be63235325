package io.brainstem.train.bptt;

/**
 * Where a {@link BptTrainer}'s training time went (CPU time of the thread that called {@code fit},
 * summed over its batches): the forward passes, which record the states; the backward passes
 * without recomputation; and the forward steps the backward passes recomputed from checkpoints
 * (runs longer than {@code maxStoredSteps}). {@link #adjointRatio()} is issue 14's adjoint bound
 * measured on the whole network (readout, input weights, synapses and neurons).
 *
 * @param forwardSeconds CPU seconds in the forward passes
 * @param backwardSeconds CPU seconds in the backward passes, recomputation excluded
 * @param recomputeSeconds CPU seconds recomputing segments during the backward passes
 */
public record TrainingTime(double forwardSeconds, double backwardSeconds, double recomputeSeconds) {

  /** The backward pass against the forward pass: {@code backwardSeconds / forwardSeconds}. */
  public double adjointRatio() {
    return backwardSeconds / forwardSeconds;
  }
}
