package io.brainstem.train.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One batch of {@code B} trials for a sequence-to-sequence readout (ridge): inputs
 * {@code (B, T, inputs)} and targets {@code (B, T, outputs)}, row {@code t} of a trial's targets
 * being the target of its state after step {@code t}. A streamed ridge fit takes an
 * {@code Iterable<SequenceBatch>} (from {@link #split}, {@link SequenceFiles}, or a generator of
 * one's own), so a data set need not fit in memory. The arrays are used as given, not copied.
 *
 * @param inputs {@code [B][T][inputs]}
 * @param targets {@code [B][T][outputs]}
 */
public record SequenceBatch(double[][][] inputs, double[][][] targets) {
  /** Checks that both arrays are present; their shapes are checked by the trainer. */
  public SequenceBatch {
    Objects.requireNonNull(inputs, "inputs are null: pass (B, T, inputs)");
    Objects.requireNonNull(targets, "targets are null: pass (B, T, outputs)");
  }

  /** The number of trials B. */
  public int size() {
    return inputs.length;
  }

  /**
   * In-memory trials {@code (S, T, ·)} cut into consecutive batches of {@code batchSize} trials
   * (views of the same rows, not copies).
   *
   * @throws IllegalArgumentException if the trial counts differ, or {@code S} is not a multiple of
   *     {@code batchSize} (a network of B trials takes exactly B)
   */
  public static List<SequenceBatch> split(double[][][] inputs, double[][][] targets, int batchSize) {
    Objects.requireNonNull(inputs, "inputs are null: pass (S, T, inputs)");
    Objects.requireNonNull(targets, "targets are null: pass (S, T, outputs)");
    if (inputs.length != targets.length) {
      throw new IllegalArgumentException("inputs hold " + inputs.length + " trials but targets hold "
          + targets.length + ": pass one target sequence per input sequence");
    }
    checkBatches(inputs.length, batchSize, "the arrays");
    List<SequenceBatch> out = new ArrayList<>();
    for (int s = 0; s < inputs.length; s += batchSize) {
      double[][][] x = new double[batchSize][][];
      double[][][] y = new double[batchSize][][];
      System.arraycopy(inputs, s, x, 0, batchSize);
      System.arraycopy(targets, s, y, 0, batchSize);
      out.add(new SequenceBatch(x, y));
    }
    return out;
  }

  static void checkBatches(int samples, int batchSize, String source) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be ≥ 1 trial, got " + batchSize);
    }
    if (samples == 0 || samples % batchSize != 0) {
      throw new IllegalArgumentException(source + " hold S = " + samples + " trials, not a "
          + "positive multiple of the batch size " + batchSize + ": a network of B trials takes "
          + "exactly B per batch; choose a B that divides S, or drop " + (samples % batchSize)
          + " trials");
    }
  }
}
