package io.brainstem.train;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.models.LeakyTanhGroup;
import io.brainstem.models.RateProjectionProjection;
import io.brainstem.network.Network;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/**
 * Demo 2 of issue 14: FORCE learning (Sussillo &amp; Abbott 2009, Fig. 2) in a chaotic rate network
 * of N = 500 leaky tanh units, g = 1.5, 10 % connectivity, τ = 10 ms, dt = 1 ms: the readout, fed
 * back into the network, learns their periodic target (four harmonics, period 1200 ms; their
 * {@code force_internal_all2all.m} with τ = 1 time unit = 10 ms), then the network runs free.
 */
class ForceDemoTest {
  static final int N = 500;
  static final double G = 1.5;
  static final double P = 0.1;
  static final double TAU = 10;
  static final double DT = 1;
  static final int TRAIN_STEPS = 12000; // 10 periods
  static final int TEST_STEPS = 2400; // 2 periods, free running

  /** Sussillo & Abbott's target: amplitude 1.3/1.5, freq 1/60 per τ (period 120 τ). */
  static double target(double tMs) {
    double x = Math.PI * (tMs / TAU) / 60;
    return 1.3 / 1.5 * (Math.sin(x) + Math.sin(2 * x) / 2 + Math.sin(3 * x) / 6 + Math.sin(4 * x) / 3);
  }

  static Network network(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Network net = new Network();
    LeakyTanhGroup r = net.add(new LeakyTanhGroup("R", N).tau(TAU));
    RateProjectionProjection j = net.add(new RateProjectionProjection("R2R", r, r,
        new FixedProb(P, rng.nextLong()).includeSelf(false)));
    double[] w = new double[j.synapseCount()];
    double scale = G / Math.sqrt(P * N);
    for (int k = 0; k < w.length; k++) {
      w[k] = scale * rng.nextGaussian();
    }
    j.w(w);
    double[] r0 = r.doubles("r");
    for (int i = 0; i < N; i++) {
      r0[i] = 0.5 * rng.nextGaussian();
    }
    return net;
  }

  @Test
  void learnsAPeriodicTargetAndReproducesItRunningFree() {
    SplittableRandom rng = new SplittableRandom(7);
    double[][] wf = new double[N][1];
    for (double[] row : wf) {
      row[0] = 2 * rng.nextDouble() - 1;
    }
    double[][] f = new double[TRAIN_STEPS + TEST_STEPS][1];
    for (int k = 0; k < f.length; k++) {
      f[k][0] = target((k + 1) * DT); // the state after step k is at t = (k + 1)·dt
    }
    double[][] fTrain = Arrays.copyOfRange(f, 0, TRAIN_STEPS);
    double[] fTest = new double[TEST_STEPS];
    double[] zTest = new double[TEST_STEPS];
    double[] errors;
    double loss;
    try (ForceTrainer trainer = ForceTrainer.builder(network(3)).states("R.r")
        .feedback("R.input", wf).alpha(1).prior(RlsPrior.PAPER).updateEvery(2).dt(DT)
        .progressBar(false).build()) {
      loss = trainer.fit(fTrain);
      errors = trainer.lastFitErrors();
      double[][] z = trainer.predict(TEST_STEPS);
      for (int k = 0; k < TEST_STEPS; k++) {
        zTest[k] = z[k][0];
        fTest[k] = f[TRAIN_STEPS + k][0];
      }
    }
    double nrmse = Metrics.nrmse(zTest, fTest);
    double mae = 0;
    for (int k = 0; k < TEST_STEPS; k++) {
      mae += Math.abs(zTest[k] - fTest[k]) / TEST_STEPS;
    }
    double lastPeriodError = 0;
    for (int k = TRAIN_STEPS - 1200; k < TRAIN_STEPS; k++) {
      lastPeriodError += errors[k] / 1200;
    }
    System.out.printf("FORCE N = %d, g = %.1f: training MSE %.3g (last period %.3g); free running "
        + "over %d ms: NRMSE %.3g, mean |error| %.3g%n", N, G, loss, lastPeriodError,
        TEST_STEPS, nrmse, mae);
    assertThat(nrmse).isLessThan(THRESHOLD_NRMSE);

    XYChart c = Figures.chart(String.format("FORCE (N = %d, g = %.1f): free-running output after "
        + "training, NRMSE %.2g", N, G, nrmse), "time after training (ms)", "z");
    Figures.line(c, "target", Figures.range(1, TEST_STEPS), fTest);
    Figures.line(c, "network output z (feedback on, no learning)", Figures.range(1, TEST_STEPS), zTest);
    assertThat(Files.isRegularFile(Figures.save(c, "train-force-free-running"))).isTrue();
  }

  static final double THRESHOLD_NRMSE = 0.1; // measured 0.031
}
