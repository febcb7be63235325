package io.brainstem.connectivity;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A postsynaptic slice of every connector equals the whole matrix restricted to its columns. */
class PostSliceTest {
  private static final int PRE = 230;
  private static final int POST = 197;

  private static List<Connector> connectors() {
    return List.of(
        new FixedProb(0.05, 11), new FixedProb(0.05, 11).includeSelf(false),
        new FixedPreNum(9, 12), new FixedPreNum(9, 12).includeSelf(false),
        new FixedPostNum(8, 13), new All2All(), new All2All().includeSelf(false));
  }

  @Test
  void everySliceEqualsTheWholeMatrixRestrictedToItsColumns() {
    int[][] partitions = {{0, POST}, {0, 98, POST}, {0, 1, 66, 150, POST}};
    for (Connector c : connectors()) {
      Csr whole = c.build(PRE, POST);
      for (int[] cuts : partitions) {
        List<Csr> slices = new ArrayList<>();
        for (int p = 0; p + 1 < cuts.length; p++) {
          Csr slice = c.buildPostSlice(PRE, POST, cuts[p], cuts[p + 1]);
          assertThat(slice.postSize()).isEqualTo(cuts[p + 1] - cuts[p]);
          assertEquals(c + " " + Arrays.toString(cuts), restrict(whole, cuts[p], cuts[p + 1]), slice);
          slices.add(slice);
        }
        assertEquals(c + " joined " + Arrays.toString(cuts), whole, join(slices, cuts));
      }
    }
  }

  @Test
  void oneToOneSlicesThroughTheDefault() {
    Csr slice = new One2One().buildPostSlice(5, 5, 2, 4);
    assertThat(slice.indptr()).asList().containsExactly(0, 0, 0, 1, 2, 2).inOrder();
    assertThat(slice.indices()).asList().containsExactly(0, 1).inOrder();
  }

  @Test
  void aSliceOutsideTheGroupIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new FixedProb(0.1, 1).buildPostSlice(10, 10, 5, 11));
    assertThat(e).hasMessageThat().contains("postsynaptic slice [5, 11) must be a non-empty part of [0, 10)");
    assertThrows(IllegalArgumentException.class, () -> new All2All().buildPostSlice(3, 3, 2, 2));
  }

  /** Columns [from, to) of {@code m}, computed independently of Csr.postSlice. */
  private static Csr restrict(Csr m, int from, int to) {
    List<Integer> idx = new ArrayList<>();
    int[] ptr = new int[m.preSize() + 1];
    for (int i = 0; i < m.preSize(); i++) {
      for (int s = m.indptr()[i]; s < m.indptr()[i + 1]; s++) {
        int j = m.indices()[s];
        if (j >= from && j < to) {
          idx.add(j - from);
        }
      }
      ptr[i + 1] = idx.size();
    }
    return new Csr(m.preSize(), to - from, ptr, idx.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The slices put back side by side: row i is the slices' rows i, shifted back, in order. */
  private static Csr join(List<Csr> slices, int[] cuts) {
    List<Integer> idx = new ArrayList<>();
    int[] ptr = new int[PRE + 1];
    for (int i = 0; i < PRE; i++) {
      for (int p = 0; p < slices.size(); p++) {
        Csr s = slices.get(p);
        for (int k = s.indptr()[i]; k < s.indptr()[i + 1]; k++) {
          idx.add(s.indices()[k] + cuts[p]);
        }
      }
      ptr[i + 1] = idx.size();
    }
    return new Csr(PRE, POST, ptr, idx.stream().mapToInt(Integer::intValue).toArray());
  }

  private static void assertEquals(String what, Csr expected, Csr actual) {
    assertWithMessage(what + " indptr").that(actual.indptr()).isEqualTo(expected.indptr());
    assertWithMessage(what + " indices").that(actual.indices()).isEqualTo(expected.indices());
  }
}
