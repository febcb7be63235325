package io.brainstem.models;

import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.Post;
import io.brainstem.annotations.Synapse;

/**
 * Delta synapse, conductance-based: each presynaptic spike moves the postsynaptic membrane
 * potential the fraction {@code g_max} of the way to the reversal potential {@code E} (the jump
 * scales with the driving force, as a very brief conductance pulse would).
 *
 * <pre>
 *   V_post ← V_post + g_max · (E − V_post)        per presynaptic spike
 * </pre>
 *
 * Defaults: g_max 0.1 (dimensionless, in [0, 1]), E 0 mV. The postsynaptic group needs a state
 * {@code V}. Use the generated {@link DeltaCobaProjection}.
 */
@Synapse(backward = true)
public class DeltaCoba {
  @Param(unit = "1") double g_max = 0.1;
  @Param(unit = "mV") double E = 0;
  @Post(unit = "mV") double V;

  @OnPre
  void onSpike() {
    V += g_max * (E - V);
  }
}
