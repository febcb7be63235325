package io.brainstem.train.optim;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AdamTest {
  /**
   * Kingma &amp; Ba's Algorithm 1 by hand (40-digit decimal arithmetic, η = 0.1, defaults), p₀ = 1,
   * gradients 0.5, −1, 2. Step 1: m = 0.05, v = 0.00025, m̂ = 0.5, v̂ = 0.25, so
   * p₁ = 1 − 0.1·0.5/(0.5 + 10⁻⁸) = 0.90000000199999996. Step 2: m = −0.055, v = 0.00124975,
   * m̂ = −0.055/0.19, v̂ = 0.00124975/0.001999. Step 3: m = 0.1505, v = 0.00524850025.
   */
  @Test
  void followsAHandComputedSequence() {
    double[] p = {1};
    double[] g = new double[1];
    Adam adam = Adam.of(0.1);
    adam.add("p", p, g);
    double[] grads = {0.5, -1, 2};
    double[] expected = {
        0.9000000019999999600000007999999840000003,
        0.9366103542405656028107376912680344925013,
        0.8946447927181047735812972192033607181787};
    for (int t = 0; t < 3; t++) {
      g[0] = grads[t];
      adam.step();
      assertThat(p[0]).isWithin(1e-15).of(expected[t]);
    }
    assertThat(adam.steps()).isEqualTo(3);
  }

  /** Bias correction makes the first step η·g/(|g| + ε), η·sign(g) for |g| ≫ ε, whatever |g|. */
  @Test
  void firstStepIsTheRateTimesTheSign() {
    double[] a = {0, 0, 0};
    double[] ga = {1e-3, -5, 300};
    double[] b = {2};
    double[] gb = {-0.25};
    Adam adam = Adam.builder(Schedule.constant(0.01)).build();
    adam.add("a", a, ga).add("b", b, gb);
    adam.step();
    assertThat(a).usingTolerance(1e-15).containsExactly(-0.01 * 1e-3 / (1e-3 + 1e-8),
        0.01 * 5 / (5 + 1e-8), -0.01 * 300 / (300 + 1e-8)).inOrder();
    assertThat(b[0]).isWithin(1e-9).of(2.01);
  }

  @Test
  void betasAndEpsilonAreUsed() {
    // β₁ = 0.5, β₂ = 0.75, ε = 0.5, g = 1 then 3:
    // t=1: m = 0.5, v = 0.25, m̂ = 1, v̂ = 1, Δ = 1/(1 + 0.5) = 2/3
    // t=2: m = 1.75, v = 2.4375, m̂ = 1.75/0.75 = 7/3, v̂ = 2.4375/0.4375 = 39/7,
    //      Δ = (7/3)/(√(39/7) + 0.5)
    double[] p = {0};
    double[] g = {1};
    Adam adam = Adam.builder(Schedule.constant(1)).betas(0.5, 0.75).epsilon(0.5).build();
    adam.add("p", p, g);
    adam.step();
    assertThat(p[0]).isWithin(1e-15).of(-2.0 / 3);
    g[0] = 3;
    adam.step();
    assertThat(p[0]).isWithin(1e-15).of(-2.0 / 3 - (7.0 / 3) / (Math.sqrt(39.0 / 7) + 0.5));
  }

  @Test
  void minimisesAnIllConditionedQuadratic() {
    // f = (x − 3)² + 100·(y + 1)²
    double[] p = {0, 0};
    double[] g = new double[2];
    Adam adam = Adam.builder(Schedule.cosine(0.1, 3000, 1e-4)).build();
    adam.add("xy", p, g);
    for (int i = 0; i < 3000; i++) {
      g[0] = 2 * (p[0] - 3);
      g[1] = 200 * (p[1] + 1);
      adam.step();
    }
    assertThat(p[0]).isWithin(1e-4).of(3);
    assertThat(p[1]).isWithin(1e-4).of(-1);
  }

  @Test
  void badSettingsNameTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Adam.builder(Schedule.constant(1e-3)).betas(0.9, 1.0));
    assertThat(e).hasMessageThat().contains("[0, 1)");
    e = assertThrows(IllegalArgumentException.class,
        () -> Adam.builder(Schedule.constant(1e-3)).epsilon(0));
    assertThat(e).hasMessageThat().contains("epsilon");
  }
}
