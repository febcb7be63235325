package io.brainstem.connectivity;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrialsTest {
  @Test
  void repeatsOneDrawnBlockDiagonally() {
    FixedProb inner = new FixedProb(0.3, 11).includeSelf(false);
    Csr block = inner.build(10, 7);
    Csr all = new Trials(inner, 3).build(30, 21);
    assertThat(all.preSize()).isEqualTo(30);
    assertThat(all.postSize()).isEqualTo(21);
    assertThat(all.indices()).hasLength(3 * block.indices().length);
    for (int b = 0; b < 3; b++) {
      for (int i = 0; i < 10; i++) {
        int row = b * 10 + i;
        assertThat(all.outDegree(row)).isEqualTo(block.outDegree(i));
        for (int k = 0; k < block.outDegree(i); k++) {
          // same synapse, shifted into trial b: no trial reaches another
          assertThat(all.indices()[all.indptr()[row] + k])
              .isEqualTo(b * 7 + block.indices()[block.indptr()[i] + k]);
        }
      }
    }
    assertThat(Trials.repeat(block, 1).indices()).isEqualTo(block.indices());
  }

  @Test
  void repeatsValuesPerTrialInCsrOrder() {
    assertThat(Trials.repeat(new double[] {1, 2}, 3)).isEqualTo(new double[] {1, 2, 1, 2, 1, 2});
  }

  @Test
  void refusesSizesThatAreNotMultiplesOfTheTrials() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Trials(new All2All(), 3).build(10, 9));
    assertThat(e).hasMessageThat().contains("pre 10, post 9 are not multiples of 3 trials");
    assertThrows(IllegalArgumentException.class, () -> new Trials(new All2All(), 0));
  }
}
