package io.brainstem.processor.check;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  @Test
  void distance() {
    assertThat(Suggestions.distance("V_rst", "V_rest")).isEqualTo(1);
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.distance("tau", "tau")).isEqualTo(0);
    assertThat(Suggestions.distance("tua", "tau")).isEqualTo(1);
    assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
  }

  @Test
  void suggestsOnlyCloseNames() {
    List<String> names = List.of("V_rest", "V_reset", "V_th", "tau");
    assertThat(Suggestions.closest("V_rst", names)).hasValue("V_rest");
    assertThat(Suggestions.closest("tua", names)).hasValue("tau");
    assertThat(Suggestions.closest("TAU", names)).hasValue("tau");
    assertThat(Suggestions.closest("x", names)).isEmpty();
    assertThat(Suggestions.closest("t", List.of("V", "T"))).hasValue("T");
    assertThat(Suggestions.closest("t", List.of("V", "m"))).isEmpty();
    assertThat(Suggestions.closest("tau", names)).isEmpty();
    assertThat(Suggestions.didYouMean("v_th", names)).isEqualTo(" (did you mean 'V_th'?)");
    assertThat(Suggestions.didYouMean("gamma", names)).isEmpty();
  }

  @Test
  void secondsToMillisecondsWithoutBinaryNoise() {
    assertThat(ModelWarnings.inMs(0.003)).isEqualTo("3");
    assertThat(ModelWarnings.inMs(0.0125)).isEqualTo("12.5");
  }

  @Test
  void messageFormat() {
    assertThat(Diagnostics.format(ErrorCode.UNKNOWN_NAME, "rule", "Fix."))
        .isEqualTo("[BS104 UNKNOWN_NAME] rule. Fix.");
    assertThat(ErrorCode.INTERNAL.tag()).isEqualTo("BS001 INTERNAL");
  }
}
