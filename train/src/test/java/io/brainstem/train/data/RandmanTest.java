package io.brainstem.train.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RandmanTest {
  @Test
  void termCountFollowsThePrecision() {
    assertThat(Randman.terms(2)).isEqualTo(32); // ⌈1000^(1/2)⌉ = ⌈31.6⌉
    assertThat(Randman.terms(3)).isEqualTo(10);
    assertThat(Randman.terms(1)).isEqualTo(1000);
    assertThat(Randman.terms(0.5)).isEqualTo(1000); // capped
    assertThat(assertThrows(IllegalArgumentException.class, () -> Randman.terms(0)))
        .hasMessageThat().contains("smoothness");
  }

  /**
   * E = 1, D = 1, α = 2 with two non-zero terms: a₁ = 1, ν₁ = 0.5, φ₁ = 0 and a₂ = 0.5, ν₂ = 1,
   * φ₂ = 0.25, so f(x) = (1/4)·sin(πx) + (0.5/9)·sin(2π(2x + 1/4)) = sin(πx)/4 + cos(4πx)/18.
   */
  @Test
  void evaluatesTheDocumentedSumOfSinusoids() {
    int f = Randman.terms(2);
    double[] theta = new double[3 * f];
    theta[1] = 1;
    theta[f + 1] = 0.5;
    theta[2] = 0.5;
    theta[f + 2] = 1;
    theta[2 * f + 2] = 0.25;
    theta[f + 5] = 0.9; // a frequency with zero amplitude: no effect
    Randman r = new Randman(1, 1, 2, theta);
    double[] out = new double[1];
    for (double x : new double[] {0, 0.3, 0.77, 1}) {
      r.evaluate(new double[] {x}, out);
      assertThat(out[0]).isWithin(1e-15)
          .of(Math.sin(Math.PI * x) / 4 + Math.cos(4 * Math.PI * x) / 18);
    }
  }

  /** D = 2: the product of one such function per coordinate (here the same parameters twice). */
  @Test
  void aTwoDimensionalManifoldIsTheProductOverCoordinates() {
    int f = Randman.terms(2);
    double[] theta = new double[2 * 3 * f];
    for (int d = 0; d < 2; d++) {
      theta[d * 3 * f + 1] = 1;
      theta[d * 3 * f + f + 1] = 0.5;
    }
    Randman r = new Randman(1, 2, 2, theta);
    double[] out = new double[1];
    r.evaluate(new double[] {0.5, 0.25}, out);
    assertThat(out[0]).isWithin(1e-15).of(0.25 * Math.sin(Math.PI * 0.5)
        * 0.25 * Math.sin(Math.PI * 0.25));
  }

  @Test
  void theSeedFixesTheManifoldAndItIsSmooth() {
    Randman a = new Randman(20, 1, 2, 11);
    Randman b = new Randman(20, 1, 2, 11);
    Randman c = new Randman(20, 1, 2, 12);
    double[] ya = new double[20];
    double[] yb = new double[20];
    double[] yc = new double[20];
    double[] x = {0.4};
    a.evaluate(x, ya);
    b.evaluate(x, yb);
    c.evaluate(x, yc);
    assertThat(ya).isEqualTo(yb);
    assertThat(ya).isNotEqualTo(yc);
    // bounded by Σ_{i≥1} (i+1)^−2 = π²/6 − 1 (a ≤ 1, the constant term is off)
    // and Lipschitz: |f'| ≤ 2π Σ i·(i+1)^−2 < 2π·Σ_{i<32} 1/(i+1) ≈ 2π·3.06
    double[] next = new double[20];
    for (int k = 0; k <= 1000; k++) {
      a.evaluate(new double[] {k / 1000.0}, ya);
      a.evaluate(new double[] {(k + 1) / 1000.0}, next);
      for (int e = 0; e < 20; e++) {
        assertThat(Math.abs(ya[e])).isAtMost(Math.PI * Math.PI / 6 - 1);
        assertThat(Math.abs(next[e] - ya[e]) * 1000).isAtMost(2 * Math.PI * 3.06);
      }
    }
  }
}
