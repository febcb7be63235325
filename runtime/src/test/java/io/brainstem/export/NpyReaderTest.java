package io.brainstem.export;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyReaderTest {
  @Test
  void readsBackAnNpyFile(@TempDir Path dir) {
    double[] v = {1.5, -2, Math.PI, 1e-300};
    assertThat(NpyReader.readNpy(Npy.write(dir.resolve("v.npy"), v))).isEqualTo(v);
  }

  @Test
  void refusesATwoDimensionalArray(@TempDir Path dir) {
    Path m = Npy.write(dir.resolve("m.npy"), new double[][] {{1, 2}, {3, 4}});
    assertThat(assertThrows(IllegalArgumentException.class, () -> NpyReader.readNpy(m)))
        .hasMessageThat().contains("a 1-D array is needed");
  }
}
