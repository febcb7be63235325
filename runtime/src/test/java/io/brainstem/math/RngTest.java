package io.brainstem.math;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.Range;
import org.junit.jupiter.api.Test;

class RngTest {

  @Test
  void uniformStreamIsSplitMix64() {
    // The published first output of SplitMix64 seeded with 0: pins the algorithm, not the JDK.
    assertThat(new Rng(0).nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
  }

  @Test
  void sameSeedSameNumbersOtherSeedOtherNumbers() {
    Rng a = new Rng(123);
    Rng b = new Rng(123);
    Rng c = new Rng(124);
    boolean anyDifferent = false;
    for (int i = 0; i < 1000; i++) {
      double x = a.normal();
      assertThat(b.normal()).isEqualTo(x);
      anyDifferent |= c.normal() != x;
    }
    assertThat(anyDifferent).isTrue();
  }

  @Test
  void uniformMoments() {
    Rng rng = new Rng(9);
    int n = 200_000;
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < n; i++) {
      double u = rng.uniform();
      assertThat(u).isAtLeast(0.0);
      assertThat(u).isLessThan(1.0);
      sum += u;
      sumSq += u * u;
    }
    double mean = sum / n;
    assertThat(mean).isWithin(0.005).of(0.5);
    assertThat(sumSq / n - mean * mean).isWithin(0.002).of(1.0 / 12);
  }

  @Test
  void floatFillsDrawTheDoubleFillsNumbersRounded() {
    double[] d = new double[1000];
    float[] f = new float[1000];
    new Rng(9).fillNormal(d, -55, 2);
    new Rng(9).fillNormal(f, -55, 2);
    for (int i = 0; i < d.length; i++) {
      assertThat(f[i]).isEqualTo((float) d[i]);
    }
  }

  @Test
  void normalMoments() {
    double[] a = new double[200_000];
    new Rng(5).fillNormal(a, -55, 2);
    double mean = 0;
    for (double x : a) {
      mean += x;
    }
    mean /= a.length;
    double var = 0;
    double skew = 0;
    double kurt = 0;
    for (double x : a) {
      double d = (x - mean) / 2;
      var += d * d;
      skew += d * d * d;
      kurt += d * d * d * d;
    }
    assertThat(mean).isWithin(0.02).of(-55.0);
    assertThat(var / a.length).isWithin(0.02).of(1.0);
    assertThat(skew / a.length).isWithin(0.03).of(0.0);
    assertThat(kurt / a.length).isWithin(0.1).of(3.0);
  }

  @Test
  void randnAndNormalAgreeWithFillNormal() {
    double[] filled = new double[5];
    new Rng(1).fillNormal(filled, 0, 1);
    assertThat(new Rng(1).randn(5)).isEqualTo(filled);
    Rng r = new Rng(1);
    assertThat(r.normal(10, 3)).isEqualTo(10 + 3 * filled[0]);
  }

  @Test
  void nextIntIsInRangeAndCoversItEvenly() {
    Rng rng = new Rng(77);
    int[] counts = new int[10];
    for (int i = 0; i < 100_000; i++) {
      counts[rng.nextInt(10)]++;
    }
    for (int c : counts) {
      assertThat(c).isIn(Range.closed(9_500, 10_500));
    }
    assertThrows(IllegalArgumentException.class, () -> rng.nextInt(0));
  }

  @Test
  void streamsAreReproducibleAndDistinct() {
    assertThat(Rng.stream(3, 17).nextLong()).isEqualTo(Rng.stream(3, 17).nextLong());
    assertThat(Rng.stream(3, 17).nextLong()).isNotEqualTo(Rng.stream(3, 18).nextLong());
    assertThat(Rng.stream(3, 17).nextLong()).isNotEqualTo(Rng.stream(4, 17).nextLong());
  }

  @Test
  void rejectsBadArguments() {
    Rng rng = new Rng(0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> rng.fillNormal(new double[3], 0, -1));
    assertThat(e).hasMessageThat().contains("standard deviation");
    assertThrows(IllegalArgumentException.class, () -> rng.uniform(1, 1));
    assertThrows(IllegalArgumentException.class, () -> rng.fillUniform(new double[2], 2, 1));
  }

  @Test
  void fillUniformStaysInRange() {
    double[] a = new double[1000];
    new Rng(2).fillUniform(a, -3, 4);
    for (double x : a) {
      assertThat(x).isAtLeast(-3.0);
      assertThat(x).isLessThan(4.0);
    }
  }
}
