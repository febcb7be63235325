package io.brainstem.train.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinibatchTest {
  /** S = 10 samples of one step and one input whose value is the sample's index. */
  private static Dataset indexed() {
    double[] x = new double[10];
    int[] labels = new int[10];
    for (int s = 0; s < 10; s++) {
      x[s] = s;
      labels[s] = s % 3;
    }
    return Dataset.of(x, labels, 1, 1);
  }

  private static List<Integer> visited(Minibatch m, int epoch) {
    List<Integer> seen = new ArrayList<>();
    for (Batch b : m.epoch(epoch)) {
      for (int i = 0; i < b.size(); i++) {
        int s = (int) b.input(i, 0, 0);
        assertThat(b.labels()[i]).isEqualTo(s % 3);
        seen.add(s);
      }
    }
    return seen;
  }

  @Test
  void everyEpochVisitsEverySampleOnceInASeededOrder() {
    Minibatch m = Minibatch.of(indexed(), 4, 7);
    assertThat(m.batches()).isEqualTo(3);
    List<Integer> first = visited(m, 0);
    assertThat(first).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(first).isNotEqualTo(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)); // shuffled
    assertThat(first).isEqualTo(Arrays.stream(m.order(0)).boxed().toList());
    // the same seed and epoch give the same order, in any call order; another epoch another one
    assertThat(visited(Minibatch.of(indexed(), 4, 7), 0)).isEqualTo(first);
    assertThat(visited(m, 1)).isNotEqualTo(first);
    assertThat(visited(Minibatch.of(indexed(), 4, 8), 0)).isNotEqualTo(first);
    int[] sizes = new int[3];
    int i = 0;
    for (Batch b : m.epoch(0)) {
      sizes[i++] = b.size();
    }
    assertThat(sizes).asList().containsExactly(4, 4, 2).inOrder();
  }

  @Test
  void dropLastKeepsFullBatches() {
    Minibatch m = Minibatch.of(indexed(), 4, 7).dropLast();
    assertThat(m.batches()).isEqualTo(2);
    List<Integer> seen = visited(m, 3);
    assertThat(seen).hasSize(8);
    assertThat(seen).containsNoDuplicates();
  }

  @Test
  void inOrderKeepsTheDataSetOrder() {
    Minibatch m = Minibatch.inOrder(indexed(), 3);
    assertThat(m.batches()).isEqualTo(4);
    assertThat(visited(m, 0)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9).inOrder();
    assertThat(visited(m, 5)).isEqualTo(visited(m, 0));
  }

  @Test
  void badBatchSizesAreNamed() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> Minibatch.of(indexed(), 11, 0)))
        .hasMessageThat().contains("batch size B = 11 for a data set of 10 samples");
  }
}
