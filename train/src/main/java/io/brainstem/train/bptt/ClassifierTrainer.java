package io.brainstem.train.bptt;

import io.brainstem.train.data.Batch;
import io.brainstem.train.data.Dataset;
import io.brainstem.train.data.Minibatch;
import io.brainstem.train.loss.LossCheck;
import io.brainstem.train.loss.SoftmaxCrossEntropy;
import io.brainstem.train.optim.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the gradient-trained classifiers share (BrainPy's {@code fit}/{@code predict} shape): epochs
 * of minibatches, the softmax cross-entropy of per-trial class scores, the optimizer step, the
 * histories of losses and accuracies, a progress callback, and evaluation in batches. A subclass
 * computes a batch's scores, and its loss with the gradients ({@link #train}).
 */
public abstract class ClassifierTrainer {
  /** The loss: the mean softmax cross-entropy of the scores. */
  protected final SoftmaxCrossEntropy loss;
  /** The optimizer, with the subclass's parameters registered. */
  protected final Optimizer optimizer;
  private final Consumer<Epoch> progress;
  private final List<Double> losses = new ArrayList<>();
  private final List<Double> accuracies = new ArrayList<>();
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();
  private long forwardNanos; // CPU time of training's forward passes
  private long backwardNanos; // of its backward passes, recomputed segments included

  /**
   * A trainer of {@code classes} classes.
   *
   * @param classes C, at least 2
   * @param optimizer the optimizer (required)
   * @param progress called after each epoch, or null
   */
  protected ClassifierTrainer(int classes, Optimizer optimizer, Consumer<Epoch> progress) {
    this.loss = SoftmaxCrossEntropy.mean(classes);
    this.optimizer = Objects.requireNonNull(optimizer,
        "no optimizer: pass one, e.g. optimizer(Adam.of(2e-3))");
    this.progress = progress;
  }

  /** The calling thread's CPU time in nanoseconds: what {@link #trainingTime()} sums. */
  protected static long cpuNanos() {
    return CPU.getCurrentThreadCpuTime();
  }

  /** Adds a training forward pass's CPU time (from {@link #cpuNanos()}) to {@link #trainingTime()}. */
  protected final void forwardTook(long nanos) {
    forwardNanos += nanos;
  }

  /** Adds a backward pass's CPU time, its recomputed segments included, to {@link #trainingTime()}. */
  protected final void backwardTook(long nanos) {
    backwardNanos += nanos;
  }

  /** The CPU time the backward passes so far spent recomputing segments from checkpoints. */
  protected abstract long recomputeNanos();

  /**
   * The CPU time of the training so far ({@link #fit}), split into forward passes, backward passes
   * and the segments they recomputed; the loss, the optimizer and the bookkeeping between are in
   * none.
   *
   * @return the split, in seconds
   */
  public final TrainingTime trainingTime() {
    long recompute = recomputeNanos();
    return new TrainingTime(forwardNanos / 1e9, (backwardNanos - recompute) / 1e9,
        recompute / 1e9);
  }

  /**
   * The class scores of each trial of {@code batch} (no training).
   *
   * @param batch the inputs
   * @return {@code B·C} scores, trial-major
   */
  public abstract double[] scores(Batch batch);

  /**
   * Writes the scores of {@code batch} and adds the gradients of its mean loss to the arrays
   * registered with the optimizer.
   *
   * @param batch the inputs and labels
   * @param scores written, {@code B·C}
   * @return the batch's mean loss
   */
  protected abstract double train(Batch batch, double[] scores);

  /**
   * Trains for {@code epochs} epochs of minibatches of {@code batchSize} trials drawn in an order
   * seeded by {@code seed} (then the epoch).
   *
   * @param data the training set, {@code (T, N)} per trial with labels
   * @param epochs the number of passes over the data
   * @param batchSize B
   * @param seed the shuffling seed
   * @return this trainer
   * @throws io.brainstem.train.TrainingDivergedException when a loss is NaN or infinite, naming the
   *     epoch and batch
   */
  public ClassifierTrainer fit(Dataset data, int epochs, int batchSize, long seed) {
    Minibatch batches = Minibatch.of(data, batchSize, seed);
    for (int epoch = 0; epoch < epochs; epoch++) {
      long start = System.nanoTime();
      double lossSum = 0;
      int correct = 0;
      int seen = 0;
      int index = 0;
      for (Batch batch : batches.epoch(epoch)) {
        optimizer.zeroGradients();
        double[] scores = new double[batch.size() * loss.classes()];
        double value = LossCheck.finite(train(batch, scores), epoch, index);
        optimizer.step();
        lossSum += value * batch.size();
        correct += (int) Math.round(loss.accuracy(scores, batch.labels()) * batch.size());
        seen += batch.size();
        index++;
      }
      losses.add(lossSum / seen);
      accuracies.add(correct / (double) seen);
      if (progress != null) {
        progress.accept(new Epoch(epoch, lossSum / seen, correct / (double) seen,
            (System.nanoTime() - start) / 1e9));
      }
    }
    return this;
  }

  /**
   * The predicted class of each trial (BrainPy's {@code predict}).
   *
   * @param batch the inputs
   * @return one class per trial
   */
  public int[] predict(Batch batch) {
    double[] scores = scores(batch);
    int[] out = new int[batch.size()];
    for (int b = 0; b < out.length; b++) {
      out[b] = loss.predicted(scores, b);
    }
    return out;
  }

  /**
   * The fraction of {@code data} classified correctly, evaluated in batches of {@code batchSize}.
   *
   * @param data labelled trials
   * @param batchSize trials per pass
   * @return the accuracy in [0, 1]
   */
  public double accuracy(Dataset data, int batchSize) {
    int correct = 0;
    for (int first = 0; first < data.size(); first += batchSize) {
      Batch batch = data.batch(range(first, Math.min(batchSize, data.size() - first)));
      int[] predicted = predict(batch);
      for (int k = 0; k < predicted.length; k++) {
        correct += predicted[k] == batch.labels()[k] ? 1 : 0;
      }
    }
    return correct / (double) data.size();
  }

  /**
   * The mean loss over {@code data} with the current parameters (no training), evaluated in
   * batches of {@code batchSize}.
   *
   * @param data labelled trials
   * @param batchSize trials per pass
   * @return the mean softmax cross-entropy per trial
   */
  public double loss(Dataset data, int batchSize) {
    double sum = 0;
    for (int first = 0; first < data.size(); first += batchSize) {
      int n = Math.min(batchSize, data.size() - first);
      Batch batch = data.batch(range(first, n));
      sum += loss.loss(scores(batch), batch.labels(), null) * n;
    }
    return sum / data.size();
  }

  private static int[] range(int first, int n) {
    int[] samples = new int[n];
    for (int k = 0; k < n; k++) {
      samples[k] = first + k;
    }
    return samples;
  }

  /**
   * The mean training loss of each epoch so far.
   *
   * @return an unmodifiable list
   */
  public List<Double> lossHistory() {
    return Collections.unmodifiableList(losses);
  }

  /**
   * The training accuracy of each epoch so far (measured on the batches as they were trained).
   *
   * @return an unmodifiable list
   */
  public List<Double> accuracyHistory() {
    return Collections.unmodifiableList(accuracies);
  }
}
