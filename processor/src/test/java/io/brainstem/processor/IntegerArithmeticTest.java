package io.brainstem.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import io.brainstem.processor.ir.Expr;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Integer arithmetic in a model is what Java computes (the jit(false) path runs the user's method),
 * not what double arithmetic would give: constants fold to Java's exact value, and what could
 * differ is an error (see the BS307 corpus files).
 */
class IntegerArithmeticTest {

  @Test
  void integerConstantsFoldToTheValueJavaComputes() {
    // Each right-hand side is computed by javac and the JVM, as the debug path would.
    Map<String, Double> cases = new LinkedHashMap<>();
    cases.put("Math.abs(-2147483647)", (double) Math.abs(-2147483647));
    cases.put("Math.abs(-9223372036854775807L)", (double) Math.abs(-9223372036854775807L));
    cases.put("-(0)", (double) -(0)); // +0.0, where double negation gives -0.0
    cases.put("0 * -1", (double) (0 * -1)); // +0.0 again
    cases.put("Math.min(-3, 2) * 7", (double) (Math.min(-3, 2) * 7));
    cases.put("Math.max(-3, 2) - 5", (double) (Math.max(-3, 2) - 5));
    cases.put("46340 * 46340", (double) (46340 * 46340));
    // Exact in long, but not in double: 2^53 + 1 - 2^53 is 1 in long and 0 in double.
    cases.put("9007199254740993L - 9007199254740992L",
        (double) (9007199254740993L - 9007199254740992L));
    cases.put("-(-2147483647 - 1L)", (double) -(-2147483647 - 1L));
    for (Map.Entry<String, Double> c : cases.entrySet()) {
      Models.Captured result = Models.compile(Models.neuronOde(c.getKey()));
      assertThat(result.compilation()).succeeded(); // unused-parameter warnings only
      Expr rhs = result.models().get(0).odes().get(0).rhs();
      assertWithMessage("the IR of %s", c.getKey()).that(rhs).isInstanceOf(Expr.Num.class);
      // Bit for bit, so that +0.0 and -0.0 differ.
      assertWithMessage("the value of %s", c.getKey())
          .that(Double.doubleToRawLongBits(((Expr.Num) rhs).value()))
          .isEqualTo(Double.doubleToRawLongBits(c.getValue()));
    }
  }

  @Test
  void minAndMaxOfAChoiceOfIntegersStayExact() {
    // min/max pick one of the exact values, in int as in double: nothing to reject.
    Models.Captured result = Models.compile(Models.neuronOde("Math.max(V > 0 ? 1 : -2, 0) - V"));
    assertThat(result.compilation()).succeeded();
    assertThat(result.models()).hasSize(1);
  }

  @Test
  void overflowingIntegerOperationsAreErrors() {
    for (String overflow : new String[] {
        "Math.abs(-2147483648)", "Math.abs(-9223372036854775807L - 1)", "-(-2147483647 - 1)",
        "2147483647 + 1", "Math.abs(V > 0 ? -2147483648 : 0)", "(V > 0 ? 1 : 2) * 3"}) {
      Models.Captured result = Models.compile(Models.neuronOde(overflow + " - V"));
      assertWithMessage("%s", overflow).that(result.models()).isEmpty();
      assertThat(result.compilation()).hadErrorContaining("[BS307 NARROW_ARITHMETIC]");
      assertThat(result.compilation()).hadErrorCount(1);
    }
  }
}
