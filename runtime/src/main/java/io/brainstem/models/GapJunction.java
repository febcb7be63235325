package io.brainstem.models;

import io.brainstem.annotations.Graded;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.PerSynapse;
import io.brainstem.annotations.Post;
import io.brainstem.annotations.Pre;
import io.brainstem.annotations.Synapse;

/**
 * Electrical synapse (gap junction) with one conductance per synapse: every step each
 * postsynaptic neuron receives the current through its junctions,
 *
 * <pre>
 *   input_j += Σ_{k: pre(k) → j} w_k · (V_pre(k) − V_j)
 * </pre>
 *
 * from the potentials at the start of the step. A junction conducts both ways: make the
 * connectivity symmetric with {@code new Symmetric(connector)} (each pair in both directions) and
 * the conductances with {@code SynapseInit.symmetric()} or a constant, so the current into one cell
 * is the current out of the other. Conductance in µS, potentials in mV, current in nA (the
 * {@code input} of {@link Lif}). Use the generated {@link GapJunctionProjection}.
 */
@Synapse(backward = true)
public class GapJunction {
  @Param(unit = "uS") @PerSynapse double w = 0.001;
  @Pre(value = "V", unit = "mV") double V_pre;
  @Post(value = "V", unit = "mV") double V_post;

  @Graded(value = "input", unit = "nA")
  double current() {
    return w * (V_pre - V_post);
  }
}
