package io.brainstem.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.inputs.Input;
import io.brainstem.inputs.Op;
import io.brainstem.network.Network;
import io.brainstem.runners.DSRunner;
import io.brainstem.runners.StepFailure;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainerTest {
  private static final int N = 40;
  private static final int T = 600;

  /** Random inputs [T][2]. */
  private static double[][] inputs(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] u = new double[T][2];
    for (double[] row : u) {
      row[0] = rng.nextDouble() - 0.5;
      row[1] = rng.nextDouble() - 0.5;
    }
    return u;
  }

  /** A fading memory of the inputs (time constants of 30 and 80 steps), [T][1]. */
  private static double[][] targets(double[][] u) {
    double[][] y = new double[u.length][1];
    double a = 0;
    double b = 0;
    for (int t = 0; t < u.length; t++) {
      a += (u[t][0] - a) / 30;
      b += (u[t][1] - b) / 80;
      y[t][0] = a - 2 * b;
    }
    return y;
  }

  /** The states of a fresh network driven by W·u through an iter input, as a plain DSRunner sees them. */
  private static double[][] statesByDsRunner(double[][] wIn, double[][] u) {
    double[][] perStep = new double[u.length][N];
    for (int k = 0; k < u.length; k++) {
      for (int i = 0; i < N; i++) {
        double s = 0;
        for (int j = 0; j < u[k].length; j++) {
          s += wIn[i][j] * u[k][j];
        }
        perStep[k][i] = s;
      }
    }
    Network net = TestReservoirs.leaky(N);
    try (DSRunner runner = DSRunner.builder(net).inputs(Input.iter("R.input", perStep, Op.ADD))
        .monitors("R.x").progressBar(false).build()) {
      runner.run(u.length * runner.dt());
      return runner.mon().values("R.x");
    }
  }

  @Test
  void ridgeTrainerSolvesTheRidgeProblemOfTheStatesAMonitorRecords() {
    double[][] wIn = TestReservoirs.uniform(N, 2, 2, 5);
    double[][] u = inputs(1);
    double[][] y = targets(u);
    int washout = 50;
    try (RidgeTrainer trainer = RidgeTrainer.builder(TestReservoirs.leaky(N)).states("R.x")
        .inputWeights("R.input", wIn).washout(washout).alpha(1e-4).progressBar(false).build()) {
      double loss = trainer.fit(u, y);
      double[][] x = statesByDsRunner(wIn, u);
      double[][] xUsed = Arrays.copyOfRange(x, washout, T);
      double[][] yUsed = Arrays.copyOfRange(y, washout, T);
      Readout expected = Ridge.solve(xUsed, yUsed, 1e-4, true);
      assertThat(trainer.readout().weights()[0]).isEqualTo(expected.weights()[0]);
      assertThat(trainer.readout().bias()).isEqualTo(expected.bias());
      assertThat(loss).isEqualTo(Metrics.mse(expected.apply(xUsed), yUsed));
      assertThat(trainer.losses()).containsExactly(loss);
      // the readout learnt something: far below the target's variance
      double meanSquare = Metrics.mse(new double[T - washout][1], yUsed);
      assertThat(loss).isLessThan(0.05 * meanSquare);

      // reset_state semantics: after reset() a prediction starts from the initial state
      trainer.reset();
      double[][] z = trainer.predict(u);
      assertThat(z).isEqualTo(expected.apply(x));
    }
  }

  @Test
  void predictContinuesFromTheStateTheFitLeft() {
    double[][] wIn = TestReservoirs.uniform(N, 2, 2, 5);
    double[][] u = inputs(2);
    double[][] both = new double[2 * T][];
    System.arraycopy(u, 0, both, 0, T);
    System.arraycopy(inputs(3), 0, both, T, T);
    double[][] x = statesByDsRunner(wIn, both);
    try (RidgeTrainer trainer = RidgeTrainer.builder(TestReservoirs.leaky(N)).states("R.x")
        .inputWeights("R.input", wIn).alpha(1e-4).progressBar(false).build()) {
      trainer.fit(u, targets(u));
      double[][] z = trainer.predict(Arrays.copyOfRange(both, T, 2 * T));
      assertThat(z).isEqualTo(trainer.readout().apply(Arrays.copyOfRange(x, T, 2 * T)));
    }
  }

  /**
   * Recursive least squares from w = 0 with P(0) = I/α ends at the ridge solution of penalty α of
   * every sample it saw; BrainPy's P(0) = α·I is the same run with 1/α.
   */
  @Test
  void forceWithoutFeedbackEndsAtTheRidgeSolutionUnderBothPriorConventions() {
    double[][] wIn = TestReservoirs.uniform(N, 2, 2, 5);
    double[][] u = inputs(4);
    double[][] y = targets(u);
    double alpha = 0.5;
    double[][] paper;
    double[][] brainpy;
    try (ForceTrainer trainer = ForceTrainer.builder(TestReservoirs.leaky(N)).states("R.x")
        .inputWeights("R.input", wIn).alpha(alpha).prior(RlsPrior.PAPER).progressBar(false).build()) {
      assertThat(trainer.initialP()).isEqualTo(2.0);
      trainer.fit(u, y);
      paper = trainer.readout().weights();
      assertThat(trainer.lastFitErrors()).hasLength(T);
    }
    try (ForceTrainer trainer = ForceTrainer.builder(TestReservoirs.leaky(N)).states("R.x")
        .inputWeights("R.input", wIn).alpha(1 / alpha).prior(RlsPrior.BRAINPY).progressBar(false)
        .build()) {
      assertThat(trainer.initialP()).isEqualTo(2.0);
      trainer.fit(u, y);
      brainpy = trainer.readout().weights();
    }
    assertThat(brainpy).isEqualTo(paper);
    double[] ridge = Ridge.solve(statesByDsRunner(wIn, u), y, alpha, false).weights()[0];
    double scale = Arrays.stream(ridge).map(Math::abs).max().orElseThrow();
    assertThat(paper[0]).usingTolerance(1e-9 * scale).containsExactly(ridge).inOrder();
    // the same α under the other reading is a different prior, so a different readout
    try (ForceTrainer trainer = ForceTrainer.builder(TestReservoirs.leaky(N)).states("R.x")
        .inputWeights("R.input", wIn).alpha(alpha).prior(RlsPrior.BRAINPY).progressBar(false).build()) {
      trainer.fit(u, y);
      assertThat(trainer.readout().weights()[0][0]).isNotWithin(1e-6).of(paper[0][0]);
    }
  }

  @Test
  void badInputNamesTheFix() {
    Network net = TestReservoirs.leaky(N);
    IllegalArgumentException nothing = assertThrows(IllegalArgumentException.class,
        () -> RidgeTrainer.builder(net).build());
    assertThat(nothing).hasMessageThat().contains("nothing to train");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> ForceTrainer.builder(net).build())).hasMessageThat().contains("states(\"R.r\")");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> RidgeTrainer.builder(net).states("R.spike"))).hasMessageThat().contains("boolean");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> RidgeTrainer.builder(net).inputWeights("R.input", new double[3][1])))
        .hasMessageThat().contains("one row per element");

    double[][] wIn = TestReservoirs.uniform(N, 2, 1, 5);
    try (RidgeTrainer trainer = RidgeTrainer.builder(net).states("R.x")
        .inputWeights("R.input", wIn).washout(10).progressBar(false).build()) {
      assertThat(assertThrows(IllegalStateException.class, () -> trainer.predict(inputs(1))))
          .hasMessageThat().contains("call fit");
      assertThat(assertThrows(IllegalArgumentException.class,
          () -> trainer.fit(inputs(1), new double[T - 1][1])))
          .hasMessageThat().contains("one row of each per step");
      assertThat(assertThrows(IllegalArgumentException.class,
          () -> trainer.fit(new double[T][3], new double[T][1])))
          .hasMessageThat().contains("pass [T][2]");
      assertThat(assertThrows(IllegalArgumentException.class,
          () -> trainer.fit(new double[10][2], new double[10][1])))
          .hasMessageThat().contains("nothing to fit");
      assertThat(assertThrows(IllegalArgumentException.class,
          () -> trainer.fit(new double[][] {{0, 0}}, new double[][] {{1, 2}, {3}})))
          .hasMessageThat().contains("ragged");
    }
  }

  @Test
  void aDivergingNetworkStopsTheFitNamingTheStep() {
    Network net = new Network();
    double[] tau = new double[N];
    Arrays.fill(tau, -0.01); // unstable: x grows by 11× per step of 0.1 ms
    net.add(new LeakyGroup("R", N).tau(tau).method(io.brainstem.annotations.Integrator.EULER));
    try (RidgeTrainer trainer = RidgeTrainer.builder(net).states("R.x")
        .inputWeights("R.input", TestReservoirs.uniform(N, 2, 1, 5)).progressBar(false).build()) {
      TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
          () -> trainer.fit(inputs(1), new double[T][1]));
      assertThat(e).hasMessageThat().contains("the network diverged");
      assertThat(e.step()).isGreaterThan(100);
      assertThat(StepFailure.of(e)).isNotNull();
    }
  }

  @Test
  void aDivergingRlsStopsTheFitNamingTheFix() {
    try (ForceTrainer trainer = ForceTrainer.builder(TestReservoirs.leaky(N)).states("R.x")
        .inputWeights("R.input", TestReservoirs.uniform(N, 2, 2, 5)).alpha(1e-300)
        .progressBar(false).build()) {
      TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
          () -> trainer.fit(inputs(1), targets(inputs(1))));
      assertThat(e).hasMessageThat().contains("increase α");
    }
  }
}
