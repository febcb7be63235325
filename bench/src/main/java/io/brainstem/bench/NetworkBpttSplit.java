package io.brainstem.bench;

import io.brainstem.connectivity.All2All;
import io.brainstem.models.LifGroup;
import io.brainstem.models.WeightedExpCubaProjection;
import io.brainstem.network.Network;
import io.brainstem.train.bptt.NetworkTrainer;
import io.brainstem.train.bptt.Scores;
import io.brainstem.train.bptt.TrainingTime;
import io.brainstem.train.data.RandmanData;
import io.brainstem.train.data.Split;
import io.brainstem.train.optim.Adam;
import java.util.Locale;
import java.util.Random;

/**
 * Issue 14's adjoint bound in the user-network demonstration (docs/training.md, "Training a network
 * you built"; {@code NetworkTrainerDemoTest#lossFallsOnRandman}): Randman (10 classes, 100 units,
 * 100 steps, 30 samples per class) fed to {@code In} (100), {@code WeightedExpCuba} all to all onto
 * 40 {@code Lif}, then onto 10 non-spiking {@code Lif} whose mean voltage is the score; Adam 0.02,
 * batches of 32. Prints, per epoch, the CPU time of the forward and backward passes.
 *
 * <pre>
 * NetworkBpttSplit [epochs 10]
 * </pre>
 */
public final class NetworkBpttSplit {
  private NetworkBpttSplit() {}

  public static void main(String[] args) {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    RandmanData data = RandmanData.builder().classes(10).units(100).steps(100)
        .manifoldDimension(1).samplesPerClass(30).seed(42).build();
    Split split = Split.stratified(data, 0.2, 1);
    System.out.printf(Locale.ROOT, "BPTT over a user's network (In 100 -> 40 Lif -> 10 Lif), Java %s%n",
        System.getProperty("java.version"));
    try (NetworkTrainer trainer = NetworkTrainer.builder(network(7, 3, 5)).input("In")
        .scores(Scores.meanState("Out", "V")).optimizer(Adam.of(0.02)).dt(1).build()) {
      TrainingTime before = trainer.trainingTime();
      for (int e = 0; e < epochs; e++) {
        trainer.fit(split.train(), 1, 32, 3 + e);
        TrainingTime now = trainer.trainingTime();
        double f = now.forwardSeconds() - before.forwardSeconds();
        double b = now.backwardSeconds() - before.backwardSeconds();
        System.out.printf(Locale.ROOT, "epoch %d: forward %.3f s, backward %.3f s (%.2fx), loss %.4f%n",
            e, f, b, b / f, trainer.lossHistory().get(trainer.lossHistory().size() - 1));
        before = now;
      }
    }
  }

  /** The demonstration's network: In (100, fed) → H (40 Lif) → Out (10 Lif, non-spiking). */
  static Network network(long seed, double inScale, double outScale) {
    Network net = new Network();
    LifGroup in = net.add(new LifGroup("In", 100));
    LifGroup hidden = net.add(new LifGroup("H", 40).V_rest(0).V_reset(0).V_th(1).tau(10));
    LifGroup out = net.add(new LifGroup("Out", 10).V_rest(0).V_reset(0).V_th(1e9).tau(20));
    hidden.params().markTrainable(hidden.params().indexOf("tau"));
    Random random = new Random(seed);
    WeightedExpCubaProjection a = net.add(new WeightedExpCubaProjection("In2H", in, hidden,
        new All2All()).tau(5));
    WeightedExpCubaProjection b = net.add(new WeightedExpCubaProjection("H2Out", hidden, out,
        new All2All()).tau(5));
    double[] wa = a.doubles("w");
    for (int k = 0; k < wa.length; k++) {
      wa[k] = random.nextGaussian() * inScale / Math.sqrt(100);
    }
    double[] wb = b.doubles("w");
    for (int k = 0; k < wb.length; k++) {
      wb[k] = random.nextGaussian() * outScale / Math.sqrt(40);
    }
    return net;
  }
}
