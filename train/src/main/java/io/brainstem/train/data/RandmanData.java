package io.brainstem.train.data;

import java.util.SplittableRandom;

/**
 * A spike-timing classification data set from random manifolds (Zenke &amp; Vogels 2021; their
 * {@code make_spiking_dataset}): each class is one {@link Randman} per spike of a unit, mapping a
 * {@code D}-dimensional coordinate to one firing time per unit; the samples of a class are points
 * of its manifolds at uniformly random coordinates. Every unit fires exactly
 * {@code spikesPerUnit} times in every sample, so spike counts carry no information: only the
 * timing does.
 *
 * <p>The algorithm, from a {@link SplittableRandom} of the seed: (1) a manifold seed for each
 * class and spike ({@code nextLong()}, class-major); (2) for each class, {@code samplesPerClass}
 * coordinates uniform in {@code [0, 1)^D}, each manifold evaluated at them, each unit's values
 * min–max scaled over the class's samples to {@code y ∈ [0, 1)} ({@code (v − min)/(max − min +
 * 10⁻⁷)}), the spike time {@code y · steps · stepFraction} (in time steps); (3) the samples
 * shuffled (Fisher–Yates). As a {@link Dataset}, a sample's inputs are its spike raster
 * {@code (T, N)}: the number of the unit's spikes whose time falls in step {@code ⌊time⌋}.
 *
 * <pre>{@code
 * RandmanData data = RandmanData.builder().seed(42).build(); // 10 classes, 100 units, 100 steps
 * Split split = Split.stratified(data, 0.2, 1);
 * }</pre>
 */
public final class RandmanData implements Dataset {
  private static final double STANDARDIZE_EPSILON = 1e-7;

  private final int classes;
  private final int units;
  private final int steps;
  private final int spikes;
  private final int dimension;
  private final double[] times;
  private final double[] coordinates;
  private final int[] labels;

  private RandmanData(Builder b) {
    this.classes = b.classes;
    this.units = b.units;
    this.steps = b.steps;
    this.spikes = b.spikesPerUnit;
    this.dimension = b.manifoldDimension;
    int perSample = units * spikes;
    int size = classes * b.samplesPerClass;
    double[] t = new double[size * perSample];
    double[] xs = new double[size * dimension];
    int[] y = new int[size];
    SplittableRandom rng = new SplittableRandom(b.seed);
    long[] manifoldSeeds = new long[classes * spikes];
    for (int i = 0; i < manifoldSeeds.length; i++) {
      manifoldSeeds[i] = rng.nextLong();
    }
    double[] point = new double[dimension];
    double[] values = new double[units];
    double[] raw = new double[b.samplesPerClass * units];
    for (int k = 0; k < classes; k++) {
      int first = k * b.samplesPerClass;
      for (int s = 0; s < b.samplesPerClass; s++) {
        y[first + s] = k;
        for (int d = 0; d < dimension; d++) {
          xs[(first + s) * dimension + d] = rng.nextDouble();
        }
      }
      for (int j = 0; j < spikes; j++) {
        Randman manifold = new Randman(units, dimension, b.alpha, manifoldSeeds[k * spikes + j]);
        for (int s = 0; s < b.samplesPerClass; s++) {
          System.arraycopy(xs, (first + s) * dimension, point, 0, dimension);
          manifold.evaluate(point, values);
          System.arraycopy(values, 0, raw, s * units, units);
        }
        for (int u = 0; u < units; u++) {
          double min = Double.POSITIVE_INFINITY;
          double max = Double.NEGATIVE_INFINITY;
          for (int s = 0; s < b.samplesPerClass; s++) {
            min = Math.min(min, raw[s * units + u]);
            max = Math.max(max, raw[s * units + u]);
          }
          for (int s = 0; s < b.samplesPerClass; s++) {
            double scaled = (raw[s * units + u] - min) / (max - min + STANDARDIZE_EPSILON);
            t[(first + s) * perSample + u * spikes + j] = scaled * steps * b.stepFraction;
          }
        }
      }
    }
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    this.times = new double[t.length];
    this.coordinates = new double[xs.length];
    this.labels = new int[size];
    for (int i = 0; i < size; i++) {
      System.arraycopy(t, order[i] * perSample, times, i * perSample, perSample);
      System.arraycopy(xs, order[i] * dimension, coordinates, i * dimension, dimension);
      labels[i] = y[order[i]];
    }
  }

