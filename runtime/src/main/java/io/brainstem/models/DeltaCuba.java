package io.brainstem.models;

import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.Post;
import io.brainstem.annotations.Synapse;

/**
 * Delta (voltage-jump) synapse, current-based: each presynaptic spike adds {@code g_max} straight
 * to the postsynaptic membrane potential (BrainPy's {@code Delta} with its default
 * {@code CUBA(target_var='V')} output). No synaptic state and no {@code @Output}: the
 * {@code @OnPre} writes the {@code @Post} field.
 *
 * <pre>
 *   V_post ← V_post + g_max        per presynaptic spike
 * </pre>
 *
 * Defaults: g_max 1 mV. The postsynaptic group needs a state {@code V}. The jump lands before the
 * postsynaptic group integrates the step (see the step order in docs/architecture.md). Use the
 * generated {@link DeltaCubaProjection}.
 */
@Synapse(backward = true)
public class DeltaCuba {
  @Param(unit = "mV") double g_max = 1;
  @Post(unit = "mV") double V;

  @OnPre
  void onSpike() {
    V += g_max;
  }
}
