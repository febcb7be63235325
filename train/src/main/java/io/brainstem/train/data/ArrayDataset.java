package io.brainstem.train.data;

/** A data set over a flat row-major {@code (S, T, N)} array and its labels. */
final class ArrayDataset implements Dataset {
  private final double[] x;
  private final int[] labels;
  private final int steps;
  private final int inputs;

  ArrayDataset(double[] x, int[] labels, int steps, int inputs) {
    if (x == null || labels == null) {
      throw new IllegalArgumentException((x == null ? "x" : "labels") + " is null");
    }
    Batch.checkPositive(labels.length, steps, inputs);
    long expected = (long) labels.length * steps * inputs;
    if (x.length != expected) {
      throw new IllegalArgumentException("x has " + x.length + " values but (S, T, N) = ("
          + labels.length + ", " + steps + ", " + inputs + ") needs " + expected
          + ": S comes from the labels; pass S·T·N values, row-major");
    }
    Labels.check(labels);
    this.x = x;
    this.labels = labels;
    this.steps = steps;
    this.inputs = inputs;
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
    return inputs;
  }

  @Override
  public int label(int sample) {
    return labels[sample];
  }

  @Override
  public void copyInput(int sample, double[] dst, int offset) {
    int width = steps * inputs;
    System.arraycopy(x, sample * width, dst, offset, width);
  }
}
