package io.brainstem.connectivity;

/** Builds the connectivity of a projection once its group sizes are known. */
@FunctionalInterface
public interface Connector {
  /**
   * The connection matrix between groups of these sizes.
   *
   * @param preSize the number of presynaptic neurons
   * @param postSize the number of postsynaptic neurons
   * @return the pre→post matrix
   */
  Csr build(int preSize, int postSize);

  /**
   * The columns {@code from .. to-1} of {@link #build build(preSize, postSize)}: every synapse onto
   * those postsynaptic neurons, rows in the same order, with postsynaptic indices shifted down by
   * {@code from} (so a group of {@code to - from} neurons can own them). This is what one process
   * of a distributed run builds (docs/scaling.md): the union over a partition of the columns is the
   * whole matrix, whatever the partition. The default builds the whole matrix and keeps the
   * columns; connectors that can draw a column range alone override it.
   *
   * @param preSize the number of presynaptic neurons
   * @param postSize the number of postsynaptic neurons of the whole group
   * @param from the first postsynaptic neuron kept
   * @param to one past the last postsynaptic neuron kept
   * @return the pre→post matrix of the {@code to - from} kept neurons
   * @throws IllegalArgumentException if the range is empty or outside {@code [0, postSize)}
   */
  default Csr buildPostSlice(int preSize, int postSize, int from, int to) {
    Sizes.checkSlice(getClass().getSimpleName(), postSize, from, to);
    return build(preSize, postSize).postSlice(from, to);
  }
}
