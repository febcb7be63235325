package io.brainstem.models;

import io.brainstem.annotations.Graded;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.PerSynapse;
import io.brainstem.annotations.Pre;
import io.brainstem.annotations.Synapse;

/**
 * Rate coupling through a tanh of the presynaptic state, the recurrent term of Sussillo and
 * Abbott's (2009) FORCE network, {@code tau·dx/dt = −x + Σ J·tanh(x_pre)}:
 *
 * <pre>
 *   input_j += Σ_{k: pre(k) → j} w_k · tanh(x_pre(k))
 * </pre>
 *
 * The presynaptic group must have a variable {@code x} (values at the start of the step). It
 * evaluates one tanh per synapse and step; when the presynaptic group can hold the rate itself
 * ({@link LeakyTanh}), {@link RateProjection} is cheaper. Use the generated
 * {@link TanhProjectionProjection}.
 */
@Synapse(backward = true)
public class TanhProjection {
  @Param(unit = "1") @PerSynapse double w = 1;
  @Pre(unit = "1") double x;

  @Graded(value = "input", unit = "1")
  double flow() {
    return w * Math.tanh(x);
  }
}
