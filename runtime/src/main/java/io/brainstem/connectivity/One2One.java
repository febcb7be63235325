package io.brainstem.connectivity;

/** Neuron {@code i} to neuron {@code i} (BrainPy's {@code One2One}); both groups the same size. */
public final class One2One implements Connector {

  @Override
  public Csr build(int preSize, int postSize) {
    Sizes.check("One2One", preSize, postSize);
    if (preSize != postSize) {
      throw new IllegalArgumentException("One2One connects i to i, so both groups must have the"
          + " same size; got pre " + preSize + ", post " + postSize);
    }
    int[] indptr = new int[preSize + 1];
    int[] indices = new int[preSize];
    for (int i = 0; i < preSize; i++) {
      indices[i] = i;
      indptr[i + 1] = i + 1;
    }
    return new Csr(preSize, postSize, indptr, indices);
  }

  @Override
  public String toString() {
    return "One2One()";
  }
}
