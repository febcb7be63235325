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
 * Quadratic integrate-and-fire neuron (Latham, Richmond, Nelson &amp; Nirenberg 2000, J.
 * Neurophysiol. 83:808), with BrainPy's {@code QuaIF} defaults.
 *
 * <pre>
 *   tau · dV/dt = c · (V − V_rest) · (V − V_c) + R · input
 *   spike when V ≥ V_th, then V ← V_reset; held for tau_ref ms after a spike
 * </pre>
 *
 * Defaults: V_rest −65, V_reset −68, V_th −30, V_c −50 mV, c 0.07 mV⁻¹, R 1, tau 10 ms, tau_ref 0
 * ms. V starts at V_rest (BrainPy starts at 0 mV). Time in ms, potentials in mV. Use the generated
 * {@link QifGroup}.
 */
@Neuron(backward = true)
public class Qif {
  @Param(unit = "mV") double V_rest = -65, V_reset = -68, V_th = -30, V_c = -50;
  @Param(unit = "1/mV") double c = 0.07;
  @Param(unit = "MOhm") double R = 1;
  @Param(unit = "ms") double tau = 10;
  @Param(unit = "ms") @Refractory double tau_ref = 0;
  @State(unit = "mV") double V = -65;
  @Input(unit = "nA") double input;

  @Ode("V")
  double dV(double V, double input) {
    return (c * (V - V_rest) * (V - V_c) + R * input) / tau;
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
