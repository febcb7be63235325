package io.brainstem.network;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.All2All;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parameters refuse values that would reach the state as NaN, naming owner.param and the value. */
class ParameterValidationTest {

  @Test
  void nanAndInfinitiesAreRefusedForEveryParameterNamingIt() {
    LifGroup e = new LifGroup("E", 4);
    for (String name : e.params().names()) {
      int index = e.params().indexOf(name);
      double before = e.params().scalar(index);
      for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
        IllegalArgumentException x =
            assertThrows(IllegalArgumentException.class, () -> e.params().set(index, bad));
        assertThat(x).hasMessageThat().contains("E." + name + " must be a finite number, got " + bad);
      }
      assertThat(e.params().scalar(index)).isEqualTo(before); // unchanged by the refused value
    }
  }

  @Test
  void generatedSettersGoThroughTheCheck() {
    LifGroup e = new LifGroup("E", 4);
    IllegalArgumentException tau = assertThrows(IllegalArgumentException.class, () -> e.tau(Double.NaN));
    assertThat(tau).hasMessageThat().contains("E.tau must be a finite number, got NaN");
    e.tau(0); // a legal number: the dynamics decide what it means (see NanGuardTest)
    ExpCobaProjection p = new ExpCobaProjection(e, e, new All2All());
    IllegalArgumentException g =
        assertThrows(IllegalArgumentException.class, () -> p.g_max(Double.NEGATIVE_INFINITY));
    assertThat(g).hasMessageThat().contains("E2E.g_max must be a finite number, got -Infinity");
  }

  @Test
  void perElementValuesNameTheFirstBadElementAndLeaveTheTableUnchanged() {
    LifGroup e = new LifGroup("E", 4);
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
        () -> e.V_th(new double[] {1, 2, Double.NaN, Double.NaN}));
    assertThat(x).hasMessageThat().contains("E.V_th[2] must be a finite number, got NaN");
    assertThat(e.params().heterogeneous()).isFalse();
    e.V_th(new double[] {1, 2, 3, 4});
    assertThat(e.params().column(e.params().indexOf("V_th"))).isEqualTo(new double[] {1, 2, 3, 4});
  }

  @Test
  void refractoryPeriodMustNotBeNegative() {
    LifGroup e = new LifGroup("E", 3);
    IllegalArgumentException scalar = assertThrows(IllegalArgumentException.class, () -> e.tau_ref(-1));
    assertThat(scalar).hasMessageThat()
        .isEqualTo("E.tau_ref is the @Refractory period and must be >= 0, got -1.0");
    IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
        () -> e.tau_ref(new double[] {0, 2, -0.5}));
    assertThat(column).hasMessageThat().contains("E.tau_ref[2] is the @Refractory period");
    e.tau_ref(0).tau_ref(new double[] {0, 1, 2});
    // other parameters of the same model may be negative
    e.V_reset(-70);
  }

  @Test
  void requireNonNegativeChecksTheCurrentValueAtOnce() {
    Parameters p = new Parameters("X", 2, List.of("a", "period"), 1.0, -2.0);
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
        () -> p.requireNonNegative(1, "the period"));
    assertThat(x).hasMessageThat().contains("X.period is the period and must be >= 0, got -2.0");
  }

  @Test
  void nullArraysAndNamesSayWhatWasNull() {
    LifGroup e = new LifGroup("E", 3);
    NullPointerException array = assertThrows(NullPointerException.class, () -> e.tau((double[]) null));
    assertThat(array).hasMessageThat().contains("E.tau: the per-element array is null");
    NullPointerException name = assertThrows(NullPointerException.class, () -> e.params().indexOf(null));
    assertThat(name).hasMessageThat().contains("parameter name is null");
    double[] tooShort = new double[2];
    Arrays.fill(tooShort, 1);
    assertThrows(IllegalArgumentException.class, () -> e.tau(tooShort));
  }
}
