package io.brainstem.network;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.Csr;
import io.brainstem.connectivity.FixedProb;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each range of a cut row holds exactly that row's synapses onto the range, in CSR order. */
class RowCutsTest {

  /** The positions of row i's targets in [from, to), by scanning the whole row. */
  private static List<Integer> filtered(Csr csr, int i, int from, int to) {
    List<Integer> kept = new ArrayList<>();
    for (int k = csr.indptr()[i]; k < csr.indptr()[i + 1]; k++) {
      if (csr.indices()[k] >= from && csr.indices()[k] < to) {
        kept.add(k);
      }
    }
    return kept;
  }

  private static List<Integer> cut(RowCuts cuts, int p, int i) {
    List<Integer> kept = new ArrayList<>();
    int c = i * cuts.stride() + p; // a row's cuts side by side
    for (int k = cuts.table()[c]; k < cuts.table()[c + 1]; k++) {
      kept.add(k);
    }
    return kept;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 8})
  void everyRangeHoldsExactlyItsSynapses(int threads) {
    Csr csr = new FixedProb(0.1, 7).build(300, 1000);
    int[] bounds = ParallelStep.ranges(1000, threads);
    RowCuts cuts = RowCuts.of(csr.indptr(), csr.indices(), bounds);
    assertThat(cuts.ranges()).isEqualTo(threads);
    int total = 0;
    for (int p = 0; p < threads; p++) {
      assertThat(cuts.range(bounds[p], bounds[p + 1])).isEqualTo(p);
      for (int i = 0; i < csr.preSize(); i++) {
        List<Integer> mine = cut(cuts, p, i);
        assertThat(mine).isEqualTo(filtered(csr, i, bounds[p], bounds[p + 1]));
        total += mine.size();
      }
    }
    assertThat(total).isEqualTo(csr.indices().length); // the ranges share out every synapse
  }

  @Test
  void emptyRangesAndEmptyRowsHaveNoSynapses() {
    // row 0: targets 0, 3, 9; row 1: none; row 2: 9
    Csr csr = new Csr(3, 10, new int[] {0, 3, 3, 4}, new int[] {0, 3, 9, 9});
    int[] bounds = {0, 0, 4, 4, 10};
    RowCuts cuts = RowCuts.of(csr.indptr(), csr.indices(), bounds);
    for (int p = 0; p < 4; p++) {
      for (int i = 0; i < 3; i++) {
        assertThat(cut(cuts, p, i)).isEqualTo(filtered(csr, i, bounds[p], bounds[p + 1]));
      }
    }
    assertThat(cut(cuts, 1, 0)).containsExactly(0, 1).inOrder();
    assertThat(cut(cuts, 3, 0)).containsExactly(2);
    assertThat(cut(cuts, 3, 2)).containsExactly(3);
  }

  @Test
  void aRangeThatIsNotCutIsNotFound() {
    Csr csr = new FixedProb(0.2, 3).build(20, 200);
    RowCuts cuts = RowCuts.of(csr.indptr(), csr.indices(), new int[] {0, 64, 200});
    assertThat(cuts.range(0, 200)).isEqualTo(-1);
    assertThat(cuts.range(0, 63)).isEqualTo(-1);
    assertThat(cuts.range(64, 200)).isEqualTo(1);
  }

  @Test
  void unsortedRowsAreNotCut() {
    Csr csr = new Csr(2, 5, new int[] {0, 2, 4}, new int[] {0, 4, 3, 1});
    assertThat(RowCuts.of(csr.indptr(), csr.indices(), new int[] {0, 2, 5})).isNull();
  }

  @Test
  void decreasingBoundsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RowCuts.of(new int[] {0}, new int[0], new int[] {0, 5, 3}));
    assertThat(e).hasMessageThat().contains("bounds must not decrease");
  }
}
