/**
 * Writing records for other tools: NumPy's {@code .npy} and {@code .npz} ({@link
 * io.brainstem.export.Npy}, {@link io.brainstem.export.Npz}, written by our own code following the
 * NPY format 1.0 exactly) and CSV tables ({@link io.brainstem.export.Csv}).
 */
package io.brainstem.export;
