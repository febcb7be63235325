package io.brainstem.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HorizonForecastTest {
  private static final int N = 60;

  private static RidgeTrainer trainer(int washout) {
    return RidgeTrainer.builder(TestReservoirs.leaky(N)).states("R.x")
        .inputWeights("R.input", TestReservoirs.uniform(N, 1, 0.5, 9)).washout(washout).alpha(1e-8)
        .dt(1).progressBar(false).build();
  }

  @Test
  void predictionIIsAlignedWithSampleNPlusIPlusHMinusOne() {
    double[] s = MackeyGlass.series(1500);
    int train = 1000;
    for (int h : new int[] {1, 5}) {
      try (RidgeTrainer t = trainer(100)) {
        HorizonForecast.Result r = HorizonForecast.run(t, s, train, h);
        assertThat(r.prediction()).hasLength(s.length - train - h + 1);
        for (int i = 0; i < r.target().length; i++) {
          assertThat(r.target()[i]).isEqualTo(s[train + i + h - 1]);
        }
        // the readout tracks the aligned sample far better than its neighbours
        double aligned = r.nrmse();
        double early = Metrics.nrmse(java.util.Arrays.copyOfRange(r.prediction(), 1, r.prediction().length),
            java.util.Arrays.copyOfRange(s, train + h - 1, s.length - 1));
        double late = Metrics.nrmse(java.util.Arrays.copyOfRange(r.prediction(), 0, r.prediction().length - 1),
            java.util.Arrays.copyOfRange(s, train + h, s.length));
        assertThat(aligned).isLessThan((h == 1 ? 0.5 : 1.0) * Math.min(early, late));
        System.out.printf("leaky reservoir, H = %d: NRMSE %.4g (shifted ±1: %.4g, %.4g)%n", h, aligned, early, late);
      }
    }
  }

  @Test
  void lengthsThatLeaveNothingAreRefused() {
    double[] s = MackeyGlass.series(300);
    try (RidgeTrainer t = trainer(100)) {
      assertThat(assertThrows(IllegalArgumentException.class, () -> HorizonForecast.run(t, s, 300, 1)))
          .hasMessageThat().contains("nothing to predict");
      assertThat(assertThrows(IllegalArgumentException.class, () -> HorizonForecast.run(t, s, 150, 50)))
          .hasMessageThat().contains("nothing to fit");
      assertThat(assertThrows(IllegalArgumentException.class, () -> HorizonForecast.run(t, s, 250, 0)))
          .hasMessageThat().contains("horizon");
    }
  }
}
