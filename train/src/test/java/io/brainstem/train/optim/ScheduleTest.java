package io.brainstem.train.optim;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScheduleTest {
  @Test
  void constant() {
    Schedule s = Schedule.constant(0.01);
    assertThat(s.rate(0)).isEqualTo(0.01);
    assertThat(s.rate(1_000_000)).isEqualTo(0.01);
  }

  @Test
  void stepDecayMultipliesAfterEachInterval() {
    Schedule s = Schedule.stepDecay(1, 0.5, 10);
    assertThat(s.rate(0)).isEqualTo(1.0);
    assertThat(s.rate(9)).isEqualTo(1.0);
    assertThat(s.rate(10)).isEqualTo(0.5);
    assertThat(s.rate(29)).isEqualTo(0.25);
    assertThat(s.rate(30)).isEqualTo(0.125);
  }

  @Test
  void exponentialDecaysEveryStep() {
    Schedule s = Schedule.exponential(2, 0.9);
    assertThat(s.rate(0)).isEqualTo(2.0);
    assertThat(s.rate(1)).isWithin(1e-15).of(1.8);
    assertThat(s.rate(3)).isWithin(1e-15).of(2 * 0.729);
  }

  @Test
  void cosineFallsFromRateToMinimumThenStays() {
    Schedule s = Schedule.cosine(1, 100, 0.1);
    assertThat(s.rate(0)).isEqualTo(1.0);
    assertThat(s.rate(50)).isWithin(1e-15).of(0.55); // halfway: the mean of 1 and 0.1
    assertThat(s.rate(25)).isWithin(1e-15).of(0.1 + 0.9 * (1 + Math.sqrt(0.5)) / 2);
    assertThat(s.rate(100)).isEqualTo(0.1);
    assertThat(s.rate(5000)).isEqualTo(0.1);
    for (int t = 1; t <= 100; t++) {
      assertThat(s.rate(t)).isLessThan(s.rate(t - 1));
    }
  }

  @Test
  void badArgumentsNameTheFix() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> Schedule.constant(0)))
        .hasMessageThat().contains("finite positive rate");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Schedule.constant(Double.NaN)))
        .hasMessageThat().contains("NaN");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Schedule.stepDecay(1, 1.5, 3)))
        .hasMessageThat().contains("(0, 1]");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Schedule.stepDecay(1, 0.5, 0)))
        .hasMessageThat().contains("at least 1");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Schedule.exponential(1, 0)))
        .hasMessageThat().contains("gamma");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Schedule.cosine(1, 10, 2)))
        .hasMessageThat().contains("minimum");
  }
}
