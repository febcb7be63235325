package io.brainstem.train.data;

/** A view of some samples of another data set, in a given order. */
final class Subset implements Dataset {
  private final Dataset source;
  private final int[] samples;

  Subset(Dataset source, int[] samples) {
    if (samples == null || samples.length == 0) {
      throw new IllegalArgumentException("a subset needs at least one sample");
    }
    for (int s : samples) {
      if (s < 0 || s >= source.size()) {
        throw new IllegalArgumentException("sample " + s + " is out of the data set's range [0, "
            + source.size() + ")");
      }
    }
    this.source = source;
    this.samples = samples.clone();
  }

  @Override
  public int size() {
    return samples.length;
  }

  @Override
  public int steps() {
    return source.steps();
  }

  @Override
  public int inputs() {
    return source.inputs();
  }

  @Override
  public int label(int sample) {
    return source.label(samples[sample]);
  }

  @Override
  public void copyInput(int sample, double[] dst, int offset) {
    source.copyInput(samples[sample], dst, offset);
  }
}
