package io.brainstem.visualize;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TicksTest {
  @Test
  void roundStepsOfOneTwoOrFive() {
    Ticks t = Ticks.of(0, 100, 6, false);
    assertThat(t.values()).usingExactEquality().containsExactly(0., 20., 40., 60., 80., 100.).inOrder();
    assertThat(t.labels()).asList().containsExactly("0", "20", "40", "60", "80", "100").inOrder();
    assertThat(Ticks.of(0, 100, 11, false).step()).isEqualTo(10.0);
    assertThat(Ticks.of(0, 100, 5, false).step()).isEqualTo(50.0); // 25 is not round enough
    assertThat(Ticks.of(0, 99.9, 6, false).values()).usingExactEquality()
        .containsExactly(0., 20., 40., 60., 80.).inOrder();
  }

  @Test
  void everyStepIsOneTwoOrFiveTimesAPowerOfTen() {
    double[][] ranges = {{0, 99.9}, {0, 199.9}, {-77.3, -49.1}, {0.013, 0.0171}, {3, 3217}, {-0.5, 4.5}};
    for (double[] r : ranges) {
      for (int max = 2; max <= 15; max++) {
        Ticks t = Ticks.of(r[0], r[1], max, false);
        double mantissa = t.step() / Math.pow(10, Math.floor(Math.log10(t.step()) + 1e-12));
        assertThat(Math.round(mantissa * 1e9) / 1e9).isAnyOf(1.0, 2.0, 5.0);
        assertThat(t.values().length).isAtMost(max);
        for (double v : t.values()) {
          assertThat(v).isAtLeast(r[0] - 1e-12);
          assertThat(v).isAtMost(r[1] + 1e-12);
          double k = v / t.step();
          assertThat(Math.abs(k - Math.rint(k))).isLessThan(1e-9);
        }
      }
    }
  }

  @Test
  void decimalsFollowTheStepAndMinusIsATrueMinus() {
    Ticks t = Ticks.of(-0.3, 0.3, 7, false);
    assertThat(t.step()).isEqualTo(0.1);
    assertThat(t.labels()).asList()
        .containsExactly("\u22120.3", "\u22120.2", "\u22120.1", "0.0", "0.1", "0.2", "0.3").inOrder();
    assertThat(Ticks.of(-75, -50, 6, false).labels()).asList()
        .containsExactly("\u221275", "\u221270", "\u221265", "\u221260", "\u221255", "\u221250").inOrder();
    assertThat(Ticks.of(0, 4000, 5, false).labels()).asList().contains("4000"); // no thousands separator
  }

  @Test
  void integerAxesNeverGetFractionalTicks() {
    Ticks five = Ticks.of(-0.5, 4.5, 12, true);
    assertThat(five.values()).usingExactEquality().containsExactly(0., 1., 2., 3., 4.).inOrder();
    assertThat(five.labels()).asList().containsExactly("0", "1", "2", "3", "4").inOrder();
    assertThat(Ticks.of(-0.5, 1.5, 12, true).values()).usingExactEquality().containsExactly(0., 1.).inOrder();
    assertThat(Ticks.of(-0.5, 3199.5, 8, true).step()).isEqualTo(500.0);
  }

  @Test
  void rangesSnapToARoundEndWhenItIsClose() {
    assertThat(new Range(0, 99.9).snapped(20)).isEqualTo(new Range(0, 100));
    assertThat(new Range(0.05, 99.9).snapped(20)).isEqualTo(new Range(0, 100));
    assertThat(new Range(0, 130).snapped(50)).isEqualTo(new Range(0, 130)); // 150 is 15% away
    assertThat(new Range(2, 2.5).union(new Range(1, 2))).isEqualTo(new Range(1, 2.5));
    assertThat(Range.around(3, 3)).isEqualTo(new Range(2, 4));
    assertThrows(IllegalArgumentException.class, () -> new Range(1, 1));
    assertThrows(IllegalArgumentException.class, () -> Ticks.of(0, Double.POSITIVE_INFINITY, 5, false));
  }
}
