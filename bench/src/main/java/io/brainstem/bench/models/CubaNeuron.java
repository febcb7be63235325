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
 * The neuron of Brian2's CUBA example (Brette et al. 2007, benchmark 2):
 *
 * <pre>
 *   dv/dt = (ge + gi − (v − El)) / taum   (unless refractory)
 * </pre>
 *
 * {@code ge} and {@code gi} (mV) are the currents of {@link ExcConductance} / {@link
 * InhConductance} projections with weights 1.62 mV and −9 mV. Brian2 integrates the linear system
 * {@code (v, ge, gi)} exactly; here {@code v} is integrated exactly with the currents held at their
 * start-of-step values (a 1 % difference in charge per spike at dt = 0.1 ms, taue = 5 ms).
 */
@Neuron
public class CubaNeuron {
  @Param double taum = 20, El = -49, Vt = -50, Vr = -60;
  /** Brian2's 5 ms is 49 frozen steps at dt 0.1; our rule {@code t − t_spike ≤ ref} needs 4.95. */
  @Param @Refractory double ref = 4.95;
  @State double v = -60;
  @Input double ge, gi;

  @Ode("v")
  double dv(double v, double ge, double gi) {
    return (ge + gi - (v - El)) / taum;
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
