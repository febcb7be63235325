package io.brainstem.train.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Shuffled minibatches of a data set, epoch by epoch: epoch {@code e} visits the samples in the
 * order {@link #order(int) order(e)}, a permutation drawn from the seed and {@code e} alone (so an
 * epoch's batches are the same whether or not earlier epochs ran), in batches of
 * {@link #batchSize()} trials; the last batch is smaller unless {@link #dropLast()} is set.
 *
 * <pre>{@code
 * Minibatch batches = Minibatch.of(train, 64, 42);
 * for (int epoch = 0; epoch < 20; epoch++) {
 *   for (Batch b : batches.epoch(epoch)) { ... }
 * }
 * }</pre>
 */
public final class Minibatch {
  private final Dataset data;
  private final int batchSize;
  private final long seed;
  private final boolean dropLast;
  private final boolean shuffle;

  private Minibatch(Dataset data, int batchSize, long seed, boolean dropLast, boolean shuffle) {
    this.data = data;
    this.batchSize = batchSize;
    this.seed = seed;
    this.dropLast = dropLast;
    this.shuffle = shuffle;
  }

  /**
   * Batches of {@code batchSize} samples of {@code data}, shuffled by {@code seed}.
   *
   * @param data the data set
   * @param batchSize {@code B}, between 1 and the data set's size
   * @param seed the shuffling seed
   * @return the minibatches
   */
  public static Minibatch of(Dataset data, int batchSize, long seed) {
    check(data, batchSize);
    return new Minibatch(data, batchSize, seed, false, true);
  }

  /**
   * Batches of {@code batchSize} samples of {@code data} in the data set's order, the same in every
   * epoch (for evaluation and prediction).
   *
   * @param data the data set
   * @param batchSize {@code B}, between 1 and the data set's size
   * @return the minibatches
   */
  public static Minibatch inOrder(Dataset data, int batchSize) {
    check(data, batchSize);
    return new Minibatch(data, batchSize, 0, false, false);
  }

  private static void check(Dataset data, int batchSize) {
    if (data == null) {
      throw new IllegalArgumentException("data is null");
    }
    if (batchSize < 1 || batchSize > data.size()) {
      throw new IllegalArgumentException("batch size B = " + batchSize + " for a data set of "
          + data.size() + " samples: pass a size in [1, " + data.size() + "]");
    }
  }

  /**
   * The same batches without the last, smaller one of each epoch (every batch then has
   * {@code B} trials).
   *
   * @return a new {@link Minibatch}
   */
  public Minibatch dropLast() {
    return new Minibatch(data, batchSize, seed, true, shuffle);
  }

  /**
   * The number of batches per epoch.
   *
   * @return {@code ⌈S/B⌉}, or {@code ⌊S/B⌋} with {@link #dropLast()}
   */
  public int batches() {
    return dropLast ? data.size() / batchSize : (data.size() + batchSize - 1) / batchSize;
  }

  /**
   * {@code B}.
   *
   * @return the batch size
   */
  public int batchSize() {
    return batchSize;
  }

  /**
   * The order in which epoch {@code epoch} visits the samples: a Fisher–Yates shuffle with a
   * generator seeded by the seed and the epoch ({@link #inOrder}: the data set's order).
   *
   * @param epoch the epoch, from 0
   * @return a permutation of {@code [0, S)}
   */
  public int[] order(int epoch) {
    int[] order = new int[data.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    if (!shuffle) {
      return order;
    }
    SplittableRandom rng = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (epoch + 1L)));
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    return order;
  }

  /**
   * The batches of epoch {@code epoch}, each read from the data set when the iterator reaches it
   * (a streamed data set is read one batch at a time).
   *
   * @param epoch the epoch, from 0
   * @return the batches, in order
   */
  public Iterable<Batch> epoch(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch " + epoch + ": epochs count from 0");
    }
    return () -> new Iterator<>() {
      private final int[] order = order(epoch);
      private final int count = batches();
      private int next;

      @Override
      public boolean hasNext() {
        return next < count;
      }

      @Override
      public Batch next() {
        if (!hasNext()) {
          throw new NoSuchElementException("epoch " + epoch + " has " + count + " batches");
        }
        int from = next * batchSize;
        int to = Math.min(from + batchSize, order.length);
        next++;
        return data.batch(java.util.Arrays.copyOfRange(order, from, to));
      }
    };
  }
}
