/**
 * Checkpoint and resume: the whole state of a running simulation saved to a directory of NPY files
 * with a JSON manifest ({@link io.brainstem.checkpoint.CheckpointStore}), and the one mechanism
 * through which every component with state outside its registered variables contributes it
 * ({@link io.brainstem.checkpoint.Checkpointed}). See docs/checkpoints.md.
 */
package io.brainstem.checkpoint;
