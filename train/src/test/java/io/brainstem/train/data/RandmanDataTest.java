package io.brainstem.train.data;

import static com.google.common.truth.Truth.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandmanDataTest {
  private static RandmanData small(long seed) {
    return RandmanData.builder().classes(4).units(12).steps(50).manifoldDimension(1)
        .spikesPerUnit(2).samplesPerClass(40).seed(seed).build();
  }

  @Test
  void everyUnitFiresExactlyItsSpikesInEverySample() {
    RandmanData d = small(3);
    assertThat(d.size()).isEqualTo(160);
    assertThat(d.steps()).isEqualTo(50);
    assertThat(d.inputs()).isEqualTo(12);
    double[] raster = new double[50 * 12];
    for (int s = 0; s < d.size(); s++) {
      d.copyInput(s, raster, 0);
      for (int u = 0; u < 12; u++) {
        double count = 0;
        for (int t = 0; t < 50; t++) {
          count += raster[t * 12 + u];
        }
        assertThat(count).isEqualTo(2.0);
        for (int j = 0; j < 2; j++) {
          double time = d.spikeTime(s, u, j);
          assertThat(time).isAtLeast(0.0);
          assertThat(time).isLessThan(50.0);
          assertThat(raster[(int) time * 12 + u]).isAtLeast(1.0);
        }
      }
    }
  }

  @Test
  void classesAreBalancedShuffledAndScaledToTheWholeWindow() {
    RandmanData d = small(3);
    int[] perClass = new int[4];
    boolean sorted = true;
    double[][] min = new double[4][12];
    double[][] max = new double[4][12];
    for (double[] row : min) {
      java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
    }
    for (int s = 0; s < d.size(); s++) {
      int k = d.label(s);
      perClass[k]++;
      sorted &= s == 0 || d.label(s - 1) <= k;
      for (int u = 0; u < 12; u++) {
        min[k][u] = Math.min(min[k][u], d.spikeTime(s, u, 0));
        max[k][u] = Math.max(max[k][u], d.spikeTime(s, u, 0));
      }
    }
    assertThat(perClass).asList().containsExactly(40, 40, 40, 40);
    assertThat(sorted).isFalse();
    for (int k = 0; k < 4; k++) {
      for (int u = 0; u < 12; u++) {
        assertThat(min[k][u]).isEqualTo(0.0); // min–max scaling per class and unit
        assertThat(max[k][u]).isWithin(1e-3).of(50.0);
      }
    }
  }

  /**
   * The documented algorithm: manifold seeds from the generator's first nextLong()s, class-major;
   * a sample's times are the min–max scaled values of its class's manifold at its coordinates.
   */
  @Test
  void timesAreTheScaledManifoldValuesAtTheSampleCoordinates() {
    RandmanData d = small(9);
    SplittableRandom rng = new SplittableRandom(9);
    long[] seeds = new long[4 * 2];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = rng.nextLong();
    }
    double[] v = new double[12];
    for (int k = 0; k < 4; k++) {
      for (int j = 0; j < 2; j++) {
        Randman m = new Randman(12, 1, 2, seeds[k * 2 + j]);
        double[] lo = new double[12];
        double[] hi = new double[12];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int s = 0; s < d.size(); s++) {
          if (d.label(s) == k) {
            m.evaluate(d.coordinates(s), v);
            for (int u = 0; u < 12; u++) {
              lo[u] = Math.min(lo[u], v[u]);
              hi[u] = Math.max(hi[u], v[u]);
            }
          }
        }
        for (int s = 0; s < d.size(); s++) {
          if (d.label(s) == k) {
            m.evaluate(d.coordinates(s), v);
            for (int u = 0; u < 12; u++) {
              double expected = (v[u] - lo[u]) / (hi[u] - lo[u] + 1e-7) * 50;
              assertThat(d.spikeTime(s, u, j)).isWithin(1e-9).of(expected);
            }
          }
        }
      }
    }
  }

  @Test
  void theSeedFixesTheDataSet() {
    RandmanData a = small(5);
    RandmanData b = small(5);
    RandmanData c = small(6);
    int[] all = new int[a.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    assertThat(a.batch(all).inputs()).isEqualTo(b.batch(all).inputs());
    assertThat(a.batch(all).labels()).isEqualTo(b.batch(all).labels());
    assertThat(a.spikeTime(7, 3, 1)).isEqualTo(b.spikeTime(7, 3, 1));
    assertThat(a.batch(all).inputs()).isNotEqualTo(c.batch(all).inputs());
  }

  /**
   * The classes are told apart by timing: a nearest-class-mean classifier on the spike-time
   * vectors, fitted on a stratified 80 % and scored on the rest, of the paper's default 10 classes
   * of 100 units on a 1-D manifold, is far above the 10 % of chance.
   */
  @Test
  void classesDifferInTiming() {
    RandmanData d = RandmanData.builder().classes(10).units(100).manifoldDimension(1)
        .samplesPerClass(100).seed(1).build();
    Split split = Split.stratified(d, 0.2, 2);
    double[][] mean = new double[10][100];
    int[] count = new int[10];
    double[] raster = new double[d.steps() * d.inputs()];
    double[] times = new double[100];
    for (int i = 0; i < split.train().size(); i++) {
      timesOf(split.train(), i, raster, times);
      int k = split.train().label(i);
      count[k]++;
      for (int u = 0; u < 100; u++) {
        mean[k][u] += times[u];
      }
    }
    int correct = 0;
    for (int i = 0; i < split.test().size(); i++) {
      timesOf(split.test(), i, raster, times);
      int best = -1;
      double bestDistance = Double.POSITIVE_INFINITY;
      for (int k = 0; k < 10; k++) {
        double dist = 0;
        for (int u = 0; u < 100; u++) {
          double e = times[u] - mean[k][u] / count[k];
          dist += e * e;
        }
        if (dist < bestDistance) {
          bestDistance = dist;
          best = k;
        }
      }
      correct += best == split.test().label(i) ? 1 : 0;
    }
    assertThat((double) correct / split.test().size()).isAtLeast(0.5);
  }

  /** The spike step of each unit, read from the raster (one spike per unit). */
  private static void timesOf(Dataset d, int sample, double[] raster, double[] times) {
    d.copyInput(sample, raster, 0);
    for (int t = 0; t < d.steps(); t++) {
      for (int u = 0; u < d.inputs(); u++) {
        if (raster[t * d.inputs() + u] > 0) {
          times[u] = t;
        }
      }
    }
  }
}
