package io.brainstem.train.data;

import io.brainstem.export.NpyFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Sequences streamed from two NPY files, inputs {@code (S, T, inputs)} and targets
 * {@code (S, T, outputs)}, in batches of {@code B} trials: each batch is read from the files when
 * the iteration reaches it, so only one batch is in memory. Iterable more than once (each pass
 * reads the files again); not thread-safe; close it when done.
 *
 * <pre>{@code
 * try (SequenceFiles data = SequenceFiles.open(Path.of("x.npy"), Path.of("y.npy"), 8)) {
 *   trainer.fit(data); // a trainer of a network of 8 trials
 * }
 * }</pre>
 */
public final class SequenceFiles implements Iterable<SequenceBatch>, AutoCloseable {
  private final NpyFile inputs;
  private final NpyFile targets;
  private final int[] inShape;
  private final int[] outShape;
  private final int batchSize;

  private SequenceFiles(NpyFile inputs, NpyFile targets, int batchSize) {
    this.inputs = inputs;
    this.targets = targets;
    this.inShape = inputs.shape();
    this.outShape = targets.shape();
    this.batchSize = batchSize;
  }

  /**
   * Opens the two files.
   *
   * @throws IllegalArgumentException if a file is not 3-D, the files disagree on S or T (the
   *     message names the file, the expected and the found shape), or S is not a multiple of
   *     {@code batchSize}
   */
  public static SequenceFiles open(Path inputsFile, Path targetsFile, int batchSize) {
    NpyFile x = NpyFile.open(inputsFile);
    NpyFile y = null;
    try {
      y = NpyFile.open(targetsFile);
      int[] xs = x.shape();
      int[] ys = y.shape();
      if (xs.length != 3) {
        throw new IllegalArgumentException(inputsFile + " has shape " + Arrays.toString(xs)
            + ": the inputs are (S, T, inputs), trials × time steps × inputs");
      }
      if (ys.length != 3) {
        throw new IllegalArgumentException(targetsFile + " has shape " + Arrays.toString(ys)
            + ": the targets are (S, T, outputs), trials × time steps × outputs");
      }
      if (xs[0] != ys[0] || xs[1] != ys[1]) {
        throw new IllegalArgumentException(targetsFile + " has shape " + Arrays.toString(ys)
            + " but " + inputsFile + " has " + Arrays.toString(xs) + ", so expected (S=" + xs[0]
            + ", T=" + xs[1] + ", outputs): pass one target row per input row");
      }
      if (xs[1] == 0 || ys[2] == 0) {
        throw new IllegalArgumentException(inputsFile + " / " + targetsFile + " have shapes "
            + Arrays.toString(xs) + " / " + Arrays.toString(ys) + ": T and outputs must be ≥ 1");
      }
      SequenceBatch.checkBatches(xs[0], batchSize, inputsFile.toString());
      return new SequenceFiles(x, y, batchSize);
    } catch (RuntimeException e) {
      x.close();
      if (y != null) {
        y.close();
      }
      throw e;
    }
  }

  /** The number of trials S in the files. */
  public int trials() {
    return inShape[0];
  }

  /** The number of batches, {@code S / B}. */
  public int batches() {
    return inShape[0] / batchSize;
  }

  @Override
  public Iterator<SequenceBatch> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < inShape[0];
      }

      @Override
      public SequenceBatch next() {
        if (!hasNext()) {
          throw new NoSuchElementException("all " + batches() + " batches were read");
        }
        SequenceBatch batch = new SequenceBatch(read(inputs, inShape, next),
            read(targets, outShape, next));
        next += batchSize;
        return batch;
      }
    };
  }

  private double[][][] read(NpyFile file, int[] shape, int first) {
    int steps = shape[1];
    int width = shape[2];
    double[] flat = new double[batchSize * steps * width];
    file.readRows(first, batchSize, flat, 0);
    double[][][] out = new double[batchSize][steps][width];
    for (int b = 0; b < batchSize; b++) {
      for (int t = 0; t < steps; t++) {
        System.arraycopy(flat, (b * steps + t) * width, out[b][t], 0, width);
      }
    }
    return out;
  }

  @Override
  public void close() {
    inputs.close();
    targets.close();
  }
}
