package io.brainstem.bench;

import io.brainstem.train.bptt.BptTrainer;
import io.brainstem.train.bptt.TrainingTime;
import io.brainstem.train.data.RandmanData;
import io.brainstem.train.data.Split;
import io.brainstem.train.optim.Adam;
import java.util.Locale;

/**
 * Issue 14's adjoint bound in demo 3 (docs/training.md, "BPTT on Randman"): trains the demo's
 * classifier (Randman, 10 classes, 100 inputs, 100 LIF, 100 steps, batches of 64) and prints, per
 * epoch, the CPU time of its forward and backward passes and their ratio.
 *
 * <pre>
 * BpttSplit [epochs 10] [hidden 100] [maxStoredSteps 0 = all] [recurrent scale 0 = none]
 * </pre>
 */
public final class BpttSplit {
  private BpttSplit() {}

  public static void main(String[] args) {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int hidden = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int stored = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    double recurrent = args.length > 3 ? Double.parseDouble(args[3]) : 0;
    RandmanData data = RandmanData.builder().classes(10).units(100).steps(100)
        .manifoldDimension(1).samplesPerClass(100).seed(42).build();
    Split split = Split.stratified(data, 0.2, 1);
    BptTrainer.Builder builder = BptTrainer.builder(100, hidden, 10).optimizer(Adam.of(0.02)).seed(7);
    if (stored > 0) {
      builder.maxStoredSteps(stored);
    }
    if (recurrent != 0) {
      builder.recurrent(recurrent);
    }
    BptTrainer trainer = builder.build();
    TrainingTime before = trainer.trainingTime();
    System.out.printf(Locale.ROOT, "BPTT on Randman, %d hidden%s, %s, Java %s%n", hidden,
        recurrent != 0 ? ", recurrent " + recurrent : "",
        stored > 0 ? "segments of " + stored + " steps" : "every state stored",
        System.getProperty("java.version"));
    for (int e = 0; e < epochs; e++) {
      trainer.fit(split.train(), 1, 64, 3 + e);
      TrainingTime now = trainer.trainingTime();
      double f = now.forwardSeconds() - before.forwardSeconds();
      double b = now.backwardSeconds() - before.backwardSeconds();
      double r = now.recomputeSeconds() - before.recomputeSeconds();
      System.out.printf(Locale.ROOT,
          "epoch %d: forward %.3f s, backward %.3f s (%.2fx), recomputed %.3f s, loss %.4f%n",
          e, f, b, b / f, r, trainer.lossHistory().get(trainer.lossHistory().size() - 1));
      before = now;
    }
  }
}
