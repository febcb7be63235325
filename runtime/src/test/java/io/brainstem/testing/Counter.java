package io.brainstem.testing;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.Connector;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;

/**
 * A test projection: each step it adds, to the postsynaptic {@code input} of every target, the
 * number of its presynaptic partners that spiked in the previous step, and keeps the running total
 * per postsynaptic neuron in state {@code received}.
 */
public final class Counter extends Projection {
  public final double[] received;
  private final double[] postInput;

  public Counter(String name, NeuronGroup pre, NeuronGroup post, Connector connector) {
    super(name, "Counter", pre, post, connector, Integrator.EULER);
    this.received = state("received", 0.0);
    this.postInput = postVariable("input", "the output target");
  }

  /** Number of targets of presynaptic neuron {@code pre}. */
  public int outDegree(int pre) {
    return indptr[pre + 1] - indptr[pre];
  }

  @Override
  public void update(double t, double dt, int from, int to, boolean jit) {
    for (int c = 0, n = preSpikeCount(); c < n; c++) {
      int i = preSpikeIndex[c];
      for (int s = indptr[i]; s < indptr[i + 1]; s++) {
        int j = indices[s];
        if (j >= from && j < to) {
          postInput[j] += 1;
          received[j] += 1;
        }
      }
    }
  }
}
