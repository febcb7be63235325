package io.brainstem.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MackeyGlassTest {
  @Test
  void startsFromItsHistoryAndConvergesInTheStep() {
    double[] coarse = MackeyGlass.series(300, 17, 10, 0);
    double[] fine = MackeyGlass.series(300, 17, 100, 0);
    assertThat(coarse[0]).isEqualTo(1.2);
    // for t ≤ τ the delayed term is the constant history: x(t) = 1.2·e^{−0.1t} + 2·(0.2·1.2/(1 + 1.2¹⁰))·(1 − e^{−0.1t})
    double drive = 0.2 * 1.2 / (1 + Math.pow(1.2, 10));
    for (int t = 1; t <= 17; t++) {
      double exact = 1.2 * Math.exp(-0.1 * t) + drive / 0.1 * (1 - Math.exp(-0.1 * t));
      assertThat(coarse[t]).isWithin(1e-9).of(exact);
    }
    // RK4 at h = 0.1 and h = 0.01 agree before chaos separates them (to 1.2e-4: the kinks of the
    // solution at multiples of τ, where the history ends, cost RK4 its order)
    for (int t = 0; t < 300; t++) {
      assertThat(coarse[t]).isWithin(5e-4).of(fine[t]);
    }
  }

  @Test
  void theChaoticAttractorHasItsKnownRange() {
    double[] x = MackeyGlass.series(5000);
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (double v : x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    // τ = 17: the attractor spans about 0.4–1.35 (Mackey & Glass 1977, Fig. 2)
    assertThat(min).isWithin(0.1).of(0.42);
    assertThat(max).isWithin(0.1).of(1.32);
    assertThat(MackeyGlass.series(10)).isEqualTo(MackeyGlass.series(10)); // deterministic
  }

  @Test
  void tauOffTheGridIsRefused() {
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> MackeyGlass.series(10, 17.05, 10, 0))).hasMessageThat().contains("substeps");
  }
}
