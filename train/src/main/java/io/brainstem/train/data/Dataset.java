package io.brainstem.train.data;

import io.brainstem.export.Npy;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Labelled samples of {@code T} time steps of {@code N} inputs (a sample is one trial of a
 * {@link Batch}), read one at a time: in memory ({@link #of}, {@link #load}), streamed from NPY
 * files ({@link #stream}), or generated ({@link RandmanData}). {@link Minibatch} draws shuffled
 * batches from one, {@link Split} divides one into training and test samples.
 */
public interface Dataset {
  /**
   * {@code S}, the number of samples.
   *
   * @return the size
   */
  int size();

  /**
   * {@code T}, the time steps of every sample.
   *
   * @return the steps
   */
  int steps();

  /**
   * {@code N}, the inputs per step.
   *
   * @return the input count
   */
  int inputs();

  /**
   * The class of sample {@code sample}.
   *
   * @param sample the sample, in {@code [0, size())}
   * @return its label, non-negative
   */
  int label(int sample);

  /**
   * Writes sample {@code sample}'s {@code T·N} inputs, row-major {@code (T, N)}, into {@code dst}
   * from {@code offset}.
   *
   * @param sample the sample, in {@code [0, size())}
   * @param dst the destination
   * @param offset where its first value goes
   */
  void copyInput(int sample, double[] dst, int offset);

  /**
   * The number of classes: the largest label plus one.
   *
   * @return the class count
   */
  default int classes() {
    int max = -1;
    for (int s = 0; s < size(); s++) {
      max = Math.max(max, label(s));
    }
    return max + 1;
  }

  /**
   * The samples {@code samples} of this data set, in that order, as a batch.
   *
   * @param samples the samples, at least one
   * @return a new batch of {@code samples.length} trials
   */
  default Batch batch(int... samples) {
    int width = steps() * inputs();
    double[] x = new double[samples.length * width];
    int[] labels = new int[samples.length];
    for (int b = 0; b < samples.length; b++) {
      copyInput(samples[b], x, b * width);
      labels[b] = label(samples[b]);
    }
    return new Batch(x, samples.length, steps(), inputs(), labels);
  }

  /**
   * A view of the samples {@code samples} of this data set, in that order (not copied).
   *
   * @param samples indices into this data set
   * @return the view
   */
  default Dataset subset(int... samples) {
    return new Subset(this, samples);
  }

  /**
   * Writes the inputs as a float64 NPY {@code (S, T, N)} and the labels as an int32 NPY
   * {@code (S,)}, one sample at a time (a generated data set is never held whole).
   *
   * @param inputsFile the inputs' file
   * @param labelsFile the labels' file
   */
  default void save(Path inputsFile, Path labelsFile) {
    int width = steps() * inputs();
    double[] row = new double[width];
    int[] labels = new int[size()];
    try {
      Path parent = inputsFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(inputsFile))) {
        out.write(Npy.header("<f8", size(), steps(), inputs()));
        ByteBuffer bytes = ByteBuffer.allocate(width * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int s = 0; s < size(); s++) {
          copyInput(s, row, 0);
          bytes.clear();
          bytes.asDoubleBuffer().put(row);
          out.write(bytes.array());
          labels[s] = label(s);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + inputsFile + ": " + e.getMessage(), e);
    }
    Npy.write(labelsFile, labels);
  }

  /**
   * An in-memory data set over {@code x}, row-major {@code (S, T, N)} (not copied), with
   * {@code S = labels.length}.
   *
   * @param x the inputs, {@code S·T·N} values
   * @param labels the class of each sample, non-negative
   * @param steps {@code T}
   * @param inputs {@code N}
   * @return the data set
   * @throws IllegalArgumentException naming the dimension that does not match
   */
  static Dataset of(double[] x, int[] labels, int steps, int inputs) {
    return new ArrayDataset(x, labels, steps, inputs);
  }

  /**
   * An in-memory data set copied from {@code x[s][t][n]}.
   *
   * @param x the inputs, {@code [S][T][N]}
   * @param labels the class of each sample
   * @return the data set
   * @throws IllegalArgumentException naming the sample and step whose T or N differs
   */
  static Dataset of(double[][][] x, int[] labels) {
    Batch b = Batch.of(x, labels);
    return new ArrayDataset(b.inputs(), b.labels(), b.steps(), b.neurons());
  }

  /**
   * Loads a data set whole from an NPY of inputs {@code (S, T, N)} (any numeric dtype) and one of
   * integer labels {@code (S,)}.
   *
   * @param inputsFile the inputs
   * @param labelsFile the labels
   * @return the data set, in memory
   */
  static Dataset load(Path inputsFile, Path labelsFile) {
    try (NpyDataset streamed = stream(inputsFile, labelsFile)) {
      double[] x = new double[Math.toIntExact((long) streamed.size() * streamed.steps()
          * streamed.inputs())];
      streamed.readAll(x);
      return new ArrayDataset(x, streamed.labels(), streamed.steps(), streamed.inputs());
    }
  }

  /**
   * A data set that reads each sample's inputs from the NPY file {@code inputsFile}
   * {@code (S, T, N)} when asked, holding only the labels in memory; close it when done.
   *
   * @param inputsFile the inputs
   * @param labelsFile the labels
   * @return the open data set
   */
  static NpyDataset stream(Path inputsFile, Path labelsFile) {
    return NpyDataset.open(inputsFile, labelsFile);
  }
}
