package test.models;

import io.brainstem.annotations.Input;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.Refractory;
import io.brainstem.annotations.Reset;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Threshold;

/**
 * An AdEx-style model (adaptive exponential integrate-and-fire, BrainPy's {@code AdExIF} defaults)
 * kept for the golden test of generated code: a nonlinear (exponential) ODE coupled to an
 * adaptation current, a two-state reset and a refractory period.
 *
 * <pre>
 *   tau   dV/dt = −(V − V_rest) + delta_T·exp((V − V_T)/delta_T) − R·w + R·input
 *   tau_w dw/dt = a·(V − V_rest) − w
 *   spike when V ≥ V_th, then V ← V_reset, w ← w + b
 * </pre>
 */
@Neuron
public class AdEx {
  @Param double V_rest = -65, V_reset = -68, V_th = -30, V_T = -59.9, delta_T = 3.48;
  @Param double a = 1, b = 1, R = 1, tau = 10, tau_w = 30;
  @Param @Refractory double tau_ref = 0;
  @State double V = -65, w;
  @Input double input;

  @Ode("V")
  double dV(double V, double w, double input) {
    final double spikeCurrent = delta_T * Math.exp((V - V_T) / delta_T);
    return (-V + V_rest + spikeCurrent - R * w + R * input) / tau;
  }

  @Ode("w")
  double dw(double w, double V) {
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
