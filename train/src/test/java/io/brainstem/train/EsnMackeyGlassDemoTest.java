package io.brainstem.train;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/**
 * Demo 1 of issue 14: an echo-state network forecasts Mackey–Glass (τ = 17) one and 50 steps
 * ahead with a ridge readout ({@link HorizonForecast}, the protocol of {@code brainstem train esn}).
 */
class EsnMackeyGlassDemoTest {
  static final int TRAIN = 3000;
  static final int TEST = 1000;
  static final int WASHOUT = 200;
  static final int UNITS = 500;

  @Test
  void forecastsMackeyGlassOneAndFiftyStepsAhead() {
    double[] s = MackeyGlass.series(TRAIN + TEST);
    HorizonForecast.Result one;
    HorizonForecast.Result fifty;
    EchoStateNetwork esn = EchoStateNetwork.forecaster(UNITS, 42);
    try (RidgeTrainer t = esn.ridgeTrainer(WASHOUT, 1e-8).build()) {
      one = HorizonForecast.run(t, s, TRAIN, 1);
    }
    try (RidgeTrainer t = esn.ridgeTrainer(WASHOUT, 1e-8).build()) {
      fifty = HorizonForecast.run(t, s, TRAIN, 50);
    }
    HorizonForecast.Result jaeger;
    try (RidgeTrainer t = esn.ridgeTrainer(WASHOUT, 1e-8).build()) {
      jaeger = HorizonForecast.run(t, s, TRAIN, 84); // Jaeger & Haas 2004's horizon
    }
    System.out.printf("ESN %d units on Mackey–Glass: NRMSE one-step %.3g, 50-step %.3g, 84-step %.3g%n",
        UNITS, one.nrmse(), fifty.nrmse(), jaeger.nrmse());
    assertThat(one.nrmse()).isLessThan(THRESHOLD_ONE);
    assertThat(fifty.nrmse()).isLessThan(THRESHOLD_FIFTY);
    assertThat(jaeger.nrmse()).isLessThan(THRESHOLD_84);

    int shown = 500;
    XYChart c = Figures.chart(String.format("ESN (%d units), Mackey–Glass τ = 17: NRMSE %.2g (1 step), "
        + "%.2g (50 steps)", UNITS, one.nrmse(), fifty.nrmse()),
        "sample", "x");
    Figures.line(c, "Mackey–Glass", Figures.range(TRAIN, shown),
        Arrays.copyOfRange(s, TRAIN, TRAIN + shown));
    Figures.line(c, "1 step ahead", Figures.range(TRAIN, shown),
        Arrays.copyOfRange(one.prediction(), 0, shown));
    Figures.line(c, "50 steps ahead", Figures.range(TRAIN + 49, shown - 49),
        Arrays.copyOfRange(fifty.prediction(), 0, shown - 49));
    assertThat(Files.isRegularFile(Figures.save(c, "train-esn-mackey-glass"))).isTrue();
  }

  static final double THRESHOLD_ONE = 5e-4; // measured 1.2e-4
  static final double THRESHOLD_84 = 0.04; // measured 0.014
  static final double THRESHOLD_FIFTY = 0.01; // measured 3.2e-3
}
