package io.brainstem.grad;

import io.brainstem.network.Kernels;

/**
 * The spike adjoints of block-diagonal synapses whose blocks share one weight matrix (the trials of
 * a batch run as blocks of one group, with one weight per pair): {@code out[b·H + k] = Σ_h w[k·H +
 * h]·a[b·H + h]}, row {@code k} of {@code w} holding neuron {@code k}'s synapses. It is what {@link
 * ProjectionBackward#spikeAdjoint(double[], double[], double[], int, int)} computes over the
 * block-diagonal CSR, but from the one {@code H × H} matrix and its contiguous rows: a BPTT step's
 * gather covers every synapse, spiking or not (the surrogate gives every neuron a spike adjoint), so
 * it is the largest part of a recurrent network's backward pass, and a CSR walk there is bound by
 * one dependent addition per synapse.
 *
 * <p>Each sum is taken in four partial sums, term {@code h} into sum {@code h mod 4} and the last
 * {@code H mod 4} terms into the first, joined as {@code (s0 + s1) + (s2 + s3)}: a fixed order, so
 * the scalar loop and the vector one (4 lanes, one partial sum each, when the {@code
 * jdk.incubator.vector} module is present) give the same bits.
 */
public final class SharedGather {
  private SharedGather() {}

  /**
   * {@code out[b·H + k] = Σ_h w[k·H + h]·a[b·H + h]} for blocks {@code b < blocks}.
   *
   * @param w the shared weights, {@code H × H}, row {@code k} the synapses of neuron {@code k}
   * @param hidden H
   * @param blocks the number of blocks (trials)
   * @param a {@code ∂L/∂delivered}, {@code blocks × H}
   * @param out the spike adjoints, {@code blocks × H}, overwritten
   */
  public static void gather(double[] w, int hidden, int blocks, double[] a, double[] out) {
    if (Kernels.vector()) {
      SharedGatherVector.gather(w, hidden, blocks, a, out);
    } else {
      scalar(w, hidden, blocks, a, out);
    }
  }

  /** {@link #gather} in scalar code. */
  static void scalar(double[] w, int hidden, int blocks, double[] a, double[] out) {
    for (int b = 0; b < blocks; b++) {
      int base = b * hidden;
      for (int k = 0; k < hidden; k++) {
        int row = k * hidden;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int h = 0;
        for (; h + 3 < hidden; h += 4) {
          s0 += w[row + h] * a[base + h];
          s1 += w[row + h + 1] * a[base + h + 1];
          s2 += w[row + h + 2] * a[base + h + 2];
          s3 += w[row + h + 3] * a[base + h + 3];
        }
        for (; h < hidden; h++) {
          s0 += w[row + h] * a[base + h];
        }
        out[base + k] = (s0 + s1) + (s2 + s3);
      }
    }
  }
}
