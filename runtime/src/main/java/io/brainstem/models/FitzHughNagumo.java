package io.brainstem.models;

import io.brainstem.annotations.Input;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.Reset;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Threshold;

/**
 * FitzHugh–Nagumo model (FitzHugh 1961, Biophys. J. 1:445; Nagumo, Arimoto &amp; Yoshizawa 1962,
 * Proc. IRE 50:2061), with BrainPy's {@code FHN} defaults.
 *
 * <pre>
 *   dV/dt = V − V³/3 − w + input
 *   tau · dw/dt = V + a − b · w
 *   spike when V crosses V_th upwards
 * </pre>
 *
 * Dimensionless V and w; time in ms as everywhere. Defaults: a 0.7, b 0.8, tau 12.5, V_th 1.8.
 * V and w start at 0. An upward crossing is detected as in {@link HodgkinHuxley}: the state
 * {@code armed} is set to 0 by a spike and climbs back to 1 over tau_arm (0.1 ms) only while V
 * is below V_th. Use the generated {@link FitzHughNagumoGroup}.
 */
@Neuron
public class FitzHughNagumo {
  @Param double a = 0.7, b = 0.8, tau = 12.5, V_th = 1.8, tau_arm = 0.1;
  @State double V, w;
  @State double armed = 1;
  @Input double input;

  @Ode("V")
  double dV(double V, double w, double input) {
    return V - V * V * V / 3 - w + input;
  }

  @Ode("w")
  double dw(double V, double w) {
    return (V + a - b * w) / tau;
  }

  @Ode("armed")
  double dArmed(double V, double armed) {
    return V < V_th && armed < 1 ? 1 / tau_arm : 0;
  }

  @Threshold
  boolean fire() {
    return V >= V_th && armed > 0.5;
  }

  @Reset
  void reset() {
    armed = 0;
  }
}