  /**
   * A builder with Zenke &amp; Vogels' defaults: 10 classes, 100 units, 100 steps, D = 2, one spike
   * per unit, 1000 samples per class, α = 2, step fraction 1, seed 0.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The spike time of {@code unit}'s spike {@code spike} in sample {@code sample}, in time steps,
   * in {@code [0, steps · stepFraction)}.
   *
   * @param sample the sample
   * @param unit the unit, in {@code [0, units)}
   * @param spike which of the unit's spikes, in {@code [0, spikesPerUnit)}
   * @return the time, in steps (multiply by the step to get a time)
   */
  public double spikeTime(int sample, int unit, int spike) {
    return times[(sample * units + unit) * spikes + spike];
  }

  /**
   * The manifold coordinates sample {@code sample} was drawn at (a regression target).
   *
   * @param sample the sample
   * @return {@code D} coordinates in {@code [0, 1)}
   */
  public double[] coordinates(int sample) {
    return java.util.Arrays.copyOfRange(coordinates, sample * dimension,
        (sample + 1) * dimension);
  }

  /**
   * The number of spikes each unit fires in each sample.
   *
   * @return spikes per unit
   */
  public int spikesPerUnit() {
    return spikes;
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
    return units;
  }

  @Override
  public int classes() {
    return classes;
  }

  @Override
  public int label(int sample) {
    return labels[sample];
  }

  @Override
  public void copyInput(int sample, double[] dst, int offset) {
    java.util.Arrays.fill(dst, offset, offset + steps * units, 0);
    for (int u = 0; u < units; u++) {
      for (int j = 0; j < spikes; j++) {
        int step = Math.min((int) spikeTime(sample, u, j), steps - 1);
        dst[offset + step * units + u] += 1;
      }
    }
  }

  /** The settings of a {@link RandmanData}. */
  public static final class Builder {
    private int classes = 10;
    private int units = 100;
    private int steps = 100;
    private int manifoldDimension = 2;
    private int spikesPerUnit = 1;
    private int samplesPerClass = 1000;
    private double alpha = 2;
    private double stepFraction = 1;
    private long seed;

    private Builder() {}

    /**
     * The number of classes (one manifold per class and spike).
     *
     * @param classes at least 2
     * @return this builder
     */
    public Builder classes(int classes) {
      this.classes = atLeast("classes", classes, 2);
      return this;
    }

    /**
     * The number of input units {@code N} (the embedding dimension).
     *
     * @param units at least 1
     * @return this builder
     */
    public Builder units(int units) {
      this.units = atLeast("units", units, 1);
      return this;
    }

    /**
     * The number of time steps {@code T} of a sample.
     *
     * @param steps at least 1
     * @return this builder
     */
    public Builder steps(int steps) {
      this.steps = atLeast("steps", steps, 1);
      return this;
    }

    /**
     * The manifold dimension {@code D}: larger is harder.
     *
     * @param dimension at least 1
     * @return this builder
     */
    public Builder manifoldDimension(int dimension) {
      this.manifoldDimension = atLeast("manifold dimension", dimension, 1);
      return this;
    }

    /**
     * The number of spikes each unit fires in each sample.
     *
     * @param spikes at least 1
     * @return this builder
     */
    public Builder spikesPerUnit(int spikes) {
      this.spikesPerUnit = atLeast("spikes per unit", spikes, 1);
      return this;
    }

    /**
     * The number of samples of each class.
     *
     * @param samples at least 2 (the scaling needs a minimum and a maximum)
     * @return this builder
     */
    public Builder samplesPerClass(int samples) {
      this.samplesPerClass = atLeast("samples per class", samples, 2);
      return this;
    }

    /**
     * The smoothness exponent {@code α} of the manifolds (2 by default; larger is smoother).
     *
     * @param alpha positive
     * @return this builder
     */
    public Builder alpha(double alpha) {
      Randman.terms(alpha);
      this.alpha = alpha;
      return this;
    }

    /**
     * The fraction of the steps, from the start, that spikes fall in.
     *
     * @param fraction in (0, 1]
     * @return this builder
     */
    public Builder stepFraction(double fraction) {
      if (!(fraction > 0 && fraction <= 1)) {
        throw new IllegalArgumentException("step fraction " + fraction
            + ": pass a fraction in (0, 1]");
      }
      this.stepFraction = fraction;
      return this;
    }

    /**
     * The seed: the same settings and seed give the same data set.
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Generates the data set.
     *
     * @return the data set, in memory as spike times
     */
    public RandmanData build() {
      long values = (long) classes * samplesPerClass * units * spikesPerUnit;
      if (values > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(values + " spike times do not fit in an array: "
            + "lower the samples per class, units or spikes per unit");
      }
      return new RandmanData(this);
    }

    private static int atLeast(String name, int value, int min) {
      if (value < min) {
        throw new IllegalArgumentException(name + " = " + value + ": pass at least " + min);
      }
      return value;
    }
  }
}
