package io.brainstem.models;

import io.brainstem.annotations.Input;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Param;
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
 * V and w start at 0. A spike is an upward crossing of V_th ({@code @Threshold(crossing = true)}),
 * as in {@link HodgkinHuxley}; nothing is reset (Brian2: {@code threshold='v >= 1.8',
 * refractory='v >= 1.8'}). Use the generated {@link FitzHughNagumoGroup}.
 */
@Neuron(backward = true)
public class FitzHughNagumo {
  @Param double a = 0.7, b = 0.8, tau = 12.5, V_th = 1.8;
  @State double V, w;
  @Input double input;

  @Ode("V")
  double dV(double V, double w, double input) {
    return V - V * V * V / 3 - w + input;
  }

  @Ode("w")
  double dw(double V, double w) {
    return (V + a - b * w) / tau;
  }

  @Threshold(crossing = true)
  boolean fire() {
    return V >= V_th;
  }
}
