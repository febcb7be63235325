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
}
