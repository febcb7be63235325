package io.brainstem.models;

import io.brainstem.annotations.Graded;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.PerSynapse;
import io.brainstem.annotations.Pre;
import io.brainstem.annotations.Synapse;

/**
 * Rate coupling with one weight per synapse: every step each postsynaptic neuron's input gains the
 * weighted sum of its partners' rates (BrainPy's dense or sparse {@code W·r} of a rate network).
 *
 * <pre>
 *   input_j += Σ_{k: pre(k) → j} w_k · r_pre(k)
 * </pre>
 *
 * The rates are those at the start of the step (projections run before groups integrate). The
 * presynaptic group must have a variable {@code r}, e.g. {@link LeakyTanh}. Dimensionless; set the
 * weights with {@code w(...)}: a constant, an array in CSR order, or a {@code SynapseInit}
 * ({@code SynapseInit.normal(0, g / Math.sqrt(n))}). Use the generated {@link RateProjectionProjection}.
 */
@Synapse(backward = true)
public class RateProjection {
  @Param(unit = "1") @PerSynapse double w = 1;
  @Pre(unit = "1") double r;

  @Graded(value = "input", unit = "1")
  double flow() {
    return w * r;
  }
}
