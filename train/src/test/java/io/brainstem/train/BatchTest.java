package io.brainstem.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.export.Npy;
import io.brainstem.inputs.Input;
import io.brainstem.inputs.Op;
import io.brainstem.runners.DSRunner;
import io.brainstem.train.data.SequenceBatch;
import io.brainstem.train.data.SequenceFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** B trials in one network: bit-identity with single-trial runs, batched and streamed ridge fits. */
class BatchTest {
  private static final EchoStateNetwork ESN =
      new EchoStateNetwork(30, 2, 0.9, 0.2, 0.5, 0.2, 0.3, 7);
  private static final int N = ESN.units();
  private static final int T = 300;
  private static final int WASHOUT = 30;
  private static final double ALPHA = 1e-4;

  /** Random inputs (B, T, 2), each trial its own. */
  private static double[][][] inputs(int trials, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][][] u = new double[trials][T][2];
    for (double[][] trial : u) {
      for (double[] row : trial) {
        row[0] = rng.nextDouble() - 0.5;
        row[1] = rng.nextDouble() - 0.5;
      }
    }
    return u;
  }

  /** A fading memory of each trial's inputs, (B, T, 1). */
  private static double[][][] targets(double[][][] u) {
    double[][][] y = new double[u.length][u[0].length][1];
    for (int b = 0; b < u.length; b++) {
      double a = 0;
      for (int t = 0; t < u[b].length; t++) {
        a += (u[b][t][0] - a) / 10;
        y[b][t][0] = a - u[b][t][1];
      }
    }
    return y;
  }

  /** W_in·u of each trial, laid out as the batched group's iter input [T][B·N]. */
  private static double[][] drive(double[][][] u) {
    double[][] w = ESN.inputWeights();
    double[][] perStep = new double[u[0].length][u.length * N];
    for (int b = 0; b < u.length; b++) {
      for (int t = 0; t < u[b].length; t++) {
        for (int i = 0; i < N; i++) {
          double s = 0;
          for (int j = 0; j < 2; j++) {
            s += w[i][j] * u[b][t][j];
          }
          perStep[t][b * N + i] = s;
        }
      }
    }
    return perStep;
  }

  /** R.r of a DSRunner of {@code network(trials)} driven by {@code u}, [T][B·N]. */
  private static double[][] states(int trials, double[][][] u, int threads) {
    try (DSRunner runner = DSRunner.builder(ESN.network(trials)).dt(EchoStateNetwork.DT)
        .inputs(Input.iter("R.input", drive(u), Op.ADD)).monitors("R.r").threads(threads)
        .progressBar(false).build()) {
      runner.run(u[0].length * runner.dt());
      return runner.mon().values("R.r");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void trialBOfABatchedNetworkIsBitIdenticalToASingleTrialRun(int threads) {
    double[][][] u = inputs(3, 1);
    double[][] batched = states(3, u, threads);
    for (int b = 0; b < 3; b++) {
      double[][] single = states(1, new double[][][] {u[b]}, threads);
      for (int t = 0; t < T; t++) {
        assertThat(Arrays.copyOfRange(batched[t], b * N, (b + 1) * N)).isEqualTo(single[t]);
      }
    }
    // the trials did differ (their inputs did), so the check compared distinct runs
    assertThat(Arrays.copyOfRange(batched[T - 1], 0, N))
        .isNotEqualTo(Arrays.copyOfRange(batched[T - 1], N, 2 * N));
  }

  @Test
  void oneTrialNetworkIsTheSingleTrialNetwork() {
    double[][][] u = inputs(1, 2);
    try (DSRunner a = DSRunner.builder(ESN.network()).dt(1).inputs(Input.iter("R.input",
            drive(u), Op.ADD)).monitors("R.r").progressBar(false).build();
        DSRunner b = DSRunner.builder(ESN.network(1)).dt(1).inputs(Input.iter("R.input",
            drive(u), Op.ADD)).monitors("R.r").progressBar(false).build()) {
      a.run(T);
      b.run(T);
      assertThat(a.mon().values("R.r")).isEqualTo(b.mon().values("R.r"));
    }
  }

  @Test
  void batchedRidgeFitEqualsTheFitOnTheConcatenatedTrials() {
    double[][][] u = inputs(3, 3);
    double[][][] y = targets(u);
    double[][] rows = new double[3 * (T - WASHOUT)][];
    double[][] ys = new double[rows.length][];
    for (int b = 0; b < 3; b++) {
      double[][] x = states(1, new double[][][] {u[b]}, 1);
      System.arraycopy(x, WASHOUT, rows, b * (T - WASHOUT), T - WASHOUT);
      System.arraycopy(y[b], WASHOUT, ys, b * (T - WASHOUT), T - WASHOUT);
    }
    Readout expected = Ridge.solve(rows, ys, ALPHA, true);
    try (RidgeTrainer trainer = ESN.ridgeTrainer(WASHOUT, ALPHA, 3).build()) {
      assertThat(trainer.trials()).isEqualTo(3);
      assertThat(trainer.features()).isEqualTo(N);
      double loss = trainer.fit(u, y);
      assertClose(trainer.readout(), expected, 1e-10);
      assertThat(loss).isWithin(1e-10 * loss).of(Metrics.mse(expected.apply(rows), ys));
      // the readout learnt the memory: far below the targets' mean square
      assertThat(loss).isLessThan(0.05 * Metrics.mse(new double[ys.length][1], ys));

      // predict (B, T, in): trial b's outputs are the readout of trial b's states
      trainer.reset();
      double[][][] z = trainer.predict(u);
      for (int b = 0; b < 3; b++) {
        double[][] x = states(1, new double[][][] {u[b]}, 1);
        assertThat(z[b]).isEqualTo(trainer.readout().apply(x));
      }
    }
  }

  /**
   * FORCE over a batch: one readout updated by every trial's sample, in trial order; from w = 0
   * with P(0) = I/α that is recursive least squares, which ends at the ridge solution of penalty α
   * of all trials' samples (as BrainPy's block update would).
   */
  @Test
  void batchedForceEndsAtTheRidgeSolutionOfAllTrialsSamples() {
    double[][][] u = inputs(2, 8);
    double[][][] y = targets(u);
    double alpha = 0.5;
    double[][] rows = new double[2 * T][];
    double[][] ys = new double[2 * T][];
    for (int b = 0; b < 2; b++) {
      System.arraycopy(states(1, new double[][][] {u[b]}, 1), 0, rows, b * T, T);
      System.arraycopy(y[b], 0, ys, b * T, T);
    }
    Readout expected = Ridge.solve(rows, ys, alpha, false);
    try (ForceTrainer trainer = ForceTrainer.builder(ESN.network(2)).trials(2).states("R.r")
        .inputWeights("R.input", ESN.inputWeights()).alpha(alpha).dt(EchoStateNetwork.DT)
        .progressBar(false).build()) {
      double loss = trainer.fit(u, y);
      double[] w = trainer.readout().weights()[0];
      double scale = Arrays.stream(expected.weights()[0]).map(Math::abs).max().getAsDouble();
      for (int i = 0; i < N; i++) {
        assertThat(w[i]).isWithin(1e-9 * scale).of(expected.weights()[0][i]);
      }
      assertThat(trainer.lastFitErrors()).hasLength(T);
      assertThat(loss).isGreaterThan(0.0);
    }
  }

  @Test
  void streamedFitEqualsTheInMemoryFit(@TempDir Path dir) {
    double[][][] u = inputs(4, 4);
    double[][][] y = targets(u);
    Readout inMemory;
    double lossInMemory;
    try (RidgeTrainer trainer = ESN.ridgeTrainer(WASHOUT, ALPHA, 4).build()) {
      lossInMemory = trainer.fit(u, y);
      inMemory = trainer.readout();
    }
    Readout streamed;
    try (RidgeTrainer trainer = ESN.ridgeTrainer(WASHOUT, ALPHA, 2).build()) {
      double loss = trainer.fit(SequenceBatch.split(u, y, 2));
      streamed = trainer.readout();
      assertThat(loss).isWithin(1e-6 * lossInMemory).of(lossInMemory);
    }
    assertClose(streamed, inMemory, 1e-9);

    // the same stream from NPY files (S, T, N), read batch by batch
    Path x = Npy.write(dir.resolve("x.npy"), flat(u), 4, T, 2);
    Path t = Npy.write(dir.resolve("y.npy"), flat(y), 4, T, 1);
    try (RidgeTrainer trainer = ESN.ridgeTrainer(WASHOUT, ALPHA, 2).build();
        SequenceFiles files = SequenceFiles.open(x, t, 2)) {
      assertThat(files.batches()).isEqualTo(2);
      trainer.fit(files);
      assertThat(trainer.readout().weights()).isEqualTo(streamed.weights());
      assertThat(trainer.readout().bias()).isEqualTo(streamed.bias());
    }
  }

  @Test
  void shapeErrorsNameTheArrayAndTheExpectedAndFoundShapes() {
    double[][][] u = inputs(3, 5);
    double[][][] y = targets(u);
    try (RidgeTrainer trainer = ESN.ridgeTrainer(WASHOUT, ALPHA, 3).build()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> trainer.fit(Arrays.copyOf(u, 2), Arrays.copyOf(y, 2)));
      assertThat(e).hasMessageThat().contains("targets have shape (B=2, T=300, N=1)");
      assertThat(e).hasMessageThat().contains("B = 3 trials");
      e = assertThrows(IllegalArgumentException.class,
          () -> trainer.fit(u, new double[][][] {y[0], y[1], Arrays.copyOf(y[2], T - 1)}));
      assertThat(e).hasMessageThat().contains("targets has T = 300 steps in trial 0 but 299 in trial 2");
      double[][][] ragged = {u[0], u[1], u[2].clone()};
      ragged[2][7] = new double[3];
      e = assertThrows(IllegalArgumentException.class, () -> trainer.fit(ragged, y));
      assertThat(e).hasMessageThat().contains("inputs is ragged: inputs[2][7] has 3 values but inputs[0][0] has 2");
      double[][][] wide = new double[3][T][3];
      e = assertThrows(IllegalArgumentException.class, () -> trainer.fit(wide, y));
      assertThat(e).hasMessageThat().contains("inputs have shape (B=3, T=300, N=3)");
      assertThat(e).hasMessageThat().contains("expected (B=3, T=300, N=2)");
      e = assertThrows(IllegalArgumentException.class, () -> trainer.fit(u[0], y[0]));
      assertThat(e).hasMessageThat().contains("pass inputs and targets (B, T, N) as double[3][T][N]");
      e = assertThrows(IllegalArgumentException.class, () -> trainer.fit(
          SequenceBatch.split(inputs(4, 6), targets(inputs(4, 6)), 2)));
      assertThat(e).hasMessageThat().startsWith("batch 0: targets have shape (B=2");
    }
    // input weights of the whole batched group instead of one trial's
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RidgeTrainer.builder(ESN.network(3)).trials(3).states("R.r")
            .inputWeights("R.input", new double[3 * N][2]).build());
    assertThat(e).hasMessageThat().contains("have 90 rows but R.input has 30 elements per trial");
    e = assertThrows(IllegalArgumentException.class,
        () -> RidgeTrainer.builder(ESN.network(3)).trials(4).states("R.r").build());
    assertThat(e).hasMessageThat().contains("R.r has 90 elements, not a multiple of 4 trials");
    try (ForceTrainer force = ForceTrainer.builder(ESN.network(3)).trials(3).states("R.r")
        .inputWeights("R.input", ESN.inputWeights()).progressBar(false).build()) {
      e = assertThrows(IllegalArgumentException.class, () -> force.fit(u, Arrays.copyOf(y, 1)));
      assertThat(e).hasMessageThat().contains("targets have shape (B=1, T=300, N=1) but this "
          + "trainer's network runs B = 3 trials");
    }
    e = assertThrows(IllegalArgumentException.class,
        () -> SequenceBatch.split(u, y, 2));
    assertThat(e).hasMessageThat().contains("S = 3 trials, not a positive multiple of the batch size 2");
  }

  @Test
  void streamedFitNeedsAPositiveAlphaAndNamesTheFix() {
    double[][][] u = inputs(2, 7);
    try (RidgeTrainer trainer = ESN.ridgeTrainer(WASHOUT, 0, 2).build()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> trainer.fit(SequenceBatch.split(u, targets(u), 2)));
      assertThat(e).hasMessageThat().contains("a streamed ridge fit needs α > 0");
    }
  }

  @Test
  void npyFilesOfDisagreeingShapesAreRefusedNamingBoth(@TempDir Path dir) {
    Path x = Npy.write(dir.resolve("x.npy"), new double[4 * 10 * 2], 4, 10, 2);
    Path y = Npy.write(dir.resolve("y.npy"), new double[4 * 9], 4, 9, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SequenceFiles.open(x, y, 2));
    assertThat(e).hasMessageThat().contains("has shape [4, 9, 1] but");
    assertThat(e).hasMessageThat().contains("expected (S=4, T=10, outputs)");
  }

  private static double[] flat(double[][][] a) {
    return Arrays.stream(a).flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).toArray();
  }

  /** Weights and biases equal within {@code rel} of the largest weight. */
  private static void assertClose(Readout actual, Readout expected, double rel) {
    double scale = 0;
    for (double[] row : expected.weights()) {
      for (double v : row) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    double[][] a = actual.weights();
    double[][] e = expected.weights();
    for (int j = 0; j < e.length; j++) {
      for (int i = 0; i < e[j].length; i++) {
        assertThat(a[j][i]).isWithin(rel * scale).of(e[j][i]);
      }
      assertThat(actual.bias()[j]).isWithin(rel * scale).of(expected.bias()[j]);
    }
  }
}
