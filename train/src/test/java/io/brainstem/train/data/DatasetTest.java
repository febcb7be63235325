package io.brainstem.train.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.export.Npy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {
  @TempDir Path dir;

  /** S = 5 samples of (T, N) = (3, 2), value 100·s + 10·t + n. */
  private static Dataset small() {
    double[] x = new double[5 * 3 * 2];
    for (int s = 0; s < 5; s++) {
      for (int t = 0; t < 3; t++) {
        for (int n = 0; n < 2; n++) {
          x[(s * 3 + t) * 2 + n] = 100 * s + 10 * t + n;
        }
      }
    }
    return Dataset.of(x, new int[] {0, 1, 2, 1, 0}, 3, 2);
  }

  @Test
  void batchesAndSubsetsGatherTheSamples() {
    Dataset d = small();
    assertThat(d.size()).isEqualTo(5);
    assertThat(d.classes()).isEqualTo(3);
    Batch b = d.batch(4, 1);
    assertThat(b.labels()).asList().containsExactly(0, 1).inOrder();
    assertThat(b.input(0, 2, 1)).isEqualTo(421.0);
    assertThat(b.input(1, 0, 0)).isEqualTo(100.0);
    Dataset sub = d.subset(3, 2);
    assertThat(sub.size()).isEqualTo(2);
    assertThat(sub.label(0)).isEqualTo(1);
    assertThat(sub.batch(1).input(0, 1, 0)).isEqualTo(210.0);
    assertThat(assertThrows(IllegalArgumentException.class, () -> d.subset(5))).hasMessageThat()
        .contains("out of the data set's range [0, 5)");
  }

  @Test
  void savedLoadedAndStreamedDataSetsAreEqual() {
    Dataset d = small();
    Path x = dir.resolve("x.npy");
    Path y = dir.resolve("y.npy");
    d.save(x, y);
    Dataset loaded = Dataset.load(x, y);
    try (NpyDataset streamed = Dataset.stream(x, y)) {
      for (Dataset other : new Dataset[] {loaded, streamed}) {
        assertThat(other.size()).isEqualTo(5);
        assertThat(other.steps()).isEqualTo(3);
        assertThat(other.inputs()).isEqualTo(2);
        int[] all = {0, 1, 2, 3, 4};
        assertThat(other.batch(all).inputs()).isEqualTo(d.batch(all).inputs());
        assertThat(other.batch(all).labels()).isEqualTo(d.batch(all).labels());
      }
    }
  }

  @Test
  void fileShapeErrorsNameTheDimension() {
    Path x = Npy.write(dir.resolve("x.npy"), new double[24], 4, 3, 2);
    Path y3 = Npy.write(dir.resolve("y3.npy"), new int[] {0, 1, 0});
    assertThat(assertThrows(IllegalArgumentException.class, () -> Dataset.load(x, y3)))
        .hasMessageThat().contains("has S = 4 samples but");
    Path x2 = Npy.write(dir.resolve("x2.npy"), new double[24], 4, 6);
    Path y4 = Npy.write(dir.resolve("y4.npy"), new int[] {0, 1, 0, 1});
    assertThat(assertThrows(IllegalArgumentException.class, () -> Dataset.stream(x2, y4)))
        .hasMessageThat().contains("the inputs are (S, T, N)");
    Path half = Npy.write(dir.resolve("half.npy"), new double[] {0, 0.5, 1, 0});
    assertThat(assertThrows(IllegalArgumentException.class, () -> Dataset.load(x, half)))
        .hasMessageThat().contains("label of sample 1 is 0.5");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Dataset.of(new double[23], new int[] {0, 1, 0, 1}, 3, 2))).hasMessageThat()
        .contains("(S, T, N) = (4, 3, 2) needs 24");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Dataset.of(new double[24], new int[] {0, -1, 0, 1}, 3, 2))).hasMessageThat()
        .contains("label of sample 1 is -1");
  }
}
