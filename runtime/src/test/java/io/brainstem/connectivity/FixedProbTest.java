package io.brainstem.connectivity;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.Range;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FixedProbTest {

  @Test
  void everyRowHasExactlyKDistinctSortedTargetsInRange() {
    Csr csr = new FixedProb(0.1, 7).build(300, 500);
    assertThat(csr.indices().length).isEqualTo(300 * 50);
    for (int i = 0; i < 300; i++) {
      assertThat(csr.outDegree(i)).isEqualTo(50);
      for (int s = csr.indptr()[i]; s < csr.indptr()[i + 1]; s++) {
        assertThat(csr.indices()[s]).isAtLeast(0);
        assertThat(csr.indices()[s]).isLessThan(500);
        if (s > csr.indptr()[i]) {
          assertThat(csr.indices()[s]).isGreaterThan(csr.indices()[s - 1]); // sorted, so distinct
        }
      }
    }
  }

  @Test
  void degreeTruncatesLikeBrainPy() {
    FixedProb p = new FixedProb(0.02, 0);
    assertThat(p.degree(3200)).isEqualTo(64);
    assertThat(p.degree(800)).isEqualTo(16);
    assertThat(new FixedProb(0.3, 0).degree(10)).isEqualTo(3);
    assertThat(new FixedProb(0.29, 0).degree(10)).isEqualTo(2);
  }

  @Test
  void sameSeedGivesIdenticalMatrixAndOtherSeedsDiffer() {
    Csr a = new FixedProb(0.05, 42).build(400, 400);
    Csr b = new FixedProb(0.05, 42).build(400, 400);
    Csr c = new FixedProb(0.05, 43).build(400, 400);
    assertThat(a.indptr()).isEqualTo(b.indptr());
    assertThat(a.indices()).isEqualTo(b.indices());
    assertThat(Arrays.equals(a.indices(), c.indices())).isFalse();
  }

  @Test
  void rowsDoNotRepeatEachOther() {
    Csr csr = new FixedProb(0.1, 5).build(50, 100);
    int[] row0 = Arrays.copyOfRange(csr.indices(), 0, 10);
    int identical = 0;
    for (int i = 1; i < 50; i++) {
      if (Arrays.equals(row0, Arrays.copyOfRange(csr.indices(), csr.indptr()[i], csr.indptr()[i + 1]))) {
        identical++;
      }
    }
    assertThat(identical).isEqualTo(0);
  }

  @Test
  void includeSelfFalseRemovesOnlyTheSelfId() {
    FixedProb with = new FixedProb(0.3, 11);
    FixedProb without = with.includeSelf(false);
    assertThat(with.includesSelf()).isTrue();
    assertThat(without.includesSelf()).isFalse();
    Csr a = with.build(200, 200);
    Csr b = without.build(200, 200);
    int rowsWithSelf = 0;
    for (int i = 0; i < 200; i++) {
      int[] full = Arrays.copyOfRange(a.indices(), a.indptr()[i], a.indptr()[i + 1]);
      int[] kept = Arrays.copyOfRange(b.indices(), b.indptr()[i], b.indptr()[i + 1]);
      int self = i;
      int[] expected = Arrays.stream(full).filter(j -> j != self).toArray();
      assertThat(kept).isEqualTo(expected);
      assertThat(kept.length).isAnyOf(60, 59);
      if (kept.length == 59) {
        rowsWithSelf++;
      }
    }
    // Each row contains its own id with probability k/n = 0.3: 60 of 200 expected.
    assertThat(rowsWithSelf).isIn(Range.closed(35, 85));
    assertThat(b.indices().length).isEqualTo(200 * 60 - rowsWithSelf);
  }

  @Test
  void realisedInDegreesAreRoughlyUniform() {
    Csr csr = new FixedProb(0.1, 3).build(4000, 100);
    int[] inDegree = new int[100];
    for (int j : csr.indices()) {
      inDegree[j]++;
    }
    // 40000 synapses over 100 targets: mean 400, binomial sd about 19.
    double mean = Arrays.stream(inDegree).average().orElseThrow();
    double variance = Arrays.stream(inDegree).mapToDouble(d -> (d - mean) * (d - mean)).sum() / 99;
    assertThat(mean).isEqualTo(400.0);
    assertThat(variance).isIn(Range.closed(180.0, 560.0));
    for (int d : inDegree) {
      assertThat(d).isIn(Range.closed(300, 500));
    }
  }

  @Test
  void extremeProbabilities() {
    Csr none = new FixedProb(0.0, 1).build(5, 8);
    assertThat(none.indices()).isEmpty();
    assertThat(none.indptr()).isEqualTo(new int[6]);
    Csr all = new FixedProb(1.0, 1).build(3, 4);
    assertThat(all.indices()).isEqualTo(new int[] {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3});
  }

  @Test
  void rejectsProbabilityOutsideUnitInterval() {
    for (double bad : new double[] {-0.1, 1.5, Double.NaN}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FixedProb(bad, 0));
      assertThat(e).hasMessageThat().contains("prob must be in [0, 1]");
    }
  }

  @Test
  void rejectsNonPositiveSizes() {
    assertThrows(IllegalArgumentException.class, () -> new FixedProb(0.1, 0).build(0, 10));
  }
}
