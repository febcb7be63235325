package io.brainstem.train.loss;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MseTest {
  @Test
  void valueByHand() {
    double[] y = {1, 2, 3, 4};
    double[] t = {0, 2, 5, 4};
    double[] d = new double[4];
    // errors 1, 0, −2, 0: squared sum 5
    assertThat(Mse.mean().loss(y, t, d)).isEqualTo(1.25);
    assertThat(d).usingExactEquality().containsExactly(0.5, 0.0, -1.0, 0.0).inOrder();
    assertThat(Mse.of(Reduction.SUM).loss(y, t, d)).isEqualTo(5.0);
    assertThat(d).usingExactEquality().containsExactly(2.0, 0.0, -4.0, 0.0).inOrder();
    assertThat(Mse.mean().loss(y, t, null)).isEqualTo(1.25);
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    SplittableRandom rng = new SplittableRandom(3);
    double[] y = new double[24];
    double[] t = new double[24];
    for (int i = 0; i < y.length; i++) {
      y[i] = rng.nextGaussian();
      t[i] = rng.nextGaussian();
    }
    for (Reduction r : Reduction.values()) {
      Mse mse = Mse.of(r);
      double[] d = new double[24];
      mse.loss(y, t, d);
      double[] fd = FiniteDifference.gradient(x -> mse.loss(x, t, null), y, 1e-5);
      for (int i = 0; i < d.length; i++) {
        assertThat(d[i]).isWithin(1e-8 * Math.max(1, Math.abs(d[i]))).of(fd[i]);
      }
    }
  }

  @Test
  void lengthMismatchNamesBothArrays() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Mse.mean().loss(new double[3], new double[4], null));
    assertThat(e).hasMessageThat().contains("output has 3 values but target has 4");
    e = assertThrows(IllegalArgumentException.class,
        () -> Mse.mean().loss(new double[3], new double[3], new double[2]));
    assertThat(e).hasMessageThat().contains("dOutput has 2");
  }
}
