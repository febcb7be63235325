package io.brainstem.models;

import io.brainstem.annotations.Input;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.Refractory;
import io.brainstem.annotations.Reset;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Threshold;

/**
 * Exponential integrate-and-fire neuron (Fourcaud-Trocmé, Hansel, van Vreeswijk &amp; Brunel 2003,
 * J. Neurosci. 23:11628), with BrainPy's {@code ExpIF} defaults.
 *
 * <pre>
 *   tau · dV/dt = −(V − V_rest) + delta_T · exp((V − V_T) / delta_T) + R · input
 *   spike when V ≥ V_th (the numerical cut-off of the upswing), then V ← V_reset;
 *   held for tau_ref ms after a spike
 * </pre>
 *
 * Defaults: V_rest −65, V_reset −68, V_th −30, V_T −59.9, delta_T 3.48 mV, R 1, tau 10 ms, tau_ref
 * 0 ms. V starts at V_rest (BrainPy starts at 0 mV, above threshold). Time in ms, potentials in mV.
 * Use the generated {@link ExpIfGroup}.
 */
@Neuron(backward = true)
public class ExpIf {
  @Param(unit = "mV") double V_rest = -65, V_reset = -68, V_th = -30, V_T = -59.9, delta_T = 3.48;
  @Param(unit = "MOhm") double R = 1;
  @Param(unit = "ms") double tau = 10;
  @Param(unit = "ms") @Refractory double tau_ref = 0;
  @State(unit = "mV") double V = -65;
  @Input(unit = "nA") double input;

  @Ode("V")
  double dV(double V, double input) {
    return (-(V - V_rest) + delta_T * Math.exp((V - V_T) / delta_T) + R * input) / tau;
  }

  @Threshold
  boolean fire() {
    return V >= V_th;
  }

  @Reset
  void reset() {
    V = V_reset;
  }
}
