package io.brainstem.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.Csr;
import org.junit.jupiter.api.Test;

class SpectralRadiusTest {
  @Test
  void matricesOfKnownEigenvalues() {
    // a rotation by 60° scaled by 2: eigenvalues 2·e^{±iπ/3}
    double c = Math.cos(Math.PI / 3);
    double s = Math.sin(Math.PI / 3);
    assertThat(SpectralRadius.of(new double[][] {{2 * c, -2 * s}, {2 * s, 2 * c}}))
        .isWithin(1e-12).of(2);
    // triangular: its diagonal
    assertThat(SpectralRadius.of(new double[][] {{0.5, 9, 9}, {0, -1.5, 9}, {0, 0, 1}}))
        .isWithin(1e-12).of(1.5);
  }

  @Test
  void aCsrIsReadAsPostByPre() {
    // a ring 0 → 1 → 2 → 0 with weights 1, 2, 4: W³ = 8·I, radius 2
    Csr ring = new Csr(3, 3, new int[] {0, 1, 2, 3}, new int[] {1, 2, 0});
    assertThat(SpectralRadius.of(ring, new double[] {1, 2, 4})).isWithin(1e-12).of(2);
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> SpectralRadius.of(ring, new double[2]))).hasMessageThat().contains("one per synapse");
  }
}
