package io.brainstem.train.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A data set divided into training and test samples (views, not copies).
 *
 * @param train the training samples
 * @param test the held-out samples
 */
public record Split(Dataset train, Dataset test) {
  /**
   * A stratified split: of each class's samples, {@code round(testFraction · count)} go to the
   * test set, chosen by a shuffle seeded by {@code seed}, so both sets keep the class proportions.
   * Each set lists its samples in the data set's order.
   *
   * @param data the data set
   * @param testFraction the fraction held out, in (0, 1)
   * @param seed the shuffling seed
   * @return the two sets, each non-empty
   */
  public static Split stratified(Dataset data, double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("test fraction is " + testFraction
          + ": pass a fraction in (0, 1), e.g. 0.2");
    }
    int classes = data.classes();
    List<List<Integer>> byClass = new ArrayList<>();
    for (int k = 0; k < classes; k++) {
      byClass.add(new ArrayList<>());
    }
    for (int s = 0; s < data.size(); s++) {
      byClass.get(data.label(s)).add(s);
    }
    boolean[] test = new boolean[data.size()];
    SplittableRandom rng = new SplittableRandom(seed);
    for (List<Integer> members : byClass) {
      int[] m = members.stream().mapToInt(Integer::intValue).toArray();
      for (int i = m.length - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int tmp = m[i];
        m[i] = m[j];
        m[j] = tmp;
      }
      int held = (int) Math.round(testFraction * m.length);
      for (int i = 0; i < held; i++) {
        test[m[i]] = true;
      }
    }
    int[] testSamples = indices(test, true);
    int[] trainSamples = indices(test, false);
    if (testSamples.length == 0 || trainSamples.length == 0) {
      throw new IllegalArgumentException("a test fraction of " + testFraction + " of "
          + data.size() + " samples leaves the " + (testSamples.length == 0 ? "test" : "training")
          + " set empty: pass a fraction that leaves samples in both");
    }
    return new Split(data.subset(trainSamples), data.subset(testSamples));
  }

  private static int[] indices(boolean[] flags, boolean value) {
    int[] out = new int[flags.length];
    int n = 0;
    for (int s = 0; s < flags.length; s++) {
      if (flags[s] == value) {
        out[n++] = s;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
