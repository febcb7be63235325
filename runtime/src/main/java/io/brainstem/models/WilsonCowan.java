package io.brainstem.models;

import io.brainstem.annotations.Input;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.State;

/**
 * Wilson–Cowan excitatory/inhibitory rate model (Wilson &amp; Cowan 1972, Biophys. J. 12:1), with
 * BrainPy's {@code WilsonCowanModel} defaults. Each element is one E–I pair; there is no
 * threshold, so the group never spikes (its {@code spike} array stays false).
 *
 * <pre>
 *   tau_e · dx/dt = −x + (1 − r·x) · F(wEE·x − wIE·y + input_x; a_e, theta_e)
 *   tau_i · dy/dt = −y + (1 − r·y) · F(wEI·x − wII·y + input_y; a_i, theta_i)
 *   F(u; a, theta) = 1/(1 + exp(−a·(u − theta))) − 1/(1 + exp(a·theta))
 * </pre>
 *
 * Dimensionless activities; time in ms. Defaults: tau_e 1, a_e 1.2, theta_e 2.8, tau_i 1, a_i 1,
 * theta_i 4, wEE 12, wIE 4, wEI 13, wII 11, r 1; x and y start at 0. Use the generated
 * {@link WilsonCowanGroup}.
 */
@Neuron(backward = true)
public class WilsonCowan {
  @Param(unit = "ms") double tau_e = 1;
  @Param(unit = "1") double a_e = 1.2, theta_e = 2.8;
  @Param(unit = "ms") double tau_i = 1;
  @Param(unit = "1") double a_i = 1, theta_i = 4;
  @Param(unit = "1") double wEE = 12, wIE = 4, wEI = 13, wII = 11, r = 1;
  @State(unit = "1") double x, y;
  @Input(unit = "1") double input_x, input_y;

  @Ode("x")
  double dx(double x, double y, double input_x) {
    final double u = wEE * x - wIE * y + input_x;
    final double f = 1 / (1 + Math.exp(-a_e * (u - theta_e))) - 1 / (1 + Math.exp(a_e * theta_e));
    return (-x + (1 - r * x) * f) / tau_e;
  }

  @Ode("y")
  double dy(double x, double y, double input_y) {
    final double u = wEI * x - wII * y + input_y;
    final double f = 1 / (1 + Math.exp(-a_i * (u - theta_i))) - 1 / (1 + Math.exp(a_i * theta_i));
    return (-y + (1 - r * y) * f) / tau_i;
  }
}
