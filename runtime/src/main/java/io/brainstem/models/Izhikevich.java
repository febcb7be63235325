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
 * Izhikevich's simple model (Izhikevich 2003, IEEE Trans. Neural Netw. 14:1569), with the
 * regular-spiking defaults BrainPy's {@code Izhikevich} uses.
 *
 * <pre>
 *   dV/dt = 0.04 · V² + 5 · V + 140 − u + input
 *   du/dt = a · (b · V − u)
 *   spike when V ≥ V_th, then V ← c, u ← u + d; held for tau_ref ms after a spike
 * </pre>
 *
 * Defaults: a 0.02, b 0.2, c −65 mV, d 8, V_th 30 mV, tau_ref 0 ms; V starts at −65 mV and u at
 * b·V = −13, the paper's initial condition. Other firing patterns from the paper: intrinsically
 * bursting (c −55, d 4), chattering (c −50, d 2), fast spiking (a 0.1, d 2). Time in ms, V in mV.
 * Use the generated {@link IzhikevichGroup}.
 */
@Neuron(backward = true)
public class Izhikevich {
  @Param(unit = "1/ms") double a = 0.02, b = 0.2;
  @Param(unit = "mV") double c = -65;
  @Param(unit = "mV/ms") double d = 8;
  @Param(unit = "mV") double V_th = 30;
  @Param(unit = "ms") @Refractory double tau_ref = 0;
  @State(unit = "mV") double V = -65;
  @State(unit = "mV/ms") double u = -13;
  @Input(unit = "mV/ms") double input;

  @Ode("V")
  double dV(double V, double u, double input) {
    return 0.04 * V * V + 5 * V + 140 - u + input;
  }

  @Ode("u")
  double du(double V, double u) {
    return a * (b * V - u);
  }

  @Threshold
  boolean fire() {
    return V >= V_th;
  }

  @Reset
  void reset() {
    V = c;
    u += d;
  }
}
