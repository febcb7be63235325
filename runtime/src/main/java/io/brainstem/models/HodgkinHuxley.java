package io.brainstem.models;

import io.brainstem.annotations.Input;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Threshold;

/**
 * The classic Hodgkin–Huxley squid-axon model (Hodgkin &amp; Huxley 1952, J. Physiol. 117:500) in
 * the modern convention (rest at −65 mV, depolarisation positive), as BrainPy's {@code HH}.
 *
 * <pre>
 *   C · dV/dt = −gNa·m³·h·(V − ENa) − gK·n⁴·(V − EK) − gL·(V − EL) + input
 *   dx/dt = alpha_x(V)·(1 − x) − beta_x(V)·x              for x in m, h, n
 *   alpha_m = 0.1·(V + 40) / (1 − exp(−(V + 40)/10))     beta_m = 4·exp(−(V + 65)/18)
 *   alpha_h = 0.07·exp(−(V + 65)/20)                    beta_h = 1 / (1 + exp(−(V + 35)/10))
 *   alpha_n = 0.01·(V + 55) / (1 − exp(−(V + 55)/10))   beta_n = 0.125·exp(−(V + 65)/80)
 *   spike when V crosses V_th upwards
 * </pre>
 *
 * Units: ms, mV, µA/cm² (input), mS/cm² (conductances), µF/cm² (C). Defaults: ENa 50, EK −77, EL −54.387 mV;
 * gNa 120, gK 36, gL 0.3 mS/cm²; C 1 µF/cm²; V_th 20 mV. gL is the paper's 0.3 (BrainPy's default
 * is 0.03, which moves rest off −65 mV and the rheobase from 6.2 to 4.1 µA/cm²). The state starts at rest: V −65 mV and
 * m, h, n at their steady states there (0.0529, 0.5961, 0.3177). The removable singularities of
 * alpha_m and alpha_n are evaluated through {@code expm1} with their limits at the singular point.
 *
 * <p>A spike is an upward crossing of V_th ({@code @Threshold(crossing = true)}): V ≥ V_th at the
 * end of the step and V &lt; V_th at its start, so one action potential is one spike whatever its
 * width. Nothing is reset. Brian2's equivalent is {@code threshold='v >= 20', refractory='v >= 20'}.
 * Use the generated {@link HodgkinHuxleyGroup}.
 */
@Neuron(backward = true)
public class HodgkinHuxley {
  @Param(unit = "mV") double ENa = 50;
  @Param(unit = "mS/cm^2") double gNa = 120;
  @Param(unit = "mV") double EK = -77;
  @Param(unit = "mS/cm^2") double gK = 36;
  @Param(unit = "mV") double EL = -54.387;
  @Param(unit = "mS/cm^2") double gL = 0.3;
  @Param(unit = "uF/cm^2") double C = 1;
  @Param(unit = "mV") double V_th = 20;
  @State(unit = "mV") double V = -65;
  @State(unit = "1")
  double m = 0.05293248525724958, h = 0.5961207535084603, n = 0.3176769140606974;
  @Input(unit = "uA/cm^2") double input;

  @Ode("V")
  double dV(double V, double m, double h, double n, double input) {
    final double iNa = gNa * m * m * m * h * (V - ENa);
    final double iK = gK * n * n * n * n * (V - EK);
    final double iL = gL * (V - EL);
    return (-iNa - iK - iL + input) / C;
  }

  @Ode("m")
  double dm(double V, double m) {
    final double x = -(V + 40) / 10;
    final double alpha = x == 0 ? 1 : x / Math.expm1(x);
    final double beta = 4 * Math.exp(-(V + 65) / 18);
    return alpha * (1 - m) - beta * m;
  }

  @Ode("h")
  double dh(double V, double h) {
    final double alpha = 0.07 * Math.exp(-(V + 65) / 20);
    final double beta = 1 / (1 + Math.exp(-(V + 35) / 10));
    return alpha * (1 - h) - beta * h;
  }

  @Ode("n")
  double dn(double V, double n) {
    final double x = -(V + 55) / 10;
    final double alpha = x == 0 ? 0.1 : 0.1 * x / Math.expm1(x);
    final double beta = 0.125 * Math.exp(-(V + 65) / 80);
    return alpha * (1 - n) - beta * n;
  }

  @Threshold(crossing = true)
  boolean fire() {
    return V >= V_th;
  }
}
