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
}
