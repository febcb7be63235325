package io.brainstem.train.bptt;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.train.TrainingDivergedException;
import io.brainstem.train.data.Batch;
import io.brainstem.train.data.RandmanData;
import io.brainstem.train.optim.Sgd;
import org.junit.jupiter.api.Test;

/** BptTrainer: checkpointed segments equal stored states, and the errors of bad settings. */
class BptTrainerTest {
  private static final RandmanData DATA = RandmanData.builder().classes(3).units(20).steps(50)
      .manifoldDimension(1).samplesPerClass(4).seed(5).build();

  private static BptTrainer trainer(int maxStoredSteps) {
    return BptTrainer.builder(20, 16, 3).inputScale(40).seed(2)
        .maxStoredSteps(maxStoredSteps).optimizer(Sgd.of(0.01)).build();
  }

  @Test
  void recomputedSegmentsGiveTheStoredGradientsBitForBit() {
    Batch batch = DATA.batch(0, 1, 2, 3, 4, 5);
    BptTrainer stored = trainer(1000);
    double storedLoss = stored.lossAndGradients(batch);
    for (int segment : new int[] {1, 7, 25, 49}) {
      BptTrainer checkpointed = trainer(segment);
      assertThat(checkpointed.lossAndGradients(batch)).isEqualTo(storedLoss);
      assertThat(checkpointed.inputGradient()).isEqualTo(stored.inputGradient());
      assertThat(checkpointed.readoutGradient()).isEqualTo(stored.readoutGradient());
    }
    boolean any = false;
    for (double g : stored.inputGradient()) {
      any |= g != 0;
    }
    assertThat(any).isTrue();
  }

  private static BptTrainer recurrentTrainer(int maxStoredSteps) {
    return BptTrainer.builder(20, 16, 3).inputScale(40).seed(2).recurrent(2)
        .trainParameters("hidden.tau", "hidden.V_th", "recurrent.tau")
        .maxStoredSteps(maxStoredSteps).optimizer(Sgd.of(0.01)).build();
  }

  @Test
  void recurrentSegmentsGiveTheStoredGradientsBitForBit() {
    Batch batch = DATA.batch(0, 1, 2, 3, 4, 5);
    BptTrainer stored = recurrentTrainer(1000);
    double storedLoss = stored.lossAndGradients(batch);
    for (int segment : new int[] {1, 7, 25, 49}) {
      BptTrainer checkpointed = recurrentTrainer(segment);
      assertThat(checkpointed.lossAndGradients(batch)).isEqualTo(storedLoss);
      assertThat(checkpointed.inputGradient()).isEqualTo(stored.inputGradient());
      assertThat(checkpointed.readoutGradient()).isEqualTo(stored.readoutGradient());
      assertThat(checkpointed.recurrentGradient()).isEqualTo(stored.recurrentGradient());
      for (String p : new String[] {"hidden.tau", "hidden.V_th", "recurrent.tau"}) {
        assertThat(checkpointed.parameterGradient(p)).isEqualTo(stored.parameterGradient(p));
      }
    }
    long nonZero = java.util.Arrays.stream(stored.recurrentGradient()).filter(g -> g != 0).count();
    assertThat(nonZero).isGreaterThan(stored.recurrentGradient().length / 2);
    assertThat(stored.parameterGradient("hidden.tau")).isNonZero();
    assertThat(stored.parameterGradient("recurrent.tau")).isNonZero();
  }

