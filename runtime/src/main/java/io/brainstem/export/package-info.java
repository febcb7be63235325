/**
 * Writing records for other tools: NumPy's {@code .npy} and {@code .npz} ({@link
 * io.brainstem.export.Npy}, {@link io.brainstem.export.Npz}, written by our own code following the
 * NPY format 1.0 exactly) and CSV tables ({@link io.brainstem.export.Csv}); and the growing
 * {@code .npy} files that streamed monitors write as a run goes ({@link
 * io.brainstem.export.NpyAppender}, {@link io.brainstem.export.NpyDirectory}). Reading back:
 * {@link io.brainstem.export.NpyReader} (1-D arrays of NPY and NPZ files) and
 * {@link io.brainstem.export.NpyFile} (N-D arrays, whole or by ranges of rows).
 */
package io.brainstem.export;
