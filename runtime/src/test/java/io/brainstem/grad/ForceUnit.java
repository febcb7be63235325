package io.brainstem.grad;

import io.brainstem.annotations.Input;
import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.State;

/**
 * The rate unit of Sussillo and Abbott's (2009) FORCE network, {@code tau·dx/dt = −x + input},
 * whose {@code x} a {@code TanhProjection} reads: the recurrent network of the graded gradient
 * check.
 */
@Neuron(backward = true)
public class ForceUnit {
  @Param(unit = "ms") double tau = 2;
  @State(unit = "1") double x;
  @Input(unit = "1") double input;

  @Ode("x")
  double dx(double x, double input) {
    return (-x + input) / tau;
  }
}