  /**
   * The trials of a batch share the recurrent weights: the batch's gradient (of the mean loss) is
   * the mean of the gradients of each trial alone, so the blocks are summed correctly.
   */
  @Test
  void batchGradientIsTheMeanOfTrialGradients() {
    int[] trials = {0, 4, 8};
    BptTrainer batch = recurrentTrainer(1000);
    batch.lossAndGradients(DATA.batch(trials));
    double[] mean = new double[batch.recurrentGradient().length];
    double tauMean = 0;
    for (int trial : trials) {
      BptTrainer one = recurrentTrainer(1000);
      one.lossAndGradients(DATA.batch(trial));
      for (int k = 0; k < mean.length; k++) {
        mean[k] += one.recurrentGradient()[k] / trials.length;
      }
      tauMean += one.parameterGradient("recurrent.tau") / trials.length;
    }
    for (int k = 0; k < mean.length; k++) {
      assertThat(batch.recurrentGradient()[k]).isWithin(1e-12 * (1 + Math.abs(mean[k])))
          .of(mean[k]);
    }
    assertThat(batch.parameterGradient("recurrent.tau")).isWithin(1e-12 * (1 + Math.abs(tauMean)))
        .of(tauMean);
  }

  @Test
  void declaredTrainableParametersAreTrainedUnlessFrozen() {
    BptTrainer declared = BptTrainer.builder(20, 16, 3).recurrent(2).recurrentTau(4)
        .trainParameters("hidden.tau").optimizer(Sgd.of(0.01)).build();
    assertThat(declared.trainedParameters())
        .containsExactly("recurrent.tau", "hidden.tau").inOrder();
    assertThat(declared.parameter("recurrent.tau")).isEqualTo(4.0);
    BptTrainer frozen = BptTrainer.builder(20, 16, 3).recurrent(2)
        .freezeParameters("recurrent.tau").optimizer(Sgd.of(0.01)).build();
    assertThat(frozen.trainedParameters()).isEmpty();
    assertThat(BptTrainer.builder(20, 16, 3).optimizer(Sgd.of(0.01)).build().trainedParameters())
        .isEmpty();
  }

  @Test
  void unknownParameterNamesTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BptTrainer.builder(20, 16, 3).trainParameters("hidden.taus")
            .optimizer(Sgd.of(0.01)).build());
    assertThat(e).hasMessageThat().contains("no trainable parameter hidden.taus");
    assertThat(e).hasMessageThat().contains("recurrent.tau after recurrent(scale)");
  }

  @Test
  void nothingTrainableIsAnError() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> BptTrainer.builder(20, 16, 3).trainInput(false).trainReadout(false)
            .optimizer(Sgd.of(0.01)).build());
    assertThat(e).hasMessageThat().contains("nothing to train");
  }

  @Test
  void wrongInputCountNamesTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BptTrainer.builder(21, 16, 3).optimizer(Sgd.of(0.01)).build()
            .predict(DATA.batch(0, 1)));
    assertThat(e).hasMessageThat().contains("builder(20, hidden, classes)");
  }

  @Test
  void nanLossStopsWithEpochAndBatch() {
    BptTrainer trainer = trainer(1000);
    java.util.Arrays.fill(trainer.readoutWeights(), Double.NaN);
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
        () -> trainer.fit(DATA, 1, 4, 0));
    assertThat(e.epoch()).isEqualTo(0);
    assertThat(e.batch()).isEqualTo(0);
  }

  @Test
  void trainingTimeSplitsForwardBackwardAndRecomputation() {
    BptTrainer stored = trainer(1000);
    assertThat(stored.trainingTime()).isEqualTo(new TrainingTime(0, 0, 0));
    stored.fit(DATA, 1, 6, 0);
    TrainingTime time = stored.trainingTime();
    assertThat(time.forwardSeconds()).isGreaterThan(0.0);
    assertThat(time.backwardSeconds()).isGreaterThan(0.0);
    assertThat(time.recomputeSeconds()).isEqualTo(0.0); // every state stored
    assertThat(time.adjointRatio()).isEqualTo(time.backwardSeconds() / time.forwardSeconds());
    BptTrainer checkpointed = trainer(10);
    checkpointed.fit(DATA, 1, 6, 0);
    assertThat(checkpointed.trainingTime().recomputeSeconds()).isGreaterThan(0.0);
  }
}
