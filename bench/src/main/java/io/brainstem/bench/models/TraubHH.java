package io.brainstem.bench.models;

import io.brainstem.annotations.Input;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.Reset;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Threshold;

/**
 * The Traub–Miles Hodgkin–Huxley neuron of Brian2's COBAHH example (Brette et al. 2007,
 * benchmark 3), in mV, ms, nS and pF (area 20 000 µm²: Cm = 200 pF, gl = 10 nS, g_na = 20 µS,
 * g_kd = 6 µS). Brian2's {@code 0.32·4/exprel(z)} is written {@code 0.32·(4z)/expm1(z)}.
 *
 * <p>Brian2's {@code refractory=3*ms} without {@code (unless refractory)} only blocks the threshold;
 * here the clock {@code r} (ms since the last spike) does the same: a spike needs {@code r > ref}.
 */
@Neuron
public class TraubHH {
  @Param double Cm = 200, gl = 10, El = -60, EK = -90, ENa = 50, g_na = 20000, g_kd = 6000;
  @Param double VT = -63, Ee = 0, Ei = -80, V_spike = -20;
  /** Brian2's 3 ms is 30 steps at dt 0.1: {@code r = 30·dt > 2.95}. */
  @Param double ref = 2.95;
  /** {@code nK} is Brian2's {@code n} (the name {@code n} is reserved by the generated code). */
  @State double v = -60, m, nK, h, r = 1e9;
  @Input double ge, gi;

  @Ode("v")
  double dv(double v, double m, double nK, double h, double ge, double gi) {
    return (gl * (El - v) + ge * (Ee - v) + gi * (Ei - v)
        - g_na * (m * m * m) * h * (v - ENa) - g_kd * (nK * nK * nK * nK) * (v - EK)) / Cm;
  }

  @Ode("m")
  double dm(double v, double m) {
    double alpha = 0.32 * (13 - v + VT) / Math.expm1((13 - v + VT) / 4);
    double beta = 0.28 * (v - VT - 40) / Math.expm1((v - VT - 40) / 5);
    return alpha * (1 - m) - beta * m;
  }

  @Ode("nK")
  double dn(double v, double nK) {
    double alpha = 0.032 * (15 - v + VT) / Math.expm1((15 - v + VT) / 5);
    double beta = 0.5 * Math.exp((10 - v + VT) / 40);
    return alpha * (1 - nK) - beta * nK;
  }

  @Ode("h")
  double dh(double v, double h) {
    double alpha = 0.128 * Math.exp((17 - v + VT) / 18);
    double beta = 4 / (1 + Math.exp((40 - v + VT) / 5));
    return alpha * (1 - h) - beta * h;
  }

  @Ode("r")
  double dr() {
    return 1;
  }

  @Threshold
  boolean fire() {
    return v > V_spike && r > ref;
  }

  @Reset
  void reset() {
    r = 0;
  }
}
