package io.brainstem.train.data;

import io.brainstem.export.NpyFile;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A data set streamed from an NPY file of inputs {@code (S, T, N)}: each
 * {@link #copyInput(int, double[], int) copyInput} reads one sample from the file, so a data set
 * larger than memory can be trained on; the labels {@code (S,)} are read whole. Not thread-safe;
 * close it when done.
 */
public final class NpyDataset implements Dataset, AutoCloseable {
  private final NpyFile inputs;
  private final int[] labels;
  private final int steps;
  private final int neurons;

  private NpyDataset(NpyFile inputs, int[] labels, int steps, int neurons) {
    this.inputs = inputs;
    this.labels = labels;
    this.steps = steps;
    this.neurons = neurons;
  }

  static NpyDataset open(Path inputsFile, Path labelsFile) {
    int[] labels = readLabels(labelsFile);
    NpyFile x = NpyFile.open(inputsFile);
    try {
      int[] shape = x.shape();
      if (shape.length != 3) {
        throw new IllegalArgumentException(inputsFile + " has shape " + Arrays.toString(shape)
            + ": the inputs are (S, T, N), samples × time steps × inputs");
      }
      if (shape[0] != labels.length) {
        throw new IllegalArgumentException(inputsFile + " has S = " + shape[0] + " samples but "
            + labelsFile + " has " + labels.length + " labels: pass one label per sample");
      }
      Batch.checkPositive(shape[0], shape[1], shape[2]);
      return new NpyDataset(x, labels, shape[1], shape[2]);
    } catch (RuntimeException e) {
      x.close();
      throw e;
    }
  }

  private static int[] readLabels(Path file) {
    NpyFile.Array a = NpyFile.read(file);
    if (a.shape().length != 1) {
      throw new IllegalArgumentException(file + " has shape " + Arrays.toString(a.shape())
          + ": the labels are one integer per sample, (S,)");
    }
    int[] labels = new int[a.values().length];
    for (int s = 0; s < labels.length; s++) {
      double v = a.values()[s];
      if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(file + ": label of sample " + s + " is " + v
            + ": labels are class numbers 0, 1, 2, ...");
      }
      labels[s] = (int) v;
    }
    return labels;
  }

  @Override
  public int size() {
    return labels.length;
  }

  @Override
  public int steps() {
    return steps;
  }

  @Override
  public int inputs() {
    return neurons;
  }

  @Override
  public int label(int sample) {
    return labels[sample];
  }

  @Override
  public void copyInput(int sample, double[] dst, int offset) {
    inputs.readRows(sample, 1, dst, offset);
  }

  int[] labels() {
    return labels.clone();
  }

  void readAll(double[] dst) {
    inputs.readRows(0, labels.length, dst, 0);
  }

  /** Closes the inputs' file. */
  @Override
  public void close() {
    inputs.close();
  }
}
