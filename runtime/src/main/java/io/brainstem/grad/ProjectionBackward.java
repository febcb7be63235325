package io.brainstem.grad;

import io.brainstem.connectivity.Csr;
import io.brainstem.network.Parameters;
import io.brainstem.network.Projection;
import java.util.Objects;

/**
 * The backward step of a projection's spikes: what the connectivity passes between the
 * presynaptic spikes and what they add to postsynaptic state.
 *
 * <p>Forward, the spikes {@code S_i} due in a step add {@code d_j = Σ_i S_i·w_ij} to a state of
 * each postsynaptic neuron {@code j} (a synapse's {@code g += w}, or a delta synapse's {@code V +=
 * w}). Given {@code a_j = ∂L/∂d_j} (the adjoint of the state the increment lands on; a generated
 * {@code <Synapse>Backward} writes it as its {@code <state>_delivered} input adjoint), the backward
 * step is the transposed product: {@code ∂L/∂S_i = Σ_j w_ij·a_j}, a gather along presynaptic row
 * {@code i} of the CSR connectivity, and {@code ∂L/∂w_ij = S_i·a_j} per synapse. The forward
 * delivery is a scatter along the same rows, so each row of the transposed matrix is a CSR row:
 * no by-postsynaptic index is needed, and each presynaptic neuron's sum runs in a fixed order,
 * so ranges of presynaptic neurons on any threads give the same bits.
 *
 * <p>Weights are one per synapse (CSR order, e.g. {@code projection.doubles("w")}), or a lumped
 * parameter ({@code g_max}) read from the projection's {@link Parameters} for each postsynaptic
 * neuron. Nothing here allocates.
 */
public final class ProjectionBackward {
  private final int preSize;
  private final int postSize;
  private final int[] indptr;
  private final int[] indices;

  /**
   * The backward step of {@code projection}'s connectivity (a copy taken now).
   *
   * @param projection the projection
   */
  public ProjectionBackward(Projection projection) {
    this(Objects.requireNonNull(projection, "projection").csr());
  }

  /**
   * The backward step of the connectivity {@code csr}.
   *
   * @param csr pre→post connectivity
   */
  public ProjectionBackward(Csr csr) {
    Objects.requireNonNull(csr, "csr");
    this.preSize = csr.preSize();
    this.postSize = csr.postSize();
    this.indptr = csr.indptr();
    this.indices = csr.indices();
  }

  /**
   * The number of synapses.
   *
   * @return the length of a per-synapse array
   */
  public int synapseCount() {
    return indices.length;
  }

  /**
   * Forward: {@code delivered[j] = Σ_i S_i·w_ij} with per-synapse weights (what a step's spikes add;
   * the input a synapse's backward step reads).
   *
   * @param spiked the spikes due in the step, one flag per presynaptic neuron
   * @param weights one weight per synapse, CSR order
   * @param delivered overwritten, one per postsynaptic neuron
   */
  public void delivered(boolean[] spiked, double[] weights, double[] delivered) {
    check(spiked, preSize, "spiked", "presynaptic");
    check(weights, indices.length, "weights", "synapse");
    check(delivered, postSize, "delivered", "postsynaptic");
    java.util.Arrays.fill(delivered, 0);
    for (int i = 0; i < preSize; i++) {
      if (spiked[i]) {
        for (int k = indptr[i]; k < indptr[i + 1]; k++) {
          delivered[indices[k]] += weights[k];
        }
      }
    }
  }

  /**
   * Forward: {@code delivered[j] = Σ_i S_i·w_j} with a lumped weight (parameter {@code index} of
   * {@code params}, one value per postsynaptic neuron or one for all).
   *
   * @param spiked the spikes due in the step
   * @param params the projection's parameters
   * @param index the weight's parameter index
   * @param delivered overwritten, one per postsynaptic neuron
   */
  public void delivered(boolean[] spiked, Parameters params, int index, double[] delivered) {
    check(spiked, preSize, "spiked", "presynaptic");
    check(delivered, postSize, "delivered", "postsynaptic");
    java.util.Arrays.fill(delivered, 0);
    for (int i = 0; i < preSize; i++) {
      if (spiked[i]) {
        for (int k = indptr[i]; k < indptr[i + 1]; k++) {
          int j = indices[k];
          delivered[j] += params.value(index, j);
        }
      }
    }
  }

  /**
   * Forward: {@code delivered[j] = Σ_i S_i·weight} with one number for every synapse (a constant
   * increment such as NMDA's {@code x += 1}, or 1: the spike count a state set by a spike reads).
   *
   * @param spiked the spikes due in the step
   * @param weight what each spike adds
   * @param delivered overwritten, one per postsynaptic neuron
   */
  public void delivered(boolean[] spiked, double weight, double[] delivered) {
    check(spiked, preSize, "spiked", "presynaptic");
    check(delivered, postSize, "delivered", "postsynaptic");
    java.util.Arrays.fill(delivered, 0);
    for (int i = 0; i < preSize; i++) {
      if (spiked[i]) {
        for (int k = indptr[i]; k < indptr[i + 1]; k++) {
          delivered[indices[k]] += weight;
        }
      }
    }
  }

