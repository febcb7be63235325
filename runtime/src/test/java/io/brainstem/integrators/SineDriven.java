package io.brainstem.integrators;

import io.brainstem.annotations.Input;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.State;

/**
 * A leaky variable driven by {@code A·cos(ω·t) + B·sin(ω·t)}, for {@link TrigonometricDriveTest}:
 * {@code Math.sin}/{@code Math.cos} in a generated model, against the closed-form solution.
 */
@Neuron
public class SineDriven {
  @Param double A = 2, B = 0.5, omega = 0.3, tau = 10;
  @State double V;
  @Input double input;

  @Ode("V")
  double dV(double V, double input, double t) {
    return -V / tau + A * Math.cos(omega * t) + B * Math.sin(omega * t) + input;
  }
}
