package io.brainstem.math;

import static com.google.common.truth.Truth.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GaussianTest {

  /** Known-answer vectors of Random123's kat_vectors file (counter, key → output). */
  @Test
  void philoxMatchesTheReferenceVectors() {
    assertThat(Gaussian.philox(new int[] {0, 0, 0, 0}, 0, 0))
        .isEqualTo(new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8});
    assertThat(Gaussian.philox(new int[] {-1, -1, -1, -1}, -1, -1))
        .isEqualTo(new int[] {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd});
    assertThat(Gaussian.philox(
            new int[] {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, 0xa4093822, 0x299f31d0))
        .isEqualTo(new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1});
  }

  @Test
  void drawsArePureFunctionsOfTheirKey() {
    assertThat(Gaussian.at(7, 3, 11, 0)).isEqualTo(Gaussian.at(7, 3, 11, 0));
    double[] keys = {
        Gaussian.at(7, 3, 11, 0), Gaussian.at(8, 3, 11, 0), Gaussian.at(7, 4, 11, 0),
        Gaussian.at(7, 3, 12, 0), Gaussian.at(7, 3, 11, 1), Gaussian.at(7, 3L << 32, 11, 0)};
    assertThat(Arrays.stream(keys).distinct().count()).isEqualTo(keys.length);
  }

  /** Moments and the CDF at a few points, over 200 000 draws along elements and steps. */
  @Test
  void drawsAreStandardNormal() {
    int n = 200_000;
    double sum = 0;
    double sumSq = 0;
    double sumFourth = 0;
    double lag = 0;
    int[] below = new int[3];
    double[] cuts = {-1, 0, 1.5};
    double previous = 0;
    for (int k = 0; k < n; k++) {
      double z = Gaussian.at(42, k % 1000, k / 1000, 0);
      sum += z;
      sumSq += z * z;
      sumFourth += z * z * z * z;
      lag += z * previous;
      previous = z;
      for (int c = 0; c < cuts.length; c++) {
        below[c] += z < cuts[c] ? 1 : 0;
      }
    }
    double se = 1 / Math.sqrt(n);
    assertThat(sum / n).isWithin(5 * se).of(0);
    assertThat(sumSq / n).isWithin(5 * se * Math.sqrt(2)).of(1);
    assertThat(sumFourth / n).isWithin(5 * se * Math.sqrt(96)).of(3);
    assertThat(lag / n).isWithin(5 * se).of(0);
    double[] cdf = {0.15865525393145707, 0.5, 0.9331927987311419};
    for (int c = 0; c < cuts.length; c++) {
      double seFraction = Math.sqrt(cdf[c] * (1 - cdf[c]) / n);
      assertThat(below[c] / (double) n).isWithin(5 * seFraction).of(cdf[c]);
    }
  }

  @Test
  void streamsOfOneElementAreUncorrelated() {
    int n = 100_000;
    double cross = 0;
    for (int k = 0; k < n; k++) {
      cross += Gaussian.at(1, 5, k, 0) * Gaussian.at(1, 5, k, 1);
    }
    assertThat(cross / n).isWithin(5 / Math.sqrt(n)).of(0);
  }
}
