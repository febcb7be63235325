package io.brainstem.processor.emit;

import static com.google.common.truth.Truth.assertThat;

import com.palantir.javapoet.CodeBlock;
import io.brainstem.processor.emit.VectorPlanRenderer.Stmt;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Cutting a vector kernel's statements into loops C2 compiles whole. */
class LoopSplitTest {

  private static Stmt let(String name, int cost, String... readsLocals) {
    Set<Ref> reads = new java.util.LinkedHashSet<>();
    for (String r : readsLocals) {
      reads.add(new Ref(r, RefKind.LOCAL));
    }
    reads.add(new Ref("v", RefKind.STATE));
    return new Stmt(CodeBlock.of("$L;\n", name), name, reads, cost);
  }

  private static Stmt store(String state, int cost, String... readsLocals) {
    Set<Ref> reads = new java.util.LinkedHashSet<>();
    for (String r : readsLocals) {
      reads.add(new Ref(r, RefKind.LOCAL));
    }
    return new Stmt(CodeBlock.of("$L = x;\n", state), null, reads, cost);
  }

  private static List<List<String>> names(LoopSplit split) {
    return split.parts().stream()
        .map(p -> p.stream().map(st -> st.defines() == null ? "store" : st.defines()).toList())
        .toList();
  }

  @Test
  void aSmallKernelStaysOneLoopWithNothingCarried() {
    LoopSplit split = LoopSplit.of(
        List.of(let("rate", 10), let("factor", 5), store("v", 3, "rate", "factor")), 8);
    assertThat(names(split)).containsExactly(List.of("rate", "factor", "store"));
    assertThat(split.slots()).isEmpty();
  }

  @Test
  void loopsStayWithinTheBudgetAndCarryWhatLaterLoopsRead() {
    LoopSplit split = LoopSplit.of(List.of(
        let("rate", 25), let("z", 10), let("factor", 34, "z"), let("unused", 2),
        store("v", 4, "rate", "factor")), 8);
    assertThat(names(split)).containsExactly(
        List.of("rate", "z"), List.of("factor", "unused"), List.of("store")).inOrder();
    for (List<Stmt> part : split.parts().subList(0, 2)) {
      assertThat(part.stream().mapToInt(Stmt::cost).sum()).isAtMost(LoopSplit.BUDGET);
    }
    // z is read by factor (next loop), rate and factor by the store (last loop); unused by none.
    assertThat(split.slots()).containsExactly("rate", 0, "z", 1, "factor", 2);
    assertThat(split.carriedOut(0)).containsExactly("rate", 0, "z", 1);
    assertThat(split.carriedIn(1)).containsExactly("z", 1);
    assertThat(split.carriedOut(1)).containsExactly("factor", 2);
    assertThat(split.carriedIn(2)).isEqualTo(Map.of("rate", 0, "factor", 2));
  }

  @Test
  void aStatementOverTheBudgetGetsALoopOfItsOwn() {
    LoopSplit split = LoopSplit.of(
        List.of(let("a", 5), let("huge", 90, "a"), let("b", 5), store("v", 2, "huge", "b")), 8);
    assertThat(names(split)).containsExactly(
        List.of("a"), List.of("huge"), List.of("b", "store")).inOrder();
  }

  @Test
  void anExprelFactorGetsALoopOfItsOwnWithItsArgumentCarriedIn() {
    Stmt exprel = new Stmt(CodeBlock.of("f;\n"), "f", Set.of(new Ref("z", RefKind.LOCAL)), 32, "z");
    LoopSplit split = LoopSplit.of(
        List.of(let("rate", 5), let("z", 3), exprel, store("v", 3, "rate", "f")), 8);
    assertThat(names(split)).containsExactly(
        List.of("rate", "z"), List.of("f"), List.of("store")).inOrder();
    assertThat(split.exprel(1)).isSameInstanceAs(exprel);
    assertThat(split.exprel(0)).isNull();
    assertThat(split.carriedIn(1)).containsExactly("z", 1);
    assertThat(split.carriedOut(1)).containsExactly("f", 2);
  }

  @Test
  void stateUpdatesAllGoToTheLastLoopEvenWhenInterleaved() {
    LoopSplit split = LoopSplit.of(List.of(
        let("k1", 30), store("v", 3, "k1"), let("k2", 30), store("w", 3, "k2")), 8);
    assertThat(names(split)).containsExactly(
        List.of("k1"), List.of("k2"), List.of("store", "store")).inOrder();
    assertThat(split.slots().keySet()).containsExactly("k1", "k2");
  }
}
