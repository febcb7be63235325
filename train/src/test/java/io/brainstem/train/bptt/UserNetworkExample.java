package io.brainstem.train.bptt;

import io.brainstem.connectivity.All2All;
import io.brainstem.models.LifGroup;
import io.brainstem.models.WeightedExpCubaProjection;
import io.brainstem.network.Network;
import io.brainstem.train.data.RandmanData;
import io.brainstem.train.data.Split;
import io.brainstem.train.optim.Adam;
import java.util.Random;

/** The example of docs/training.md, "Training a network you built" (NetworkTrainerDocTest). */
final class UserNetworkExample {
  private UserNetworkExample() {}

  /** Trains and returns {training loss before, after, held-out accuracy}. */
  static double[] run(int epochs) {
    RandmanData data = RandmanData.builder().classes(10).units(100).steps(100)
        .manifoldDimension(1).samplesPerClass(30).seed(42).build();
    Split split = Split.stratified(data, 0.2, 1);
    Network net = new Network();
    LifGroup in = net.add(new LifGroup("In", 100));                  // fed, not stepped
    LifGroup hidden = net.add(new LifGroup("H", 40).V_rest(0).V_reset(0).V_th(1).tau(10));
    LifGroup out = net.add(new LifGroup("Out", 10).V_rest(0).V_reset(0).V_th(1e9).tau(20));
    WeightedExpCubaProjection in2h = net.add(
        new WeightedExpCubaProjection("In2H", in, hidden, new All2All()).tau(5));
    WeightedExpCubaProjection h2out = net.add(
        new WeightedExpCubaProjection("H2Out", hidden, out, new All2All()).tau(5));
    Random random = new Random(7);
    double[] w = in2h.doubles("w");                 // @PerSynapse @Trainable: trained
    for (int k = 0; k < w.length; k++) {
      w[k] = random.nextGaussian() * 0.3;
    }
    double[] v = h2out.doubles("w");
    for (int k = 0; k < v.length; k++) {
      v[k] = random.nextGaussian() * 5 / Math.sqrt(40);
    }
    hidden.params().markTrainable(hidden.params().indexOf("tau"));  // trained too, at run time
    try (NetworkTrainer trainer = NetworkTrainer.builder(net)
        .input("In")                                 // Randman's raster, (B, T, 100)
        .scores(Scores.meanState("Out", "V"))        // softmax cross-entropy over mean V
        .optimizer(Adam.of(0.02))
        .dt(1)
        .build()) {
      double before = trainer.loss(split.train(), 64);
      trainer.fit(split.train(), epochs, 32, 3);   // epochs of batches of 32, shuffled by seed 3
      return new double[] {before, trainer.lossHistory().get(epochs - 1),
          trainer.accuracy(split.test(), 64)};
    }
  }
}
