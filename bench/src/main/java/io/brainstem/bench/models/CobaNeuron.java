package io.brainstem.bench.models;

import io.brainstem.annotations.Input;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.Refractory;
import io.brainstem.annotations.Reset;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Threshold;

/**
 * The neuron of Brian2's COBA benchmark (Vogels &amp; Abbott 2005; Brette et al. 2007, benchmark 1)
 * with the conductances inside the membrane equation, as Brian2 writes it:
 *
 * <pre>
 *   dv/dt = (ge·(Ee − v) + gi·(Ei − v) − (v − El) + I_ext) / taum   (unless refractory)
 * </pre>
 *
 * {@code ge} and {@code gi} (in units of the leak conductance) are inputs that the {@link
 * ExcConductance} and {@link InhConductance} projections set every step to their decaying
 * conductances, so {@code EXP_AUTO} linearises {@code v} with slope {@code −(1 + ge + gi)/taum}:
 * Brian2's {@code exponential_euler}.
 */
@Neuron
public class CobaNeuron {
  @Param double taum = 20, El = -60, Vt = -50, Vr = -60, Ee = 0, Ei = -80, I_ext = 0;
  /** Brian2's 5 ms is 49 frozen steps at dt 0.1; our rule {@code t − t_spike ≤ ref} needs 4.95. */
  @Param @Refractory double ref = 4.95;
  @State double v = -60;
  @Input double ge, gi;

  @Ode("v")
  double dv(double v, double ge, double gi) {
    return (ge * (Ee - v) + gi * (Ei - v) - (v - El) + I_ext) / taum;
  }

  @Threshold
  boolean fire() {
    return v > Vt;
  }

  @Reset
  void reset() {
    v = Vr;
  }
}
