package io.brainstem.examples.tutorial;

import io.brainstem.connectivity.FixedProb;
import io.brainstem.export.Npy;
import io.brainstem.grad.Surrogate;
import io.brainstem.models.LeakyTanhGroup;
import io.brainstem.models.RateProjectionProjection;
import io.brainstem.network.Network;
import io.brainstem.train.EchoStateNetwork;
import io.brainstem.train.ForceTrainer;
import io.brainstem.train.MackeyGlass;
import io.brainstem.train.Metrics;
import io.brainstem.train.RidgeTrainer;
import io.brainstem.train.RlsPrior;
import io.brainstem.train.bptt.BptTrainer;
import io.brainstem.train.data.RandmanData;
import io.brainstem.train.data.SequenceFiles;
import io.brainstem.train.data.Split;
import io.brainstem.train.optim.Adam;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Tutorial, "Runners for training": a ridge-trained echo-state network and FORCE learning. */
public final class TrainingExample {
  private TrainingExample() {}

  /** An echo-state network predicts Mackey–Glass one step ahead; returns the test NRMSE. */
  public static double ridge() {
    double[] s = MackeyGlass.series(2000);             // τ = 17, one sample per time unit
    double[][] u = new double[1999][];                 // input: x(t)
    double[][] y = new double[1999][];                 // target: x(t + 1)
    for (int t = 0; t < 1999; t++) {
      u[t] = new double[] {s[t]};
      y[t] = new double[] {s[t + 1]};
    }
    EchoStateNetwork esn = new EchoStateNetwork(300, 1, 0.9, 0.1, 0.5, 0.2, 1.0, 42);
    Network net = esn.network();                       // group "R" (LeakyTanh), projection "R2R"
    try (RidgeTrainer trainer = RidgeTrainer.builder(net)
        .states("R.r")                                 // the readout reads the rates
        .inputWeights("R.input", esn.inputWeights())   // W_in·u(t) added to R.input each step
        .washout(100)                                  // the first 100 states are not fitted
        .alpha(1e-6)                                   // ridge penalty (the bias is not penalised)
        .dt(1.0)
        .build()) {
      trainer.fit(Arrays.copyOfRange(u, 0, 1500), Arrays.copyOfRange(y, 0, 1500));
      double[][] z = trainer.predict(Arrays.copyOfRange(u, 1500, 1999));  // continues the run
      double[] predicted = Arrays.stream(z).mapToDouble(r -> r[0]).toArray();
      double[] actual = Arrays.copyOfRange(s, 1501, 2000);
      double nrmse = Metrics.nrmse(predicted, actual);
      System.out.printf("ESN one step ahead: NRMSE %.2e (training MSE %.2e)%n", nrmse,
          trainer.losses().get(0));
      return nrmse;
    }
  }

  /**
   * The ridge readout over a batch: 8 windows of the Mackey–Glass series as 8 trials of one
   * network, fitted in one pass, then the same fit streamed from NPY files in {@code dir}; returns
   * the batched prediction's NRMSE over every trial of a later window.
   */
  public static double batches(Path dir) {
    double[] s = MackeyGlass.series(8 * 400 + 1);
    double[][][] x = new double[8][300][];             // trial b: the window starting at 400·b
    double[][][] y = new double[8][300][];
    double[][][] x2 = new double[8][100][];            // its next 100 steps, to predict
    double[][][] next = new double[8][100][];
    for (int b = 0; b < 8; b++) {
      for (int t = 0; t < 400; t++) {
        double[] in = {s[400 * b + t]};
        double[] out = {s[400 * b + t + 1]};
        if (t < 300) {
          x[b][t] = in;
          y[b][t] = out;
        } else {
          x2[b][t - 300] = in;
          next[b][t - 300] = out;
        }
      }
    }
    Npy.write(dir.resolve("x.npy"), flat(x), 8, 300, 1);
    Npy.write(dir.resolve("y.npy"), flat(y), 8, 300, 1);
    EchoStateNetwork esn = new EchoStateNetwork(300, 1, 0.9, 0.1, 0.5, 0.2, 1.0, 42);
    double nrmse;
    try (RidgeTrainer trainer = esn.ridgeTrainer(100, 1e-6, 8).build()) {  // washout, α, B = 8 trials
      trainer.fit(x, y);                  // x [8][T][inputs], y [8][T][outputs]: one pass, one readout
      double[][][] z = trainer.predict(x2);                      // [8][T2][outputs]
      nrmse = Metrics.nrmse(flat(z), flat(next));
    }
    try (RidgeTrainer trainer = esn.ridgeTrainer(100, 1e-6, 8).build();
        SequenceFiles data = SequenceFiles.open(dir.resolve("x.npy"), dir.resolve("y.npy"), 8)) {
      trainer.fit(data);  // (S, T, ·) files, 8 trials at a time; memory: one batch + (N+1)² sums
    }
    System.out.printf("ESN over 8 trials, one step ahead: NRMSE %.2e%n", nrmse);
    return nrmse;
  }