  /**
   * {@code adjSpike[i] = Σ_j weight·adjDelivered[j]} for presynaptic neurons {@code [from, to)},
   * one number for every synapse (see {@link #delivered(boolean[], double, double[])}).
   *
   * @param weight what each spike adds
   * @param adjDelivered {@code ∂L/∂delivered}, one per postsynaptic neuron
   * @param adjSpike written for {@code [from, to)}
   * @param from the first presynaptic neuron
   * @param to one past the last
   */
  public void spikeAdjoint(double weight, double[] adjDelivered, double[] adjSpike, int from,
      int to) {
    for (int i = from; i < to; i++) {
      double sum = 0;
      for (int k = indptr[i]; k < indptr[i + 1]; k++) {
        sum += adjDelivered[indices[k]];
      }
      adjSpike[i] = weight * sum;
    }
  }

  /**
   * {@code adjSpike[i] = Σ_j w_ij·adjDelivered[j]} for presynaptic neurons {@code [from, to)},
   * per-synapse weights: the gradient with respect to each presynaptic spike.
   *
   * @param weights one weight per synapse, CSR order
   * @param adjDelivered {@code ∂L/∂delivered}, one per postsynaptic neuron
   * @param adjSpike written for {@code [from, to)}, one per presynaptic neuron
   * @param from the first presynaptic neuron
   * @param to one past the last
   */
  public void spikeAdjoint(double[] weights, double[] adjDelivered, double[] adjSpike, int from,
      int to) {
    for (int i = from; i < to; i++) {
      double sum = 0;
      for (int k = indptr[i]; k < indptr[i + 1]; k++) {
        sum += weights[k] * adjDelivered[indices[k]];
      }
      adjSpike[i] = sum;
    }
  }

  /**
   * {@code adjSpike[i] = Σ_k synapseSpike[k]} along row {@code i}, for presynaptic neurons {@code
   * [from, to)}: the spike adjoints of a synapse with per-synapse state, whose backward step
   * writes each synapse's share ({@link AdjointFrame#synapseSpike}).
   *
   * @param synapseSpike one per synapse, CSR order
   * @param adjSpike written for {@code [from, to)}, one per presynaptic neuron
   * @param from the first presynaptic neuron
   * @param to one past the last
   */
  public void spikeAdjoint(double[] synapseSpike, double[] adjSpike, int from, int to) {
    for (int i = from; i < to; i++) {
      double sum = 0;
      for (int k = indptr[i]; k < indptr[i + 1]; k++) {
        sum += synapseSpike[k];
      }
      adjSpike[i] = sum;
    }
  }

  /**
   * {@code adjSpike[i] = Σ_j w_j·adjDelivered[j]} for presynaptic neurons {@code [from, to)}, a
   * lumped weight (parameter {@code index} of {@code params}).
   *
   * @param params the projection's parameters
   * @param index the weight's parameter index
   * @param adjDelivered {@code ∂L/∂delivered}, one per postsynaptic neuron
   * @param adjSpike written for {@code [from, to)}
   * @param from the first presynaptic neuron
   * @param to one past the last
   */
  public void spikeAdjoint(Parameters params, int index, double[] adjDelivered, double[] adjSpike,
      int from, int to) {
    for (int i = from; i < to; i++) {
      double sum = 0;
      for (int k = indptr[i]; k < indptr[i + 1]; k++) {
        int j = indices[k];
        sum += params.value(index, j) * adjDelivered[j];
      }
      adjSpike[i] = sum;
    }
  }

  /**
   * {@code gradient[k] += adjDelivered[j]} for each synapse {@code k = (i, j)} of a presynaptic
   * neuron {@code i} in {@code [from, to)} that spiked: the per-synapse weight gradient of one
   * step.
   *
   * @param spiked the spikes due in the step
   * @param adjDelivered {@code ∂L/∂delivered}
   * @param gradient one per synapse, CSR order, accumulated
   * @param from the first presynaptic neuron
   * @param to one past the last
   */
  public void weightGradient(boolean[] spiked, double[] adjDelivered, double[] gradient, int from,
      int to) {
    for (int i = from; i < to; i++) {
      if (spiked[i]) {
        for (int k = indptr[i]; k < indptr[i + 1]; k++) {
          gradient[k] += adjDelivered[indices[k]];
        }
      }
    }
  }

  /**
   * The gradient of a lumped weight per postsynaptic neuron for one step: {@code gradient[j] +=
   * n_j·adjDelivered[j]}, {@code n_j} the spikes delivered to {@code j}. Summed over {@code j} it is
   * the gradient of one weight shared by every synapse.
   *
   * @param spiked the spikes due in the step
   * @param adjDelivered {@code ∂L/∂delivered}
   * @param gradient one per postsynaptic neuron, accumulated
   */
  public void lumpedWeightGradient(boolean[] spiked, double[] adjDelivered, double[] gradient) {
    for (int i = 0; i < preSize; i++) {
      if (spiked[i]) {
        for (int k = indptr[i]; k < indptr[i + 1]; k++) {
          int j = indices[k];
          gradient[j] += adjDelivered[j];
        }
      }
    }
  }

  private static void check(Object array, int length, String what, String per) {
    int n = array instanceof boolean[] b ? b.length : ((double[]) array).length;
    if (n != length) {
      throw new IllegalArgumentException(what + " has " + n + " entries but the projection has "
          + length + " (one per " + per + (per.equals("synapse") ? ")" : " neuron)")
          + "; size it to match the connectivity");
    }
  }
}
