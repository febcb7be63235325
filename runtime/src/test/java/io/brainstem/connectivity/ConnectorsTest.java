package io.brainstem.connectivity;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConnectorsTest {

  private static boolean has(Csr csr, int i, int j) {
    for (int s = csr.indptr()[i]; s < csr.indptr()[i + 1]; s++) {
      if (csr.indices()[s] == j) {
        return true;
      }
    }
    return false;
  }

  private static void assertSortedDistinctRows(Csr csr) {
    for (int i = 0; i < csr.preSize(); i++) {
      for (int s = csr.indptr()[i] + 1; s < csr.indptr()[i + 1]; s++) {
        assertThat(csr.indices()[s]).isGreaterThan(csr.indices()[s - 1]);
      }
    }
  }

  @Test
  void all2AllWithAndWithoutSelf() {
    Csr all = new All2All().build(3, 4);
    assertThat(all.indices()).hasLength(12);
    Csr noSelf = new All2All().includeSelf(false).build(3, 3);
    assertThat(noSelf.indices()).asList().containsExactly(1, 2, 0, 2, 0, 1).inOrder();
  }

  @Test
  void one2OneNeedsEqualSizes() {
    assertThat(new One2One().build(4, 4).indices()).asList().containsExactly(0, 1, 2, 3).inOrder();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new One2One().build(3, 4));
    assertThat(e).hasMessageThat().contains("same size; got pre 3, post 4");
  }

  @Test
  void fixedPostNumGivesEveryPreExactlyKTargets() {
    Csr csr = new FixedPostNum(7, 1).includeSelf(false).build(50, 20);
    for (int i = 0; i < 50; i++) {
      assertThat(csr.outDegree(i)).isEqualTo(7);
      if (i < 20) {
        assertThat(has(csr, i, i)).isFalse();
      }
    }
    assertSortedDistinctRows(csr);
    assertThat(new FixedPostNum(7, 1).includeSelf(false).build(50, 20).indices())
        .isEqualTo(csr.indices());
    assertThat(new FixedPostNum(7, 2).build(50, 20).indices()).isNotEqualTo(csr.indices());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new FixedPostNum(21, 1).build(5, 20));
    assertThat(e).hasMessageThat().contains("use k <= 20");
  }

  @Test
  void fixedPreNumGivesEveryPostExactlyKPartners() {
    Csr csr = new FixedPreNum(5, 3).includeSelf(false).build(30, 40);
    int[] inDegree = new int[40];
    for (int s = 0; s < csr.indices().length; s++) {
      inDegree[csr.indices()[s]]++;
    }
    for (int j = 0; j < 40; j++) {
      assertThat(inDegree[j]).isEqualTo(5);
      if (j < 30) {
        assertThat(has(csr, j, j)).isFalse();
      }
    }
    assertSortedDistinctRows(csr);
    assertThat(new FixedPreNum(5, 3).includeSelf(false).build(30, 40).indices())
        .isEqualTo(csr.indices());
  }

  @Test
  void gaussianProbMatchesItsProfileAndWrapsWhenPeriodic() {
    GaussianProb conn = new GaussianProb(30, 30, 2.0, 5);
    Csr csr = conn.build(900, 900);
    assertSortedDistinctRows(csr);
    // Among pairs at distance 1 (p = exp(-1/8) = 0.8825) the connected fraction is binomial.
    int pairs = 0;
    int connected = 0;
    for (int i = 0; i < 900; i++) {
      int right = i % 30 < 29 ? i + 1 : -1;
      if (right >= 0) {
        pairs++;
        connected += has(csr, i, right) ? 1 : 0;
      }
    }
    double p = Math.exp(-1 / 8.0);
    double sd = Math.sqrt(pairs * p * (1 - p));
    assertThat((double) connected).isWithin(4 * sd).of(pairs * p);
    assertThat(has(csr, 0, 0)).isTrue(); // d = 0: p = 1
    assertThat(conn.probability(0, 29)).isLessThan(1e-20);
    assertThat(conn.periodic(true).probability(0, 29)).isWithin(1e-12).of(p);
    assertThat(has(conn.includeSelf(false).build(900, 900), 5, 5)).isFalse();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> conn.build(800, 900));
    assertThat(e).hasMessageThat().contains("30 x 30 = 900 neurons, got pre 800");
  }

  @Test
  void userMatricesAgreeAndAreValidated() {
    Csr fromCsr = Matrices.csr(new int[] {0, 2, 2, 3}, new int[] {3, 1, 0}).build(3, 4);
    Csr fromCoo = Matrices.coo(new int[] {2, 0, 0}, new int[] {0, 1, 3}).build(3, 4);
    Csr fromDense = Matrices.dense(new boolean[][] {
        {false, true, false, true}, {false, false, false, false}, {true, false, false, false}})
        .build(3, 4);
    for (Csr csr : new Csr[] {fromCsr, fromCoo, fromDense}) {
      assertThat(csr.indptr()).asList().containsExactly(0, 2, 2, 3).inOrder();
      assertThat(csr.indices()).asList().containsExactly(1, 3, 0).inOrder();
    }
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Matrices.coo(new int[] {0, 0}, new int[] {1, 1}).build(2, 2)))
        .hasMessageThat().contains("the pair 0 -> 1 is given twice");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Matrices.coo(new int[] {0}, new int[] {5}).build(2, 2)))
        .hasMessageThat().contains("pair 0 (0 -> 5) is outside the groups");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Matrices.csr(new int[] {0, 1}, new int[] {0}).build(2, 2)))
        .hasMessageThat().contains("needs preSize + 1 = 3");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Matrices.dense(new boolean[][] {{true}}).build(1, 2)))
        .hasMessageThat().contains("row 0 has 1 columns, but the postsynaptic group has 2");
  }
}
