package io.brainstem.train.loss;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.train.TrainingDivergedException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftmaxCrossEntropyTest {
  @Test
  void valueByHand() {
    // one sample, scores (0, ln 3): softmax (1/4, 3/4); label 1: loss = ln 4 − ln 3
    double[] z = {0, Math.log(3)};
    double[] d = new double[2];
    double loss = SoftmaxCrossEntropy.mean(2).loss(z, new int[] {1}, d);
    assertThat(loss).isWithin(1e-15).of(Math.log(4.0 / 3));
    assertThat(d).usingTolerance(1e-15).containsExactly(0.25, -0.25).inOrder();
    // equal scores over K classes: ln K
    assertThat(SoftmaxCrossEntropy.mean(10).loss(new double[10], new int[] {7}, null))
        .isWithin(1e-15).of(Math.log(10));
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    SplittableRandom rng = new SplittableRandom(5);
    int b = 4;
    int k = 5;
    double[] z = new double[b * k];
    for (int i = 0; i < z.length; i++) {
      z[i] = 3 * rng.nextGaussian();
    }
    int[] labels = {0, 4, 2, 2};
    for (Reduction r : Reduction.values()) {
      SoftmaxCrossEntropy ce = SoftmaxCrossEntropy.of(k, r);
      double[] d = new double[z.length];
      ce.loss(z, labels, d);
      double[] fd = FiniteDifference.gradient(x -> ce.loss(x, labels, null), z, 1e-5);
      for (int i = 0; i < d.length; i++) {
        assertThat(d[i]).isWithin(1e-8).of(fd[i]);
      }
    }
  }

  @Test
  void sumIsBatchTimesMean() {
    double[] z = {1, 2, 3, -1, 0, 5};
    int[] labels = {2, 0};
    double[] dm = new double[6];
    double[] ds = new double[6];
    double mean = SoftmaxCrossEntropy.mean(3).loss(z, labels, dm);
    double sum = SoftmaxCrossEntropy.of(3, Reduction.SUM).loss(z, labels, ds);
    assertThat(sum).isWithin(1e-14).of(2 * mean);
    for (int i = 0; i < 6; i++) {
      assertThat(ds[i]).isWithin(1e-15).of(2 * dm[i]);
    }
  }

  /** Scores of ±1000 (spike counts × a large scale) overflow exp() without log-sum-exp. */
  @Test
  void largeScoresStayFinite() {
    double[] z = {1000, -1000, 999};
    double[] d = new double[3];
    double loss = SoftmaxCrossEntropy.mean(3).loss(z, new int[] {2}, d);
    assertThat(loss).isWithin(1e-12).of(1 + Math.log1p(Math.exp(-1)));
    assertThat(d[0]).isWithin(1e-12).of(1 / (1 + Math.exp(-1)));
    assertThat(d[1]).isEqualTo(0.0);
    assertThat(d[2]).isWithin(1e-12).of(Math.exp(-1) / (1 + Math.exp(-1)) - 1);
    assertThat(SoftmaxCrossEntropy.mean(3).loss(z, new int[] {1}, null))
        .isWithin(1e-9).of(2000 + Math.log1p(Math.exp(-1)));
  }

  @Test
  void accuracyCountsTheHighestScore() {
    SoftmaxCrossEntropy ce = SoftmaxCrossEntropy.mean(3);
    double[] z = {0, 5, 1, 7, 0, 0, 2, 2, 1};
    assertThat(ce.accuracy(z, new int[] {1, 0, 1})).isWithin(1e-15).of(2.0 / 3); // tie → first
    assertThat(ce.predicted(z, 2)).isEqualTo(0);
  }

  @Test
  void badShapesAndLabelsAreNamed() {
    SoftmaxCrossEntropy ce = SoftmaxCrossEntropy.mean(3);
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> ce.loss(new double[5], new int[] {0, 1}, null))).hasMessageThat()
        .contains("2 labels × 3 classes need 6");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> ce.loss(new double[6], new int[] {0, 3}, null))).hasMessageThat()
        .contains("label of sample 1 is 3");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> SoftmaxCrossEntropy.mean(1))).hasMessageThat().contains("at least 2");
  }

  @Test
  void nanLossNamesEpochAndBatch() {
    double loss = SoftmaxCrossEntropy.mean(2).loss(new double[] {Double.NaN, 0}, new int[] {0},
        null);
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
        () -> LossCheck.finite(loss, 3, 17));
    assertThat(e).hasMessageThat().contains("epoch 3, batch 17");
    assertThat(e.epoch()).isEqualTo(3);
    assertThat(e.batch()).isEqualTo(17);
    assertThat(LossCheck.finite(0.5, 0, 0)).isEqualTo(0.5);
    assertThrows(TrainingDivergedException.class,
        () -> LossCheck.finite(Double.POSITIVE_INFINITY, 0, 0));
  }
}
