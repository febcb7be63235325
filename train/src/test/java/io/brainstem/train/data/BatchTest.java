package io.brainstem.train.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BatchTest {
  @Test
  void layoutIsRowMajorBTN() {
    double[][][] x = {{{1, 2, 3}, {4, 5, 6}}, {{7, 8, 9}, {10, 11, 12}}};
    Batch b = Batch.of(x, new int[] {0, 1});
    assertThat(b.size()).isEqualTo(2);
    assertThat(b.steps()).isEqualTo(2);
    assertThat(b.neurons()).isEqualTo(3);
    assertThat(b.offset(1, 1)).isEqualTo(9);
    assertThat(b.input(1, 0, 2)).isEqualTo(9.0);
    assertThat(b.inputs()).usingExactEquality()
        .containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0).inOrder();
  }

  @Test
  void mismatchesNameTheDimension() {
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Batch.of(new double[][][] {{{1}, {2}}, {{3}}}, new int[] {0, 0}))).hasMessageThat()
        .contains("trial 1 has T = 1 time steps but trial 0 has T = 2");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Batch.of(new double[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7}}}, new int[] {0, 0})))
        .hasMessageThat().contains("trial 1, step 1 has N = 1 inputs but trial 0, step 0 has N = 2");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> new Batch(new double[12], 2, 3, 2, new int[] {0, 1, 2}))).hasMessageThat()
        .contains("labels has 3 entries but the batch has B = 2 trials");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> new Batch(new double[11], 2, 3, 2, new int[] {0, 1}))).hasMessageThat()
        .contains("(B, T, N) = (2, 3, 2) needs 12");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> new Batch(new double[0], 2, 0, 2, new int[] {0, 1}))).hasMessageThat()
        .contains("T = 0");
    Batch b = new Batch(new double[12], 2, 3, 2, new int[] {0, 1});
    assertThat(b.requireShape(3, 2, "the input group In")).isSameInstanceAs(b);
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> b.requireShape(3, 5, "the input group In"))).hasMessageThat()
        .contains("N = 2 inputs per step but the input group In has 5");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> b.requireShape(4, 2, "the trainer"))).hasMessageThat()
        .contains("T = 3 time steps but the trainer runs 4");
  }
}
