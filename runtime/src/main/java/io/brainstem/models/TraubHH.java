package io.brainstem.models;

import io.brainstem.annotations.Input;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Threshold;

/**
 * The Traub–Miles Hodgkin–Huxley neuron of the COBAHH benchmark (Traub &amp; Miles 1991, Neuronal
 * Networks of the Hippocampus; Brette et al. 2007, J. Comput. Neurosci. 23:349, benchmark 3): the
 * equations of Brian2's {@code examples/COBAHH.py}, with the synaptic conductances moved into
 * projections ({@link ExpCoba} with tau 5 / 10 ms, E 0 / −80 mV) that add to {@code input}.
 *
 * <pre>
 *   Cm · dV/dt = gl·(El − V) − g_na·m³·h·(V − ENa) − g_kd·n⁴·(V − EK) + input
 *   dx/dt = alpha_x(V)·(1 − x) − beta_x(V)·x                   for x in m, h, n
 *   alpha_m = 0.32·4 / exprel((13 − V + VT)/4)    beta_m = 0.28·5 / exprel((V − VT − 40)/5)
 *   alpha_h = 0.128·exp((17 − V + VT)/18)         beta_h = 4 / (1 + exp((40 − V + VT)/5))
 *   alpha_n = 0.032·5 / exprel((15 − V + VT)/5)   beta_n = 0.5·exp((10 − V + VT)/40)
 *   exprel(z) = (exp(z) − 1)/z
 *   spike when V crosses V_th upwards
 * </pre>
 *
 * <p><b>Units.</b> The benchmark gives densities over a 20000 µm² membrane; multiplied out they
 * are whole-cell values, and we use the consistent set ms, mV, nS, pF, pA (nS·mV = pA, pA/pF =
 * mV/ms): Cm 200 pF (1 µF/cm²), gl 10 nS (5e−5 S/cm²), g_na 20000 nS (100 mS/cm²), g_kd 6000 nS
 * (30 mS/cm²). {@code input} is in pA; a synaptic conductance in nS times (E − V) in mV is a
 * current in pA, so the benchmark's weights stay as written (we 6 nS, wi 67 nS). Rates in 1/ms.
 *
 * <p>Defaults: El −60, EK −90, ENa 50, VT −63 mV, V_th −20 mV. A spike is an upward crossing of
 * V_th ({@code @Threshold(crossing = true)}): one action potential, one spike, and no state is
 * held. The benchmark writes {@code threshold='v > -20*mV', refractory=3*ms} (without
 * {@code unless refractory}), where the 3 ms only keep an action potential from counting twice;
 * the two agree while action potentials stay above V_th for less than 3 ms and are more than
 * 3 ms apart, as they are here. V starts at El; m, h, n at their steady states there. Use the
 * generated {@link TraubHHGroup}.
 */
@Neuron(backward = true)
public class TraubHH {
  @Param(unit = "pF") double Cm = 200;
  @Param(unit = "nS") double gl = 10, g_na = 20000, g_kd = 6000;
  @Param(unit = "mV") double El = -60, EK = -90, ENa = 50, VT = -63, V_th = -20;
  @State(unit = "mV") double V = -60;
  @State(unit = "1")
  double m = 0.026863329798445447, h = 0.9913058218943975, n = 0.060434034678635944;
  @Input(unit = "pA") double input;

  @Ode("V")
  double dV(double V, double m, double h, double n, double input) {
    final double iNa = g_na * m * m * m * h * (V - ENa);
    final double iK = g_kd * n * n * n * n * (V - EK);
    return (gl * (El - V) - iNa - iK + input) / Cm;
  }

  @Ode("m")
  double dm(double V, double m) {
    final double za = (13 - V + VT) / 4;
    final double zb = (V - VT - 40) / 5;
    final double alpha = 0.32 * 4 * (za == 0 ? 1 : za / Math.expm1(za));
    final double beta = 0.28 * 5 * (zb == 0 ? 1 : zb / Math.expm1(zb));
    return alpha * (1 - m) - beta * m;
  }

  @Ode("h")
  double dh(double V, double h) {
    final double alpha = 0.128 * Math.exp((17 - V + VT) / 18);
    final double beta = 4 / (1 + Math.exp((40 - V + VT) / 5));
    return alpha * (1 - h) - beta * h;
  }

  @Ode("n")
  double dn(double V, double n) {
    final double z = (15 - V + VT) / 5;
    final double alpha = 0.032 * 5 * (z == 0 ? 1 : z / Math.expm1(z));
    final double beta = 0.5 * Math.exp((10 - V + VT) / 40);
    return alpha * (1 - n) - beta * n;
  }

  @Threshold(crossing = true)
  boolean fire() {
    return V > V_th;
  }
}