  private static double[] flat(double[][][] a) {
    return Arrays.stream(a).flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).toArray();
  }

  /** FORCE learns a sine in a chaotic rate network; returns the free-running NRMSE. */
  public static double force() {
    int n = 300;
    SplittableRandom rng = new SplittableRandom(1);
    Network net = new Network();
    LeakyTanhGroup r = net.add(new LeakyTanhGroup("R", n).tau(10.));
    RateProjectionProjection j = net.add(new RateProjectionProjection("R2R", r, r,
        new FixedProb(0.1, 2).includeSelf(false)));
    double[] w = new double[j.synapseCount()];
    for (int k = 0; k < w.length; k++) {
      w[k] = 1.5 / Math.sqrt(0.1 * n) * rng.nextGaussian();   // g = 1.5: chaotic
    }
    j.w(w);
    for (int i = 0; i < n; i++) {
      r.r[i] = 0.5 * rng.nextGaussian();
    }
    double[][] feedback = new double[n][1];
    for (double[] row : feedback) {
      row[0] = 2 * rng.nextDouble() - 1;
    }
    double[][] target = new double[8000][1];
    for (int k = 0; k < target.length; k++) {
      target[k][0] = Math.sin(2 * Math.PI * (k + 1) / 600.);  // period 600 ms at dt = 1 ms
    }
    try (ForceTrainer trainer = ForceTrainer.builder(net)
        .states("R.r")
        .feedback("R.input", feedback)                 // z(t) fed back into R.input at t + dt
        .alpha(1.0).prior(RlsPrior.PAPER)              // P(0) = I/α, Sussillo & Abbott's reading
        .dt(1.0)
        .build()) {
      trainer.fit(Arrays.copyOfRange(target, 0, 6000));   // RLS at every step
      double[][] z = trainer.predict(2000);               // runs free on its own output
      double[] out = Arrays.stream(z).mapToDouble(row -> row[0]).toArray();
      double[] want = Arrays.stream(target, 6000, 8000).mapToDouble(row -> row[0]).toArray();
      double nrmse = Metrics.nrmse(out, want);
      System.out.printf("FORCE running free: NRMSE %.2e%n", nrmse);
      return nrmse;
    }
  }

  /** Back-propagation through time on Randman (docs/tutorial.md); returns the held-out accuracy. */
  public static double bptt() {
    RandmanData data = RandmanData.builder().classes(10).units(100).steps(100)
        .manifoldDimension(1).samplesPerClass(100).seed(42).build();
    Split split = Split.stratified(data, 0.2, 1);
    BptTrainer trainer = BptTrainer.builder(100, 100, 10)   // N inputs, hidden Lif, classes
        .optimizer(Adam.of(0.02))
        .surrogate(Surrogate.fastSigmoid(10))               // dS/dθ of the spike
        .maxStoredSteps(1000)                               // longer runs: checkpointed segments
        .progress(e -> System.out.printf("epoch %d loss %.4f%n", e.epoch(), e.loss()))
        .build();
    trainer.fit(split.train(), 20, 64, 3);                  // epochs, batch size, shuffling seed
    double accuracy = trainer.accuracy(split.test(), 200);  // predict(batch) gives the classes
    System.out.printf("held-out accuracy %.3f%n", accuracy);
    return accuracy;
  }
}
