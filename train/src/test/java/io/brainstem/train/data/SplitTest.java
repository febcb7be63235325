package io.brainstem.train.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitTest {
  @Test
  void stratifiedSplitKeepsClassProportionsAndIsDisjoint() {
    // 3 classes of 10, 20 and 30 samples, the value of a sample is its index
    int[] labels = new int[60];
    double[] x = new double[60];
    for (int s = 0; s < 60; s++) {
      labels[s] = s < 10 ? 0 : s < 30 ? 1 : 2;
      x[s] = s;
    }
    Dataset d = Dataset.of(x, labels, 1, 1);
    Split split = Split.stratified(d, 0.2, 5);
    int[] perClass = new int[3];
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < split.test().size(); i++) {
      perClass[split.test().label(i)]++;
      assertThat(seen.add((int) split.test().batch(i).input(0, 0, 0))).isTrue();
    }
    assertThat(perClass).asList().containsExactly(2, 4, 6).inOrder();
    for (int i = 0; i < split.train().size(); i++) {
      assertThat(seen.add((int) split.train().batch(i).input(0, 0, 0))).isTrue();
    }
    assertThat(seen).hasSize(60);
    // seeded
    Split again = Split.stratified(d, 0.2, 5);
    assertThat(again.test().batch(0, 1, 2).inputs()).isEqualTo(split.test().batch(0, 1, 2).inputs());
  }

  @Test
  void badFractionsAreNamed() {
    Dataset d = Dataset.of(new double[3], new int[] {0, 1, 0}, 1, 1);
    assertThat(assertThrows(IllegalArgumentException.class, () -> Split.stratified(d, 1, 0)))
        .hasMessageThat().contains("(0, 1)");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Split.stratified(d, 0.1, 0)))
        .hasMessageThat().contains("leaves the test set empty");
  }
}
