package io.brainstem.examples;

import io.brainstem.annotations.Input;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.Reset;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Threshold;

/**
 * A user-defined model, compiled by the Brainstem processor in this project exactly as in any user
 * project: a LIF neuron with a spike-triggered adaptation current {@code w}.
 *
 * <pre>
 *   tau   · dV/dt = −(V − V_rest) − R·w + R·input
 *   tau_w · dw/dt = −w;            on a spike: V ← V_reset, w ← w + b
 * </pre>
 *
 * The processor generates {@code AdaptiveLifGroup} in {@code target/generated-sources/annotations}.
 */
@Neuron
public class AdaptiveLif {
  @Param double V_rest = -70, V_reset = -65, V_th = -50, R = 1, tau = 20, tau_w = 100, b = 2;
  @State double V = -70;
  @State double w;
  @Input double input;

  @Ode("V")
  double dV(double V, double w, double input) {
    return (-(V - V_rest) - R * w + R * input) / tau;
  }

  @Ode("w")
  double dw(double w) {
    return -w / tau_w;
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
