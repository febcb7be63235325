package io.brainstem.connectivity;

import java.util.Objects;

/**
 * B independent trials in one network: another connector's matrix repeated block-diagonally,
 * {@code trials} times. The groups hold B copies of a model, element {@code b·N + i} being neuron
 * {@code i} of trial {@code b}; this connector connects each trial only to itself, through the SAME
 * synapses in every trial. The inner connector builds one block, once (a random connector draws
 * once), at the sizes of one trial; block {@code b} is that block shifted by {@code b} trials.
 *
 * <p>Synapses stay in CSR order, so trial {@code b}'s synapses are positions {@code b·S .. (b+1)·S}
 * of a per-synapse array ({@code S} synapses per trial): give every trial the same weights with
 * {@link #repeat(double[], int) repeat(oneTrialsWeights, trials)}. A {@code SynapseInit} that draws
 * random values draws per synapse of the whole matrix, so trials would differ; draw one trial's
 * values and repeat them. Per-element parameters and initial states repeat the same way.
 */
public final class Trials implements Connector {
  private final Connector connector;
  private final int trials;

  /**
   * {@code connector}'s matrix repeated for {@code trials} trials.
   *
   * @throws IllegalArgumentException if {@code trials < 1} or the connector is null
   */
  public Trials(Connector connector, int trials) {
    this.connector = Objects.requireNonNull(connector,
        "connector is null; pass the connectivity of one trial, e.g. new FixedProb(0.1, seed)");
    checkTrials(trials);
    this.trials = trials;
  }

  /** The number of trials (blocks). */
  public int trials() {
    return trials;
  }

  @Override
  public Csr build(int preSize, int postSize) {
    Sizes.check(toString(), preSize, postSize);
    if (preSize % trials != 0 || postSize % trials != 0) {
      throw new IllegalArgumentException(this + ": group sizes pre " + preSize + ", post "
          + postSize + " are not multiples of " + trials + " trials; build each group with "
          + trials + " × (neurons per trial) elements");
    }
    return repeat(connector.build(preSize / trials, postSize / trials), trials);
  }

  /**
   * {@code block} repeated block-diagonally {@code trials} times: row {@code b·pre + i} holds the
   * targets of row {@code i} shifted by {@code b·post}.
   *
   * @throws IllegalArgumentException if {@code trials < 1} or the result exceeds one int[] CSR
   */
  public static Csr repeat(Csr block, int trials) {
    checkTrials(trials);
    int pre = block.preSize();
    int post = block.postSize();
    int nnz = block.indices().length;
    Sizes.checkTotal("Trials", (long) nnz * trials);
    Sizes.checkTotal("Trials", (long) Math.max(pre, post) * trials);
    int[] indptr = new int[pre * trials + 1];
    int[] indices = new int[nnz * trials];
    for (int b = 0; b < trials; b++) {
      for (int i = 0; i < pre; i++) {
        indptr[b * pre + i + 1] = b * nnz + block.indptr()[i + 1];
      }
      for (int s = 0; s < nnz; s++) {
        indices[b * nnz + s] = b * post + block.indices()[s];
      }
    }
    return new Csr(pre * trials, post * trials, indptr, indices);
  }

  /**
   * One trial's values repeated {@code trials} times: per-element parameters or initial states
   * ({@code N} values → {@code B·N}), or per-synapse values in CSR order ({@code S → B·S}).
   *
   * @throws IllegalArgumentException if {@code trials < 1} or the result exceeds one array
   */
  public static double[] repeat(double[] oneTrial, int trials) {
    Objects.requireNonNull(oneTrial, "values are null; pass one trial's values");
    checkTrials(trials);
    Sizes.checkTotal("Trials", (long) oneTrial.length * trials);
    double[] all = new double[oneTrial.length * trials];
    for (int b = 0; b < trials; b++) {
      System.arraycopy(oneTrial, 0, all, b * oneTrial.length, oneTrial.length);
    }
    return all;
  }

  private static void checkTrials(int trials) {
    if (trials < 1) {
      throw new IllegalArgumentException("Trials: the number of trials must be ≥ 1, got " + trials);
    }
  }

  @Override
  public String toString() {
    return "Trials(" + connector + ", " + trials + ")";
  }
}
