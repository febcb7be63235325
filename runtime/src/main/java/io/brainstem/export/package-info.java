/**
 * Writing records for other tools: NumPy's {@code .npy} and {@code .npz} ({@link
 * io.brainstem.export.Npy}, {@link io.brainstem.export.Npz}, written by our own code following the
 * NPY format 1.0 exactly) and CSV tables ({@link io.brainstem.export.Csv}); and the growing
 * {@code .npy} files that streamed monitors write as a run goes ({@link
 * io.brainstem.export.NpyAppender}, {@link io.brainstem.export.NpyDirectory}).
 */
package io.brainstem.export;
