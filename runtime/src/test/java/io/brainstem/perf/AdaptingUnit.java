package io.brainstem.perf;

import io.brainstem.annotations.Input;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.Reset;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Threshold;

/**
 * A test neuron for fused inputs (FusedInputsTest): two states with {@code V} second (a
 * conductance's {@code X} is not the kernel's first state) and two inputs.
 */
@Neuron
public class AdaptingUnit {
  @Param double tau = 10, tau_w = 50, a = 0.1, E_L = -65, V_th = -50, V_reset = -65;
  @State double w = 0;
  @State double V = -65;
  @Input double I_exc, I_inh;

  @Ode("w")
  double dw(double w, double V) {
    return (a * (V - E_L) - w) / tau_w;
  }

  @Ode("V")
  double dV(double V, double w, double I_exc, double I_inh) {
    return (E_L - V - w + I_exc + I_inh) / tau;
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
