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
 * The declared units are checked by the processor (R·w and R·input are mV, the right-hand sides
 * mV/ms); it generates {@code AdaptiveLifGroup} in {@code target/generated-sources/annotations}.
 */
@Neuron
public class AdaptiveLif {
  @Param(unit = "mV") double V_rest = -70, V_reset = -65, V_th = -50;
  @Param(unit = "MOhm") double R = 1;
  @Param(unit = "ms") double tau = 20, tau_w = 100;
  @Param(unit = "nA") double b = 2;
  @State(unit = "mV") double V = -70;
  @State(unit = "nA") double w;
  @Input(unit = "nA") double input;

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
