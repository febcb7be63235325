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
 * Adaptive exponential integrate-and-fire neuron (Brette &amp; Gerstner 2005, J. Neurophysiol.
 * 94:3637), in BrainPy's {@code AdExIF} form and defaults.
 *
 * <pre>
 *   tau   · dV/dt = −(V − V_rest) + delta_T · exp((V − V_T) / delta_T) − R · w + R · input
 *   tau_w · dw/dt = a · (V − V_rest) − w
 *   spike when V ≥ V_th, then V ← V_reset, w ← w + b; held for tau_ref ms after a spike
 * </pre>
 *
 * Defaults: V_rest −65, V_reset −68, V_th −30, V_T −59.9, delta_T 3.48 mV, a 1, b 1, R 1, tau 10
 * ms, tau_w 30 ms, tau_ref 0 ms (BrainPy 2.4 defaults tau_ref to 30 ms; we keep the refractory
 * period opt-in as for every library neuron). V starts at V_rest, w at 0. Time in ms, potentials in
 * mV. Use the generated {@link AdExGroup}.
 */
@Neuron(backward = true)
public class AdEx {
  @Param(unit = "mV") double V_rest = -65, V_reset = -68, V_th = -30, V_T = -59.9, delta_T = 3.48;
  @Param(unit = "uS") double a = 1;
  @Param(unit = "nA") double b = 1;
  @Param(unit = "MOhm") double R = 1;
  @Param(unit = "ms") double tau = 10, tau_w = 30;
  @Param(unit = "ms") @Refractory double tau_ref = 0;
  @State(unit = "mV") double V = -65;
  @State(unit = "nA") double w;
  @Input(unit = "nA") double input;

  @Ode("V")
  double dV(double V, double w, double input) {
    return (-(V - V_rest) + delta_T * Math.exp((V - V_T) / delta_T) - R * w + R * input) / tau;
  }

  @Ode("w")
  double dw(double V, double w) {
    return (a * (V - V_rest) - w) / tau_w;
  }

  @Threshold
  boolean fire() {
    return V >= V_th;
  }

  @Reset
  void reset() {
    V = V_reset;
    w += b;
  }
}
