package io.brainstem.network;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The packed by-postsynaptic entries: widths, round trip against the unpacked pair, fallback. */
class PostEntriesTest {
  @Test
  void bitsForCountsTheBitsOfTheLargestValue() {
    assertThat(PostEntries.bitsFor(-1)).isEqualTo(0);
    assertThat(PostEntries.bitsFor(0)).isEqualTo(0);
    assertThat(PostEntries.bitsFor(1)).isEqualTo(1);
    assertThat(PostEntries.bitsFor(255)).isEqualTo(8);
    assertThat(PostEntries.bitsFor(256)).isEqualTo(9);
    assertThat(PostEntries.bitsFor(Integer.MAX_VALUE)).isEqualTo(31);
  }

  @Test
  void packedEntriesDecodeToTheUnpackedSynapseAndPresynapticNeuron() {
    Random random = new Random(11);
    int rows = 300;
    int posts = 70;
    int[] rowStart = new int[rows + 1];
    int[] targetsBuffer = new int[rows * posts];
    int nnz = 0;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < posts; j++) {
        if (random.nextDouble() < 0.3) {
          targetsBuffer[nnz++] = j;
        }
      }
      rowStart[i + 1] = nnz;
    }
    int[] targets = java.util.Arrays.copyOf(targetsBuffer, nnz);
    PostEntries layout = PostEntries.layout(rowStart);
    assertThat(layout.packed()).isTrue();
    int longest = 0;
    for (int i = 0; i < rows; i++) {
      longest = Math.max(longest, rowStart[i + 1] - rowStart[i]);
    }
    assertThat(layout.shift()).isEqualTo(PostEntries.bitsFor(longest - 1));
    int[] postStart = PostEntries.postStarts(targets, posts);
    int[] entries = layout.pack(rowStart, targets, postStart);
    int[] synapses = PostEntries.synapses(targets, postStart);
    assertThat(entries).hasLength(nnz);
    for (int j = 0; j < posts; j++) {
      int previousPre = -1;
      for (int c = postStart[j]; c < postStart[j + 1]; c++) {
        int pre = entries[c] >>> layout.shift();
        int k = rowStart[pre] + (entries[c] & layout.mask());
        assertThat(k).isEqualTo(synapses[c]);
        assertThat(targets[k]).isEqualTo(j);
        assertThat(k).isAtLeast(rowStart[pre]);
        assertThat(k).isLessThan(rowStart[pre + 1]);
        assertThat(pre).isGreaterThan(previousPre); // ascending presynaptic order
        previousPre = pre;
      }
    }
  }

  @Test
  void thirtyTwoBitsStillPackWithTheTopBitSet() {
    // 2^16 presynaptic neurons (16 bits) and a row of 2^16 synapses (16 bits): 32 bits in all.
    int rows = 1 << 16;
    int[] rowStart = new int[rows + 1];
    for (int i = 0; i < rows; i++) {
      rowStart[i + 1] = rowStart[i] + (i == rows - 1 ? 1 << 16 : 0);
    }
    int[] targets = new int[1 << 16];
    for (int k = 0; k < targets.length; k++) {
      targets[k] = k % 3;
    }
    PostEntries layout = PostEntries.layout(rowStart);
    assertThat(layout.packed()).isTrue();
    assertThat(layout.shift()).isEqualTo(16);
    int[] postStart = PostEntries.postStarts(targets, 3);
    int[] entries = layout.pack(rowStart, targets, postStart);
    int[] synapses = PostEntries.synapses(targets, postStart);
    for (int c = 0; c < entries.length; c++) {
      assertThat(entries[c]).isLessThan(0); // the last presynaptic neuron sets the sign bit
      int pre = entries[c] >>> layout.shift();
      assertThat(pre).isEqualTo(rows - 1);
      assertThat(rowStart[pre] + (entries[c] & layout.mask())).isEqualTo(synapses[c]);
    }
  }

  @Test
  void widthsOverThirtyTwoBitsFallBackToTheUnpackedIndex() {
    // 2^20 presynaptic neurons (20 bits) and one row of 2^12 + 1 synapses (13 bits): 33 bits.
    int rows = 1 << 20;
    int[] rowStart = new int[rows + 1];
    for (int i = 0; i < rows; i++) {
      rowStart[i + 1] = rowStart[i] + (i == 5 ? (1 << 12) + 1 : 0);
    }
    PostEntries layout = PostEntries.layout(rowStart);
    assertThat(layout.packed()).isFalse();
    assertThat(layout.shift()).isEqualTo(-1);
    int[] targets = new int[(1 << 12) + 1];
    int[] postStart = PostEntries.postStarts(targets, 1);
    assertThrows(IllegalStateException.class, () -> layout.pack(rowStart, targets, postStart));
    assertThat(PostEntries.synapses(targets, postStart)[4096]).isEqualTo(4096);
  }
}
