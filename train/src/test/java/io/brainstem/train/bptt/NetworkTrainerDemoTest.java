package io.brainstem.train.bptt;

import static com.google.common.truth.Truth.assertThat;

import io.brainstem.connectivity.All2All;
import io.brainstem.models.LifGroup;
import io.brainstem.models.WeightedExpCubaProjection;
import io.brainstem.network.Network;
import io.brainstem.train.data.RandmanData;
import io.brainstem.train.data.Split;
import io.brainstem.train.optim.Adam;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A user's own network trained by {@link NetworkTrainer}: Randman (10 classes, 100 units, 100
 * steps, D = 1, 30 samples per class, seed 42; 20 % held out) fed to an input group, {@code
 * WeightedExpCuba} synapses onto 40 spiking {@code Lif} neurons, {@code WeightedExpCuba} synapses
 * onto 10 non-spiking {@code Lif} outputs whose mean voltage is the score. Fixed seeds.
 */
class NetworkTrainerDemoTest {
  static final RandmanData DATA = RandmanData.builder().classes(10).units(100).steps(100)
      .manifoldDimension(1).samplesPerClass(30).seed(42).build();
  static final Split SPLIT = Split.stratified(DATA, 0.2, 1);
  static final int HIDDEN = 40;

  /** In (100, fed) → H (40 Lif) → Out (10 Lif, non-spiking), weights normal, seeded. */
  static Network network(long seed, double inScale, double outScale) {
    return network(seed, inScale, outScale, 1e9);
  }

  static Network network(long seed, double inScale, double outScale, double outThreshold) {
    Network net = new Network();
    LifGroup in = net.add(new LifGroup("In", 100));
    LifGroup hidden = net.add(new LifGroup("H", HIDDEN).V_rest(0).V_reset(0).V_th(1).tau(10));
    LifGroup out = net.add(new LifGroup("Out", 10).V_rest(0).V_reset(0).V_th(outThreshold).tau(20));
    hidden.params().markTrainable(hidden.params().indexOf("tau")); // marked at run time
    Random random = new Random(seed);
    WeightedExpCubaProjection a = net.add(new WeightedExpCubaProjection("In2H", in, hidden,
        new All2All()).tau(5));
    WeightedExpCubaProjection b = net.add(new WeightedExpCubaProjection("H2Out", hidden, out,
        new All2All()).tau(5));
    for (double[] w : new double[][] {a.doubles("w"), b.doubles("w")}) {
      double scale = w == a.doubles("w") ? inScale / Math.sqrt(100) : outScale / Math.sqrt(HIDDEN);
      for (int k = 0; k < w.length; k++) {
        w[k] = random.nextGaussian() * scale;
      }
    }
    return net;
  }

  @Test
  void lossFallsOnRandman() {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[] last = {0};
    double[] seconds = new double[10];
    try (NetworkTrainer trainer = NetworkTrainer.builder(network(7, 3, 5)).input("In")
        .scores(Scores.meanState("Out", "V")).optimizer(Adam.of(0.02)).dt(1)
        .progress(e -> {
          long now = cpu.getCurrentThreadCpuTime();
          seconds[e.epoch()] = (now - last[0]) / 1e9;
          last[0] = now;
          System.out.printf("epoch %d loss %.4f acc %.3f%n", e.epoch(), e.loss(), e.accuracy());
        }).build()) {
      double before = trainer.loss(SPLIT.train(), 64);
      double accBefore = trainer.accuracy(SPLIT.test(), 64);
      last[0] = cpu.getCurrentThreadCpuTime();
      trainer.fit(SPLIT.train(), 10, 32, 3);
      double after = trainer.loss(SPLIT.train(), 64);
      double accAfter = trainer.accuracy(SPLIT.test(), 64);
      java.util.Arrays.sort(seconds);
      TrainingTime time = trainer.trainingTime();
      System.out.printf("user network: training loss %.4f -> %.4f, held-out accuracy %.3f -> %.3f;"
          + " median epoch CPU %.3f s (forward %.3f s, backward %.3f s in all: %.2fx); %s%n",
          before, after, accBefore, accAfter, seconds[5], time.forwardSeconds(),
          time.backwardSeconds(), time.adjointRatio(), trainer.trainedParameters());
      assertThat(time.forwardSeconds()).isGreaterThan(0.0);
      assertThat(time.backwardSeconds()).isGreaterThan(0.0);
      assertThat(after).isLessThan(0.5 * before);
      assertThat(accAfter).isAtLeast(0.7);
      assertThat(trainer.values("H.tau")[0]).isNotEqualTo(10.0);
    }
  }

  /** Spiking outputs: the scores are their spike counts. */
  @Test
  void spikeCountLossFalls() {
    try (NetworkTrainer trainer = NetworkTrainer.builder(network(7, 3, 5, 1)).input("In")
        .scores(Scores.spikeCounts("Out")).optimizer(Adam.of(0.02)).dt(1).build()) {
      double before = trainer.loss(SPLIT.train(), 64);
      trainer.fit(SPLIT.train(), 5, 32, 3);
      double after = trainer.loss(SPLIT.train(), 64);
      System.out.printf("spike counts: training loss %.4f -> %.4f, held-out accuracy %.3f; %s%n",
          before, after, trainer.accuracy(SPLIT.test(), 64), trainer.lossHistory());
      assertThat(after).isLessThan(0.7 * before);
    }
  }
}
