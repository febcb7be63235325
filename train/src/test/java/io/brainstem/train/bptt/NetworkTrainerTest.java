package io.brainstem.train.bptt;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.All2All;
import io.brainstem.models.ExpCubaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.models.StdpSong2000Projection;
import io.brainstem.models.WeightedExpCubaProjection;
import io.brainstem.network.Network;
import io.brainstem.train.TrainingDivergedException;
import io.brainstem.train.data.Batch;
import io.brainstem.train.data.Dataset;
import io.brainstem.train.optim.Adam;
import io.brainstem.train.optim.Sgd;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link NetworkTrainer}'s contract: batches, threads, reset semantics and bad input. */
class NetworkTrainerTest {
  private static final Dataset DATA = NetworkTrainerDemoTest.DATA.subset(
      java.util.stream.IntStream.range(0, 24).toArray());

  private static NetworkTrainer.Builder trainer(Network net) {
    return NetworkTrainer.builder(net).input("In").scores(Scores.meanState("Out", "V"))
        .optimizer(Sgd.of(0.05)).dt(1);
  }

  @Test
  void batchGradientIsTheMeanOfItsTrials() {
    Batch batch = DATA.batch(0, 1, 2);
    double[][] each = new double[3][];
    for (int b = 0; b < 3; b++) {
      try (NetworkTrainer t = trainer(NetworkTrainerDemoTest.network(7, 3, 5)).build()) {
        t.train(DATA.batch(b), new double[10]);
        each[b] = t.optimizerGradient("In2H.w");
      }
    }
    try (NetworkTrainer t = trainer(NetworkTrainerDemoTest.network(7, 3, 5)).build()) {
      t.train(batch, new double[30]);
      double[] mean = t.optimizerGradient("In2H.w");
      for (int k = 0; k < mean.length; k += 97) {
        double expected = (each[0][k] + each[1][k] + each[2][k]) / 3;
        assertThat(mean[k]).isWithin(1e-12 * Math.max(1, Math.abs(expected))).of(expected);
      }
    }
  }

  @Test
  void twoThreadsTrainTheBitsOfOne() {
    double[][] weights = new double[2][];
    for (int threads = 1; threads <= 2; threads++) {
      try (NetworkTrainer t = trainer(NetworkTrainerDemoTest.network(7, 3, 5)).threads(threads)
          .optimizer(Adam.of(0.02)).build()) {
        t.fit(DATA, 2, 8, 1);
        weights[threads - 1] = t.values("H2Out.w").clone();
      }
    }
    assertThat(weights[1]).isEqualTo(weights[0]);
  }

  @Test
  void everyTrialStartsFromTheInitialState() {
    try (NetworkTrainer t = trainer(NetworkTrainerDemoTest.network(7, 3, 5)).build()) {
      Batch batch = DATA.batch(3);
      double[] first = t.scores(batch);
      t.scores(DATA.batch(5, 6));
      assertThat(t.scores(batch)).isEqualTo(first);
    }
  }

  @Test
  void nothingTrainableIsRefused() {
    Network net = new Network();
    LifGroup in = net.add(new LifGroup("In", 4));
    LifGroup out = net.add(new LifGroup("Out", 3));
    net.add(new ExpCubaProjection("A", in, out, new All2All()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> trainer(net).build());
    assertThat(e).hasMessageThat().contains("has nothing trainable");
  }

  @Test
  void projectionWithoutBackwardIsNamed() {
    Network net = NetworkTrainerDemoTest.network(7, 3, 5);
    net.add(new StdpSong2000Projection("Plastic", net.group("In"), net.group("H"), new All2All()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> trainer(net).build());
    assertThat(e).hasMessageThat().contains("projection Plastic (StdpSong2000) has no backward"
        + " step: it is plastic");
  }

  @Test
  void shapeMismatchNamesBothShapes() {
    try (NetworkTrainer t = trainer(NetworkTrainerDemoTest.network(7, 3, 5)).build()) {
      Batch wrong = Batch.of(new double[2][100][40], new int[] {0, 1});
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> t.scores(wrong));
      assertThat(e).hasMessageThat().contains("the batch has N = 40 inputs per step but the input"
          + " group In has 100");
    }
  }

  @Test
  void nanLossStopsWithEpochAndBatch() {
    Network net = NetworkTrainerDemoTest.network(7, 3, 5);
    java.util.Arrays.fill(((WeightedExpCubaProjection) net.projection("H2Out")).doubles("w"),
        Double.NaN);
    try (NetworkTrainer t = trainer(net).build()) {
      TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
          () -> t.fit(DATA, 1, 8, 0));
      assertThat(e.epoch()).isEqualTo(0);
      assertThat(e.batch()).isEqualTo(0);
      assertThat(e).hasMessageThat().contains("epoch 0");
    }
  }

  @Test
  void freezingAndSettingsErrors() {
    assertThat(assertThrows(IllegalStateException.class, () -> trainer(
        NetworkTrainerDemoTest.network(7, 3, 5)).freeze("H.tau", "In2H.tau", "In2H.w",
        "H2Out.tau", "H2Out.w").build()).getMessage()).contains("nothing to train");
    assertThat(assertThrows(IllegalArgumentException.class, () -> trainer(
        NetworkTrainerDemoTest.network(7, 3, 5)).freeze("H.V_th").build()).getMessage())
        .contains("cannot freeze H.V_th");
    try (NetworkTrainer t = trainer(NetworkTrainerDemoTest.network(7, 3, 5)).freeze("H.tau")
        .build()) {
      assertThat(t.trainedParameters())
          .isEqualTo(List.of("In2H.tau", "In2H.w", "H2Out.tau", "H2Out.w"));
    }
    assertThat(assertThrows(NullPointerException.class, () -> NetworkTrainer.builder(
        NetworkTrainerDemoTest.network(7, 3, 5)).scores(Scores.spikeCounts("Out"))
        .optimizer(Sgd.of(1)).build()).getMessage()).contains("input(\"In\")");
    assertThat(assertThrows(IllegalArgumentException.class, () -> trainer(
        NetworkTrainerDemoTest.network(7, 3, 5)).scores(Scores.spikeCounts("Outt")).build())
        .getMessage()).contains("Out");
  }

}
