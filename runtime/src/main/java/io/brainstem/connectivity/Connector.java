package io.brainstem.connectivity;

/** Builds the connectivity of a projection once its group sizes are known. */
@FunctionalInterface
public interface Connector {
  Csr build(int preSize, int postSize);
}
