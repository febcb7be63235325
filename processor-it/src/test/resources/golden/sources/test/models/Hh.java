package test.models;

import io.brainstem.annotations.Input;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Threshold;

/**
 * A Hodgkin–Huxley-style coupled model (the classic squid axon, BrainPy's {@code HH} defaults) kept
 * for the golden test of generated code: four coupled states, rate functions full of {@code exp},
 * locals, no reset, and a crossing threshold (a spike when V crosses V_th upwards in a step). Not
 * the library's HH.
 *
 * <pre>
 *   C dV/dt = −gNa m³h (V − ENa) − gK n⁴ (V − EK) − gL (V − EL) + input
 *   dx/dt   = α_x(V) (1 − x) − β_x(V) x        for x = m, h, n
 * </pre>
 */
@Neuron
public class Hh {
  @Param double ENa = 50, gNa = 120, EK = -77, gK = 36, EL = -54.387, gL = 0.03, C = 1;
  @Param double V_th = 20;
  @State double V = -65, m = 0.05, h = 0.6, n = 0.32;
  @Input double input;

  @Ode("V")
  double dV(double V, double m, double h, double n, double input) {
    final double INa = gNa * m * m * m * h * (V - ENa);
    final double IK = gK * n * n * n * n * (V - EK);
    final double IL = gL * (V - EL);
    return (-INa - IK - IL + input) / C;
  }

  @Ode("m")
  double dm(double m, double V) {
    final double alpha = 0.1 * (V + 40) / (1 - Math.exp(-(V + 40) / 10));
    final double beta = 4.0 * Math.exp(-(V + 65) / 18);
    return alpha * (1 - m) - beta * m;
  }

  @Ode("h")
  double dh(double h, double V) {
    final double alpha = 0.07 * Math.exp(-(V + 65) / 20.0);
    final double beta = 1 / (1 + Math.exp(-(V + 35) / 10));
    return alpha * (1 - h) - beta * h;
  }

  @Ode("n")
  double dn(double n, double V) {
    final double alpha = 0.01 * (V + 55) / (1 - Math.exp(-(V + 55) / 10));
    final double beta = 0.125 * Math.exp(-(V + 65) / 80);
    return alpha * (1 - n) - beta * n;
  }

  @Threshold(crossing = true)
  boolean fire() {
    return V >= V_th;
  }
}
