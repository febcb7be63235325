package io.brainstem.train.data;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.train.loss.LossCheck;
import io.brainstem.train.loss.SoftmaxCrossEntropy;
import io.brainstem.train.optim.Adam;
import io.brainstem.train.optim.Optimizer;
import io.brainstem.train.optim.Schedule;
import org.junit.jupiter.api.Test;

/**
 * The building blocks composed, without a network: a softmax regression on the spike times of a
 * Randman data set (10 classes, 100 units, D = 1), trained by minibatches with Adam, a cosine
 * schedule and clipping, scored on a stratified held-out fifth.
 */
class BuildingBlocksTogetherTest {
  private static final int UNITS = 100;
  private static final int CLASSES = 10;

  @Test
  void softmaxRegressionOnRandmanSpikeTimesLearns() {
    RandmanData data = RandmanData.builder().classes(CLASSES).units(UNITS).manifoldDimension(1)
        .samplesPerClass(100).seed(1).build();
    Split split = Split.stratified(data, 0.2, 2);
    Minibatch batches = Minibatch.of(split.train(), 32, 3);
    int epochs = 60;
    double[] w = new double[CLASSES * UNITS];
    double[] b = new double[CLASSES];
    double[] dw = new double[w.length];
    double[] db = new double[b.length];
    Optimizer adam = Adam.builder(Schedule.cosine(0.05, epochs * batches.batches(), 1e-3))
        .clipGlobalNorm(5).build().add("w", w, dw).add("b", b, db);
    SoftmaxCrossEntropy ce = SoftmaxCrossEntropy.mean(CLASSES);
    double firstLoss = Double.NaN;
    double lastLoss = Double.NaN;
    for (int epoch = 0; epoch < epochs; epoch++) {
      int index = 0;
      double sum = 0;
      for (Batch batch : batches.epoch(epoch)) {
        double[] x = features(batch);
        double[] z = scores(x, batch.size(), w, b);
        double[] dz = new double[z.length];
        double loss = LossCheck.finite(ce.loss(z, batch.labels(), dz), epoch, index++);
        sum += loss * batch.size();
        adam.zeroGradients();
        for (int s = 0; s < batch.size(); s++) {
          for (int k = 0; k < CLASSES; k++) {
            double g = dz[s * CLASSES + k];
            db[k] += g;
            for (int u = 0; u < UNITS; u++) {
              dw[k * UNITS + u] += g * x[s * UNITS + u];
            }
          }
        }
        adam.step();
      }
      double mean = sum / split.train().size();
      firstLoss = epoch == 0 ? mean : firstLoss;
      lastLoss = mean;
    }
    int[] all = new int[split.test().size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    Batch test = split.test().batch(all);
    double accuracy = ce.accuracy(scores(features(test), test.size(), w, b), test.labels());
    // measured: loss 2.33 in the first epoch, 0.021 in the last; held-out accuracy 1.0
    assertThat(firstLoss).isGreaterThan(2.0); // ln 10 = 2.30 at the start
    assertThat(lastLoss).isLessThan(0.1);
    assertThat(accuracy).isAtLeast(0.9); // chance 0.1
  }

  /** Each unit's spike step, scaled to [0, 1): the only spike of the unit in the raster. */
  private static double[] features(Batch batch) {
    double[] x = new double[batch.size() * UNITS];
    for (int s = 0; s < batch.size(); s++) {
      for (int t = 0; t < batch.steps(); t++) {
        for (int u = 0; u < UNITS; u++) {
          if (batch.input(s, t, u) > 0) {
            x[s * UNITS + u] = (double) t / batch.steps();
          }
        }
      }
    }
    return x;
  }

  private static double[] scores(double[] x, int samples, double[] w, double[] b) {
    double[] z = new double[samples * CLASSES];
    for (int s = 0; s < samples; s++) {
      for (int k = 0; k < CLASSES; k++) {
        double sum = b[k];
        for (int u = 0; u < UNITS; u++) {
          sum += w[k * UNITS + u] * x[s * UNITS + u];
        }
        z[s * CLASSES + k] = sum;
      }
    }
    return z;
  }
}
