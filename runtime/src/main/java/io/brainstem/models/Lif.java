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
 * Leaky integrate-and-fire neuron (BrainPy's {@code LIF}, defaults included).
 *
 * <pre>
 *   tau · dV/dt = −(V − V_rest) + R · input
 *   spike when V ≥ V_th, then V ← V_reset; held for tau_ref ms after a spike
 * </pre>
 *
 * Time in ms, potentials in mV. Use the generated {@link LifGroup}.
 */
@Neuron(backward = true)
public class Lif {
  @Param(unit = "mV") double V_rest = 0, V_reset = -5, V_th = 20;
  @Param(unit = "MOhm") double R = 1;
  @Param(unit = "ms") double tau = 10;
  @Param(unit = "ms") @Refractory double tau_ref = 0;
  @State(unit = "mV") double V;
  @Input(unit = "nA") double input;

  @Ode("V")
  double dV(double V, double input) {
    return (-V + V_rest + R * input) / tau;
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
