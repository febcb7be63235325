package io.brainstem.processor.emit;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a vector backward loop's body back as statements and cutting it into parts. */
class BackwardSplitTest {
  /** {@code count} statements of {@code ops} vector operations each, chained on the previous. */
  private static String chain(String prefix, int count, int ops) {
    StringBuilder body = new StringBuilder();
    for (int k = 0; k < count; k++) {
      String read = k == 0 ? "x" : prefix + (k - 1);
      body.append("final jdk.incubator.vector.DoubleVector ").append(prefix).append(k)
          .append(" = ").append(read).append(".add(1.0)".repeat(ops)).append(";\n");
    }
    return body.toString();
  }

  @Test
  void statementsKeepBlocksWholeAndJoinADeclarationToItsAssignment() {
    String body = "final jdk.incubator.vector.DoubleVector x = "
        + "jdk.incubator.vector.DoubleVector.fromArray(S, xs, i);\n"
        + "final jdk.incubator.vector.DoubleVector d;\n"
        + "// the branch\n"
        + "if (kind == 1) {\n  d = x.mul(2.0);\n} else {\n  d = x;\n}\n"
        + "d.intoArray(out, i);\n";
    List<String> statements = BackwardSplit.statements(body);
    assertThat(statements).hasSize(3);
    assertThat(statements.get(1)).startsWith("final jdk.incubator.vector.DoubleVector d;\n");
    assertThat(statements.get(1)).endsWith("}\n");
    assertThat(BackwardSplit.cost(statements.get(1))).isEqualTo(1);
  }

  @Test
  void unsplitIsOneLoop() {
    String body = "final jdk.incubator.vector.DoubleVector x = "
        + "jdk.incubator.vector.DoubleVector.fromArray(S, xs, i);\n" + chain("y", 10, 10);
    assertThat(BackwardSplit.of(BackwardSplit.statements(body), false).parts()).hasSize(1);
  }

  @Test
  void aLargeBodyCarriesWhatLaterPartsReadAndRepeatsItsLoads() {
    String body = "final jdk.incubator.vector.DoubleVector x = "
        + "jdk.incubator.vector.DoubleVector.fromArray(S, xs, i);\n"
        + "jdk.incubator.vector.DoubleVector acc = jdk.incubator.vector.DoubleVector.zero(S);\n"
        + chain("y", 30, 10)
        + "acc = acc.add(y29);\n"
        + "acc = acc.add(y0).add(x);\n"
        + "acc.intoArray(out, i);\n";
    List<String> statements = BackwardSplit.statements(body);
    BackwardSplit split = BackwardSplit.of(statements, true);
    Map<String, String> types = BackwardSplit.types(statements);
    int parts = split.parts().size();
    assertThat(parts).isGreaterThan(4);
    // x is a load: repeated where read, never carried; acc is assigned after its declaration
    assertThat(split.rematerialized()).containsKey("x");
    assertThat(split.rematerialized()).doesNotContainKey("acc");
    assertThat(split.slots()).doesNotContainKey("x");
    assertThat(split.slots()).containsKey("acc");
    assertThat(split.slots()).containsKey("y0");
    assertThat(split.readIn(parts - 1, types)).containsAtLeast("acc", "y0", "x");
    assertThat(split.writtenOut(0, types)).containsAtLeast("acc", "y0");
    assertThat(split.writtenOut(parts - 1, types)).isEmpty();
    // each part within the budget but for a single large statement
    for (List<String> part : split.parts()) {
      assertThat(part.stream().mapToInt(BackwardSplit::cost).sum())
          .isAtMost(BackwardSplit.BUDGET);
    }
  }

  @Test
  void anAccumulatorDeclaredZeroIsDeclaredWhereFirstUsedNotCarried() {
    String body = "final jdk.incubator.vector.DoubleVector x = "
        + "jdk.incubator.vector.DoubleVector.fromArray(S, xs, i);\n"
        + "// the sweep\n"
        + "jdk.incubator.vector.DoubleVector acc = jdk.incubator.vector.DoubleVector.zero(S);\n"
        + chain("y", 30, 10)
        + "acc = y29.mul(2.0);\n"
        + "acc.intoArray(out, i);\n";
    List<String> statements = BackwardSplit.sinkZeros(BackwardSplit.statements(body));
    assertThat(statements.get(1)).startsWith("// the sweep\nfinal jdk.incubator.vector"
        + ".DoubleVector y0");
    assertThat(statements.get(statements.size() - 3)).startsWith(
        "jdk.incubator.vector.DoubleVector acc = ");
    BackwardSplit split = BackwardSplit.of(statements, true);
    assertThat(split.slots()).doesNotContainKey("acc");
    // without the move, the zeros are carried from the first part to the last
    BackwardSplit unmoved = BackwardSplit.of(BackwardSplit.statements(body), true);
    assertThat(unmoved.slots()).containsKey("acc");
  }

  @Test
  void typedTurnsClassNamesBackIntoTypesButNotConstants() {
    String st = "final jdk.incubator.vector.VectorMask<java.lang.Double> s = "
        + "v.compare(jdk.incubator.vector.VectorOperators.GE, 1.0) && "
        + "k == io.brainstem.grad.Surrogate.Kind.FAST_SIGMOID;\n";
    assertThat(BackwardSplit.typed(st).toString()).isEqualTo(st);
    assertThat(BackwardSplit.typed(st).toString().contains("FAST_SIGMOID")).isTrue();
  }
}
