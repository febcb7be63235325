package io.brainstem.network;

/**
 * The by-postsynaptic (CSC) index of a projection packed into one int per synapse: each entry
 * holds the synapse's presynaptic neuron in its high bits and the synapse's offset within that
 * neuron's CSR row in its low bits, so {@code pre = entry >>> shift} and the synapse (its CSR
 * position) is {@code rowStart[pre] + (entry & mask)}. That one array replaces both the synapse
 * index and the presynaptic neuron of each entry (4 bytes per synapse instead of 8). The widths
 * come from the presynaptic count and the longest row; when they need more than 32 bits together
 * the index is not packed ({@link #packed()} is false) and the caller keeps the unpacked arrays.
 */
final class PostEntries {
  private final int shift;
  private final int mask;

  private PostEntries(int shift, int mask) {
    this.shift = shift;
    this.mask = mask;
  }

  /** The layout for {@code rowStart} (CSR row starts, one more than the presynaptic count). */
  static PostEntries layout(int[] rowStart) {
    int rows = rowStart.length - 1;
    int longest = 0;
    for (int i = 0; i < rows; i++) {
      longest = Math.max(longest, rowStart[i + 1] - rowStart[i]);
    }
    int preBits = bitsFor(rows - 1);
    int offsetBits = bitsFor(longest - 1);
    if (preBits + offsetBits > Integer.SIZE) {
      return new PostEntries(-1, 0);
    }
    return new PostEntries(offsetBits, (int) ((1L << offsetBits) - 1));
  }

  /** The bits that hold every value in {@code [0, max]}: 0 for {@code max <= 0}. */
  static int bitsFor(int max) {
    return max <= 0 ? 0 : Integer.SIZE - Integer.numberOfLeadingZeros(max);
  }

  /** Whether the entries fit one int each. */
  boolean packed() {
    return shift >= 0;
  }

  /** The right shift from an entry to its presynaptic neuron; -1 when not {@link #packed()}. */
  int shift() {
    return shift;
  }

  /** The mask from an entry to the synapse's offset in its row. */
  int mask() {
    return mask;
  }

  /**
   * The packed entries in by-postsynaptic order: {@code postStart} from {@link #postStarts}, the
   * synapses of each postsynaptic neuron in ascending presynaptic order.
   */
  int[] pack(int[] rowStart, int[] targets, int[] postStart) {
    if (!packed()) {
      throw new IllegalStateException("by-postsynaptic entries do not fit 32 bits");
    }
    int[] next = postStart.clone();
    int[] entries = new int[targets.length];
    for (int row = 0; row + 1 < rowStart.length; row++) {
      for (int k = rowStart[row]; k < rowStart[row + 1]; k++) {
        entries[next[targets[k]]++] = (row << shift) | (k - rowStart[row]);
      }
    }
    return entries;
  }

  /** Where each postsynaptic neuron's entries start ({@code postCount + 1} values). */
  static int[] postStarts(int[] targets, int postCount) {
    int[] start = new int[postCount + 1];
    for (int target : targets) {
      start[target + 1]++;
    }
    for (int j = 0; j < postCount; j++) {
      start[j + 1] += start[j];
    }
    return start;
  }

  /** The unpacked synapse (CSR position) of each entry, for when the entries do not fit. */
  static int[] synapses(int[] targets, int[] postStart) {
    int[] next = postStart.clone();
    int[] synapses = new int[targets.length];
    for (int k = 0; k < targets.length; k++) { // CSR order: ascending presynaptic per target
      synapses[next[targets[k]]++] = k;
    }
    return synapses;
  }
}
